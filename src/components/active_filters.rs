//! The active filters as removable chips, and "Clear all" (the chips come from
//! `marquee_core::choices::chips`).

use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::choices::{chips, Chip};
use marquee_core::engine::Facets;
use marquee_core::query::Query;

/// The active filters as removable chips, and "Clear all".
#[component]
pub fn ActiveFilters(
    /// Facet labels for the chips.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    // Compared before anything is drawn: a change of counts alone changes no chip.
    let list = Memo::new(move |_| state.query.with(|q| facets.with(|f| chips(q, f))));
    move || {
        let chips = list.get();
        (!chips.is_empty()).then(|| {
            let items = chips
                .into_iter()
                .map(|Chip { label, without: next }| {
                    let name = format!("Remove filter: {label}");
                    view! {
                        <li>
                            <button
                                class="chip chip--removable"
                                type="button"
                                aria-label=name
                                on:click=move |_| state.update(|q| *q = next.clone())
                            >
                                {label}
                                <span class="chip__remove" aria-hidden="true">
                                    "×"
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let clear_all = move |_| {
                state.update(|q| {
                    let sort = q.sort;
                    *q = Query { sort, ..Query::default() };
                });
            };
            view! {
                <div class="active-filters">
                    <ul class="active-filters__list" aria-label="Active filters">
                        {items}
                    </ul>
                    <button class="link-button" type="button" on:click=clear_all>
                        "Clear all"
                    </button>
                </div>
            }
        })
    }
}
