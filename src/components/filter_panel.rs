//! The filter panel: every filter with live counts, folded behind a button on narrow screens.

use crate::components::choice_filters::{MinRatingFilter, MineFilter, RuntimeFilter};
use crate::components::facet_checklist::FacetChecklist;
use crate::components::person_filter::PersonFilter;
use crate::components::year_filter::YearFilter;
use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::engine::Facets;
use marquee_core::query::GenreMode;

/// Adds `key` to a sorted list of keys, or removes it if present.
fn toggle(list: &mut Vec<String>, key: String) {
    match list.binary_search(&key) {
        Ok(i) => {
            list.remove(i);
        }
        Err(i) => list.insert(i, key),
    }
}

/// Every filter, with live counts. On narrow screens it folds away behind a
/// "Filters" button.
#[component]
pub fn FilterPanel(
    /// Counts for every facet, given the other filters.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let genres = Signal::derive(move || facets.with(|f| f.genres.clone()));
    let countries = Signal::derive(move || facets.with(|f| f.countries.clone()));
    let toggle_genre = move |key: String| state.update(|q| toggle(&mut q.genres, key));
    let toggle_country = move |key: String| state.update(|q| toggle(&mut q.countries, key));
    let all_genres = move || state.query.with(|q| q.genre_mode == GenreMode::All);
    let set_mode = move |all: bool| state.update(|q| q.genre_mode = if all { GenreMode::All } else { GenreMode::Any });
    let active_count = move || state.query.with(|q| q.genres.len() + q.countries.len());
    view! {
        <aside class="filter-panel" class:filter-panel--open=open aria-label="Filters">
            <button
                class="button button--quiet filter-panel__toggle"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls="filter-panel-body"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Filters"
                {move || (active_count() > 0).then(|| format!(" ({})", active_count()))}
            </button>
            <div class="filter-panel__body" id="filter-panel-body">
                <FacetChecklist legend="Genre" values=genres on_toggle=toggle_genre>
                    <label class="facet-list__mode">
                        <input type="checkbox" prop:checked=all_genres on:change:target=move |ev| set_mode(ev.target().checked()) />
                        " Match all selected genres"
                    </label>
                </FacetChecklist>
                <MinRatingFilter facets state />
                <YearFilter facets state />
                <FacetChecklist legend="Country" values=countries on_toggle=toggle_country collapse_after=8 />
                <RuntimeFilter facets state />
                <PersonFilter state />
                <MineFilter facets state />
            </div>
        </aside>
    }
}
