use crate::base::Base;
use crate::components::{critic_rating::CriticRating, load_failure::LoadFailure};
use crate::data::CatalogResource;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use marquee_core::Review;

/// `/reviews/:id`: one review, loadable directly by URL.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let catalog = expect_context::<CatalogResource>();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let content = move || {
        Suspend::new(async move {
            let loaded = match catalog.await {
                Ok(loaded) => loaded,
                Err(error) => return view! { <LoadFailure error on_retry=move |()| catalog.refetch() /> }.into_any(),
            };
            match loaded.catalog.get(&id()) {
                Some(review) => view! { <ReviewArticle review=review.clone() /> }.into_any(),
                None => view! { <MissingReview id=id() /> }.into_any(),
            }
        })
    };
    view! { <Transition fallback=|| view! { <p class="page__loading">"Loading…"</p> }>{content}</Transition> }
}

#[component]
fn ReviewArticle(review: Review) -> impl IntoView {
    let base = expect_context::<Base>();
    let paragraphs = review
        .body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.trim().to_string()}</p> })
        .collect_view();
    let description = review.excerpt();
    view! {
        <Title text=review.title.clone() />
        <Meta name="description" content=description />
        <article class="review">
            <a class="review__back" href=base.path()>"← All reviews"</a>
            <h1 class="review__title">{review.title.clone()}</h1>
            <p class="review__meta">{review.year}" · "{review.directors.join(", ")}</p>
            <CriticRating rating=review.rating />
            <div class="review__body">{paragraphs}</div>
        </article>
    }
}

#[component]
fn MissingReview(id: String) -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <Title text="Review not found" />
        <section class="not-found">
            <h1 class="page__title">"Review not found"</h1>
            <p>"No review has the id “"{id}"”. "<a href=base.path()>"See all reviews"</a>"."</p>
        </section>
    }
}
