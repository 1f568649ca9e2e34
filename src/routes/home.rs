use crate::components::{load_failure::LoadFailure, review_card::ReviewCard, skeleton_grid::SkeletonGrid};
use crate::data::CatalogResource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use marquee_core::Loaded;
use std::sync::Arc;

/// `/`: the grid of review cards.
#[component]
pub fn Home() -> impl IntoView {
    let catalog = expect_context::<CatalogResource>();
    let content = move || {
        Suspend::new(async move {
            match catalog.await {
                Ok(loaded) => view! { <Grid loaded /> }.into_any(),
                Err(error) => view! { <LoadFailure error on_retry=move |()| catalog.refetch() /> }.into_any(),
            }
        })
    };
    view! {
        <Title text="" />
        <Meta name="description" content="Film reviews: filter by genre, rating, year and more." />
        <h1 class="page__title">"Reviews"</h1>
        <Transition fallback=|| view! { <SkeletonGrid /> }>{content}</Transition>
    }
}

#[component]
fn Grid(loaded: Arc<Loaded>) -> impl IntoView {
    let count = loaded.catalog.reviews.len();
    let status = if count == 1 { "1 review".to_string() } else { format!("{count} reviews") };
    let cards = loaded.catalog.reviews.iter().cloned().map(|review| view! { <ReviewCard review /> }).collect_view();
    view! {
        <p class="result-count" role="status">{status}</p>
        <div class="review-grid">{cards}</div>
    }
}
