use crate::components::{
    browse::Browse, first_screen::FirstScreen, load_failure::LoadFailure, skeleton_grid::SkeletonGrid,
};
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
    // While a large collection loads, its first screen; it only fits the default view.
    let unfiltered = leptos_router::hooks::use_location().search.get_untracked().is_empty();
    let first_or_skeleton = move || match data.first.get().filter(|_| unfiltered) {
        Some(dataset) => view! { <FirstScreen dataset /> }.into_any(),
        None => view! { <SkeletonGrid /> }.into_any(),
    };
    // The fallback is built once; the closure inside it follows `first`.
    let placeholder = move || view! { {first_or_skeleton} };
    view! {
        <Title text="" />
        <Meta name="description" content="Film reviews: filter by genre, rating, year and more." />
        <h1 class="page__title">"Reviews"</h1>
        <Transition fallback=placeholder>{content}</Transition>
    }
}
