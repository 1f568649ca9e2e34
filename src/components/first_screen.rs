use crate::components::review_grid::ReviewGrid;
use crate::data::Dataset;
use leptos::prelude::*;
use marquee_core::personal::Personal;
use marquee_core::query::Query;
use std::sync::Arc;

/// A large collection's first screen (`marquee build` publishes it as the card
/// index, naming the full index it continues in): its newest reviews as cards,
/// in the layout the full page will have, while the rest load. Search and
/// filters appear with the full index; until then they are placeholders.
#[component]
pub fn FirstScreen(
    /// The first-screen dataset: the newest reviews, and how many there are in all.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let order = dataset.engine.run(&Query::default(), &Personal::default()).order;
    let shown = order.len();
    let total = dataset.total.unwrap_or(shown);
    let status = format!("Showing the newest {shown} of {total} reviews; search and filters are on their way…");
    view! {
        <div class="browse first-screen" aria-busy="true">
            <div class="first-screen__panel" aria-hidden="true"></div>
            <section class="browse__results" aria-label="Results">
                <div class="browse__toolbar">
                    <div class="search-box">
                        <input class="search-box__input" type="search" aria-label="Search reviews" disabled
                            placeholder="Search titles, people, reviews…" />
                    </div>
                </div>
                <p class="result-count" role="status">{status}</p>
                <ReviewGrid
                    dataset
                    order=Signal::stored(Arc::new(order))
                    search=Signal::stored(String::new())
                    highlight=Signal::stored(String::new())
                />
            </section>
        </div>
    }
}
