//! A review page's facts (director, cast, runtime, countries, dates) as a description list.

use leptos::prelude::*;
use marquee_core::Review;

/// "2 h", "1 h 38 min", "45 min".
pub fn runtime_text(minutes: u16) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The film's facts as a description list; absent facts are left out.
#[component]
pub fn FactBox(
    /// The review whose facts to show.
    review: Review,
) -> impl IntoView {
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    if !review.directors().is_empty() {
        facts.push((plural(review.directors().len(), "Director", "Directors"), review.directors().join(", ")));
    }
    if !review.cast().is_empty() {
        facts.push(("Cast", review.cast().join(", ")));
    }
    if !review.genres().is_empty() {
        facts.push((plural(review.genres().len(), "Genre", "Genres"), review.genres().join(", ")));
    }
    if let Some(m) = review.runtime_minutes {
        facts.push(("Runtime", runtime_text(m)));
    }
    if !review.countries().is_empty() {
        facts.push((plural(review.countries().len(), "Country", "Countries"), review.countries().join(", ")));
    }
    if let Some(d) = review.home_release {
        facts.push(("Home release", d.long()));
    }
    if let Some(d) = review.reviewed_on {
        facts.push(("Reviewed", d.long()));
    }
    let rows = facts
        .into_iter()
        .map(|(term, detail)| {
            view! {
                <div class="fact-box__row">
                    <dt class="fact-box__term">{term}</dt>
                    <dd class="fact-box__detail">{detail}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="fact-box">{rows}</dl> }
}
