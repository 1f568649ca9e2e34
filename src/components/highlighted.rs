//! Text with the words that match the search marked.

use leptos::prelude::*;
use marquee_core::text::highlight;

/// Text with the words matching the search marked with `<mark>`.
#[component]
pub fn Highlighted(
    /// The text to show.
    #[prop(into)]
    text: String,
    /// The reader's search; empty for none.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    move || {
        query.with(|q| {
            highlight(&text, q)
                .into_iter()
                .map(|(run, hit)| {
                    let run = run.to_string();
                    if hit {
                        view! { <mark class="highlight">{run}</mark> }.into_any()
                    } else {
                        run.into_any()
                    }
                })
                .collect_view()
        })
    }
}
