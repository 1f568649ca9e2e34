use crate::query_state::{History, QueryState};
use leptos::prelude::*;

/// A director or cast member, by name (prefixes of words, accents optional).
#[component]
pub fn PersonFilter(
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let value = move || state.query.with(|q| q.person.clone().unwrap_or_default());
    let set = move |text: String| {
        let mut q = state.query.get_untracked();
        let was_empty = q.person.is_none();
        q.person = Some(text);
        q.pick = None;
        state.set(q, if was_empty { History::Push } else { History::Replace });
    };
    view! {
        <div class="choice-filter">
            <label class="choice-filter__label" for="filter-person">"Director or cast"</label>
            <input class="choice-filter__input" id="filter-person" type="text" autocomplete="off" placeholder="e.g. Varda"
                prop:value=value on:input:target=move |ev| set(ev.target().value()) />
        </div>
    }
}
