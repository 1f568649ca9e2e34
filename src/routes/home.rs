use crate::components::{browse::Browse, load_failure::LoadFailure, skeleton_grid::SkeletonGrid};
use crate::data::DatasetState;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/`: the grid of reviews, its filters and search.
#[component]
pub fn Home() -> impl IntoView {
    let data = expect_context::<DatasetState>();
    let content = move || {
        Suspend::new(async move {
            match data.resource.await {
                Ok(dataset) => view! { <Browse dataset /> }.into_any(),
                Err(error) => view! { <LoadFailure error /> }.into_any(),
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
