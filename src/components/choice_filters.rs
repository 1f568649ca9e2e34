use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::engine::{Facets, RUNTIME_BUCKETS};
use marquee_core::query::Mine;
use marquee_core::Rating;

/// One option of a select: its value, its label and whether it is chosen.
type Choice = (String, String, bool);

/// A labelled `<select>` whose options are recomputed from the facets.
#[component]
fn ChoiceSelect(
    /// The visible label, which is also the select's accessible name.
    label: &'static str,
    /// A unique id for the select.
    id: &'static str,
    /// The options.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// Called with the chosen option's value.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="choice-filter">
            <label class="choice-filter__label" for=id>{label}</label>
            <select class="choice-filter__select" id=id on:change:target=move |ev| on_choose.run(ev.target().value())>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(value, text, selected)| view! { <option value=value selected=selected>{text}</option> })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Minimum critic rating, in half-star steps, with how many reviews each would leave.
#[component]
pub fn MinRatingFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let choices = move || {
        let current = state.query.with(|q| q.min_rating.map_or(0, Rating::halves));
        facets.with(|f| {
            let any = (String::new(), format!("Any rating ({})", f.min_rating[0]), current == 0);
            std::iter::once(any)
                .chain(Rating::all().map(|r| {
                    let h = r.halves();
                    (h.to_string(), format!("{} or more ({})", r.words(), f.min_rating[h as usize]), current == h)
                }))
                .collect()
        })
    };
    let on_choose =
        move |value: String| state.update(|q| q.min_rating = value.parse().ok().and_then(Rating::from_halves));
    view! { <ChoiceSelect label="Minimum rating" id="filter-min-rating" choices=Signal::derive(choices) on_choose /> }
}

fn bucket_label(lo: u16, hi: u16) -> String {
    match (lo, hi) {
        (1, hi) => format!("Under {} minutes", hi + 1),
        (lo, 1000) => format!("{lo} minutes or more"),
        (lo, hi) => format!("{lo}–{hi} minutes"),
    }
}

/// Runtime, in ranges, with counts.
#[component]
pub fn RuntimeFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let choices = move || {
        let (min, max) = state.query.with(|q| (q.runtime_min, q.runtime_max));
        let mut choices = vec![(String::new(), "Any length".to_string(), min.is_none() && max.is_none())];
        let mut matched = min.is_none() && max.is_none();
        facets.with(|f| {
            for (i, &(lo, hi)) in RUNTIME_BUCKETS.iter().enumerate() {
                let selected = (min.unwrap_or(1), max.unwrap_or(1000)) == (lo, hi);
                matched |= selected;
                choices.push((format!("{lo}-{hi}"), format!("{} ({})", bucket_label(lo, hi), f.runtime[i]), selected));
            }
        });
        if !matched {
            let custom = format!("{}–{} minutes", min.unwrap_or(1), max.unwrap_or(1000));
            choices.push((format!("{}-{}", min.unwrap_or(1), max.unwrap_or(1000)), custom, true));
        }
        choices
    };
    let on_choose = move |value: String| {
        state.update(|q| {
            let (lo, hi) = value.split_once('-').map_or((None, None), |(lo, hi)| (lo.parse().ok(), hi.parse().ok()));
            q.runtime_min = lo.filter(|&m| m > 1);
            q.runtime_max = hi.filter(|&m| m < 1000);
        });
    };
    view! { <ChoiceSelect label="Runtime" id="filter-runtime" choices=Signal::derive(choices) on_choose /> }
}

/// The reader's own films: rated, unrated, on the watchlist.
#[component]
pub fn MineFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let labels = ["Rated by you", "Not rated by you", "On your watchlist"];
    let choices = move || {
        let current = state.query.with(|q| q.mine);
        let mut choices = vec![(String::new(), "All films".to_string(), current.is_none())];
        facets.with(|f| {
            for (i, mine) in Mine::ALL.into_iter().enumerate() {
                choices.push((mine.key().to_string(), format!("{} ({})", labels[i], f.mine[i]), current == Some(mine)));
            }
        });
        choices
    };
    let on_choose = move |value: String| state.update(|q| q.mine = Mine::from_key(&value));
    view! { <ChoiceSelect label="Your films" id="filter-mine" choices=Signal::derive(choices) on_choose /> }
}
