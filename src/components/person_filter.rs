//! The people filter: a director or cast member, by name.

use crate::query_state::QueryState;
use leptos::prelude::*;

/// A director or cast member, by name (prefixes of words, accents optional).
#[component]
pub fn PersonFilter(
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let value = move || state.query.with(|q| q.person.clone().unwrap_or_default());
    let set = move |text: String| {
        let was_empty = state.query.with_untracked(|q| q.person.is_none());
        state.type_into(|q| q.person = Some(text), was_empty);
    };
    view! {
        <div class="choice-filter">
            <label class="choice-filter__label" for="filter-person">
                "Director or cast"
            </label>
            <input
                class="choice-filter__input"
                id="filter-person"
                type="text"
                autocomplete="off"
                placeholder="e.g. Varda"
                prop:value=value
                on:input:target=move |ev| set(ev.target().value())
                on:change=move |_| state.commit()
            />
        </div>
    }
}
