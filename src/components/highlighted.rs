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
    // The runs are compared before anything is drawn: a keystroke that changes no mark in
    // this text (most cards' texts, most keystrokes) leaves its DOM alone.
    let runs = Memo::new(move |_| {
        query.with(|q| highlight(&text, q).into_iter().map(|(run, hit)| (run.to_string(), hit)).collect::<Vec<_>>())
    });
    move || {
        runs.get()
            .into_iter()
            .map(
                |(run, hit)| {
                    if hit {
                        view! { <mark class="highlight">{run}</mark> }.into_any()
                    } else {
                        run.into_any()
                    }
                },
            )
            .collect_view()
    }
}
