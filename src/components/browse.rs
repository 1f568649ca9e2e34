use crate::components::{
    active_filters::ActiveFilters,
    diagnostics_banner::DiagnosticsBanner,
    empty_results::EmptyResults,
    filter_panel::FilterPanel,
    later::Later,
    review_grid::ReviewGrid,
    search_box::SearchBox,
    sort_select::SortSelect,
    surprise::{SurpriseButton, SurprisePick},
};
use crate::data::Dataset;
use crate::personal_store::PersonalStore;
use crate::query_state::QueryState;
use leptos::prelude::*;
use std::sync::Arc;

const SCROLL_KEY: &str = "marquee:scroll:";

/// How long after the page appears the search index is built, if the reader has
/// not reached for the search box before.
#[cfg(target_arch = "wasm32")]
const WARM_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// "42 reviews", "1 review".
pub fn count_label(n: usize) -> String {
    if n == 1 {
        "1 review".to_string()
    } else {
        format!("{n} reviews")
    }
}

/// The grid with its filters, search, sort and result count, all driven by the URL.
#[component]
pub fn Browse(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    crate::boot::ready();
    let state = QueryState::new(Signal::derive(String::new));
    let store = expect_context::<PersonalStore>();
    let results = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let q = state.query.get();
            // A split dataset's search covers excerpts until its bodies are in: a
            // text query asks for them, and runs again when they arrive.
            if !q.text.is_empty() {
                dataset.full_text.track();
                dataset.load_all_bodies();
            }
            store.data.with(|me| Arc::new(dataset.engine.run(&q, me)))
        })
    };
    let facets = Signal::derive(move || results.with(|r| r.facets.clone()));
    let order = Memo::new(move |_| Arc::new(results.with(|r| r.order.clone())));
    let count = move || results.with(|r| r.order.len());
    let has_results = move || count() > 0;
    let search = Signal::derive(move || state.search());
    let highlight = Signal::derive(move || state.query.with(|q| q.text.clone()));

    // Coming back to the same query restores the scroll position.
    let restore_key = format!("{SCROLL_KEY}{}", search.get_untracked());
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || {
        let saved = session().and_then(|s| s.get_item(&restore_key).ok().flatten()).and_then(|y| y.parse::<f64>().ok());
        if let (Some(y), Some(w)) = (saved, web_sys::window()) {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = restore_key;
    // Saved when a click in the results (a card, previous/next) leaves the grid:
    // this handler runs before the router's, which scrolls to the top as it navigates.
    let save_scroll = move |_: leptos::ev::MouseEvent| {
        let y = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        if let Some(s) = session() {
            let _ = s.set_item(&format!("{SCROLL_KEY}{}", search.get_untracked()), &y.to_string());
        }
    };

    // The search index (and a small split dataset's texts) are built when the reader
    // reaches for the search box, or once the page has been quiet for a while, never
    // during the boot: at 10,000 reviews building the index is a long task.
    let warm = {
        let dataset = dataset.clone();
        move || {
            dataset.engine.warm_search();
            if dataset.chunks.len() <= crate::data::PREFETCH_CHUNKS {
                dataset.load_all_bodies();
            }
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        let warm = warm.clone();
        set_timeout(warm, WARM_AFTER);
    }
    let warm_on_focus = move |_: leptos::ev::FocusEvent| warm();

    let grid_dataset = dataset.clone();
    let grid = move || {
        let dataset = grid_dataset.clone();
        view! {
            <Later>
                <ReviewGrid dataset=dataset.clone() order search highlight />
            </Later>
        }
    };
    // Whether search covers every review's full text (a split dataset's bodies are in).
    let full_text = dataset.full_text.clone();
    let excerpts_only = !dataset.full_text_possible();
    view! {
        <DiagnosticsBanner diagnostics=dataset.diagnostics.clone() />
        <div class="browse">
            <Later>
                <FilterPanel facets state />
            </Later>
            <section
                class="browse__results"
                aria-label="Results"
                on:click=save_scroll
                data-full-text=move || if full_text.get() { Some("ready") } else if excerpts_only { Some("off") } else { None }
            >
                <div class="browse__toolbar" on:focusin=warm_on_focus>
                    <SearchBox state excerpts_only />
                    <SortSelect state />
                    <SurpriseButton state disabled=Signal::derive(move || count() == 0) />
                </div>
                <ActiveFilters facets state />
                <p class="result-count" role="status">{move || count_label(count())}</p>
                <SurprisePick dataset=dataset.clone() results state />
                <Show when=has_results fallback=move || view! { <EmptyResults results state /> }>
                    {grid.clone()}
                </Show>
            </section>
        </div>
    }
}
