//! The sort order select ("Best match" only while searching).

use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::query::{Sort, SortKey};

/// The sort order. "Best match" is offered only while searching.
#[component]
pub fn SortSelect(
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let options = move || {
        let (current, searching) =
            state.query.with(|q| (q.effective_sort(), Sort::default_for(&q.text).key == SortKey::Relevance));
        Sort::choices()
            .into_iter()
            .filter(|(sort, _)| searching || sort.key != SortKey::Relevance)
            .map(|(sort, label)| {
                view! {
                    <option value=sort.token() selected=sort == current>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    let on_change = move |token: String| state.update(|q| q.sort = Sort::from_token(&token));
    view! {
        <div class="sort-select">
            <label class="sort-select__label" for="sort-by">
                "Sort by"
            </label>
            <select class="sort-select__select" id="sort-by" on:change:target=move |ev| on_change(ev.target().value())>
                {options}
            </select>
        </div>
    }
}
