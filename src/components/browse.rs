//! The home page's browser: the grid with its filters, search, sort and result count, all driven by the URL.

use crate::components::{
    active_filters::ActiveFilters,
    diagnostics_banner::DiagnosticsBanner,
    empty_results::EmptyResults,
    filter_panel::FilterPanel,
    later::Later,
    review_grid::{Layout, ReviewGrid},
    search_box::SearchBox,
    sort_select::SortSelect,
    surprise::{SurpriseButton, SurprisePick},
    view_switch::ViewSwitch,
};
use crate::dataset::Dataset;
use crate::full_text::{self, Coverage};
use crate::hooks::use_scroll_restore::use_scroll_restore;
use crate::personal_store::PersonalStore;
use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::choices::count_label;
use marquee_core::engine::Results;
use marquee_core::query::View;
use std::sync::Arc;

/// How long after the page appears the search index is built, if the reader has
/// not reached for the search box before.
#[cfg(target_arch = "wasm32")]
const WARM_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

/// The grid with its filters, search, sort and result count, all driven by the URL.
#[component]
pub fn Browse(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    crate::boot::ready();
    let state = QueryState::new(Signal::derive(String::new));
    let store = expect_context::<PersonalStore>();
    // A split dataset's text query covers titles, people and excerpts at once, and
    // the full text when the pieces of the full-text index it needs have arrived:
    // each arrival runs the query again.
    let coverage = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            dataset.full_text.epoch.track();
            state.query.with(|q| full_text::cover(&dataset, &q.text))
        })
    };
    let results = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let q = state.query.get();
            if !q.text.is_empty() {
                dataset.full_text.epoch.track();
            }
            store.data.with(|me| Arc::new(dataset.engine.run(&q, me)))
        })
    };
    let count = move || results.with(|r| r.order.len());
    let loading = move || coverage.get() == Coverage::Loading;
    // While a text query's index pieces are on their way, "no reviews" would not be true yet.
    let searching = move || loading() && count() == 0;
    // Meanwhile the grid and the filters keep the last answer, dimmed (`aria-busy`), rather
    // than emptying and filling again one fetch later: the new answer then moves the cards
    // that stay and builds only the new ones.
    let shown = Memo::new(move |held: Option<&Arc<Results>>| match held {
        Some(held) if searching() => held.clone(),
        _ => results.get(),
    });
    let facets = Signal::derive(move || shown.with(|r| r.facets.clone()));
    let order = Memo::new(move |_| Arc::new(shown.with(|r| r.order.clone())));
    let has_results = move || count() > 0;
    let search = Signal::derive(move || state.search());
    let highlight = Signal::derive(move || state.query.with(|q| q.text.clone()));

    // Coming back to the same query restores the scroll position; it is saved when a
    // click in the results (a card, previous/next) leaves the grid: this handler runs
    // before the router's, which scrolls to the top as it navigates.
    let save = use_scroll_restore(search);
    let save_scroll = move |_: leptos::ev::MouseEvent| save();

    // The search index is built (and the full-text manifest, and a small split
    // dataset's texts, fetched) when the reader reaches for the search box, or once
    // the page has been quiet for a while, never during the boot: at 10,000
    // reviews building the index is a long task.
    let warm = {
        let dataset = dataset.clone();
        move || {
            dataset.engine.warm_search();
            full_text::warm(&dataset);
            dataset.load_all_bodies();
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        let warm = warm.clone();
        set_timeout(warm, WARM_AFTER);
    }
    let warm_on_focus = move |_: leptos::ev::FocusEvent| warm();

    let layout = Signal::derive(move || match state.query.with(|q| q.view) {
        View::List => Layout::Cards,
        View::Posters => Layout::Posters,
    });
    let grid_dataset = dataset.clone();
    let grid = move || {
        let dataset = grid_dataset.clone();
        view! {
            <Later>
                <ReviewGrid dataset=dataset.clone() order search highlight layout />
            </Later>
        }
    };
    // A card index without a full-text index searches its cards only, and says so.
    let excerpts_only = !dataset.chunks.is_empty() && !dataset.full_text.published();
    let count_text = move || if searching() { "Searching…".to_string() } else { count_label(count()) };
    let grid_or_empty = move || has_results() || searching();
    view! {
        <DiagnosticsBanner diagnostics=dataset.diagnostics.clone() />
        <div class="browse">
            <Later>
                <FilterPanel facets count=Signal::derive(count) state />
            </Later>
            <section
                class="browse__results"
                aria-label="Results"
                on:click=save_scroll
                data-full-text=move || coverage.get().attribute()
                aria-busy=move || loading().then_some("true")
            >
                <div class="browse__toolbar" on:focusin=warm_on_focus>
                    <Later>
                        <SearchBox state excerpts_only />
                        <SortSelect state />
                        <SurpriseButton state disabled=Signal::derive(move || count() == 0) />
                        <ViewSwitch state />
                    </Later>
                </div>
                <ActiveFilters facets state />
                <p class="result-count" role="status">
                    {count_text}
                </p>
                <SurprisePick dataset=dataset results state />
                <Show when=grid_or_empty fallback=move || view! { <EmptyResults results state /> }>
                    {grid.clone()}
                </Show>
            </section>
        </div>
    }
}
