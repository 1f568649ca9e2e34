//! The search field, which filters as the reader types and writes the URL after a pause.

use crate::query_state::QueryState;
use leptos::prelude::*;

/// The search field. Results follow each keystroke; the URL follows a pause or
/// Enter (see `QueryState::type_into`). A new search is one history entry, so
/// Back leaves the search instead of undoing one letter.
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
        let new_search = state.query.with_untracked(|q| q.text.trim().is_empty());
        state.type_into(|q| q.text = text, new_search);
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
                on:change=move |_| state.commit()
            />
        </div>
    }
}
