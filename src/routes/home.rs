//! The route `/`: the browser of reviews, or its skeleton and load failure.

use crate::components::{browse::Browse, load_failure::LoadFailure, skeleton_grid::SkeletonGrid};
use crate::dataset::DatasetState;
use crate::hooks::use_page_meta::use_page_meta;
use leptos::prelude::*;

/// What the home page says of itself in search results and link previews.
pub const HOME_DESCRIPTION: &str = "Film reviews: filter by genre, rating, year and more.";

/// `/`: the grid of reviews, its filters and search.
#[component]
pub fn Home() -> impl IntoView {
    let data = expect_context::<DatasetState>();
    use_page_meta(String::new(), HOME_DESCRIPTION.to_string());
    // Placeholders while loading show only where nothing was prerendered (or the
    // prerendered films are another dataset's): elsewhere the page stays as built.
    let placeholders = !crate::boot::taking_over();
    let content = move || match data.current.get() {
        Some(Ok(dataset)) => view! { <Browse dataset /> }.into_any(),
        Some(Err(error)) => view! { <LoadFailure error /> }.into_any(),
        None => placeholders.then(|| view! { <SkeletonGrid /> }).into_any(),
    };
    view! {
        <h1 class="page__title">"Reviews"</h1>
        {content}
    }
}
