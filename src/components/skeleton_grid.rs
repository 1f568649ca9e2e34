//! Grey placeholder cards shown while the dataset loads.

use leptos::prelude::*;

/// Grey placeholder cards shown while the dataset loads.
#[component]
pub fn SkeletonGrid(
    /// How many placeholder cards to draw.
    #[prop(default = 6)]
    count: usize,
) -> impl IntoView {
    let cards = (0..count)
        .map(|_| {
            view! {
                <div class="skeleton-card" aria-hidden="true">
                    <div class="skeleton-card__line skeleton-card__line--title"></div>
                    <div class="skeleton-card__line"></div>
                    <div class="skeleton-card__line skeleton-card__line--short"></div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="skeleton-grid" aria-busy="true">
            <p class="visually-hidden" role="status">
                "Loading reviews…"
            </p>
            {cards}
        </div>
    }
}
