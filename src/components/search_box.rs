use crate::query_state::{History, QueryState};
use leptos::prelude::*;

/// The search field. The first keystroke of a search adds a history entry; the
/// rest replace it, so Back leaves the search instead of undoing one letter.
#[component]
pub fn SearchBox(
    /// The query to change.
    state: QueryState,
    /// Whether the search covers only titles, people, tags and excerpts (a
    /// collection too large to fetch every review's text for).
    #[prop(optional)]
    excerpts_only: bool,
) -> impl IntoView {
    let placeholder =
        if excerpts_only { "Search titles, people, excerpts…" } else { "Search titles, people, reviews…" };
    let value = move || state.query.with(|q| q.text.clone());
    let on_input = move |text: String| {
        let mut q = state.query.get_untracked();
        let history = if q.text.trim().is_empty() { History::Push } else { History::Replace };
        q.text = text;
        q.pick = None;
        state.set(q, history);
    };
    view! {
        <div class="search-box" role="search">
            <input
                class="search-box__input"
                type="search"
                aria-label="Search reviews"
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                on:input:target=move |ev| on_input(ev.target().value())
            />
        </div>
    }
}
