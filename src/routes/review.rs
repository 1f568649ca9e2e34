//! The route `/reviews/:id`: one review, with its facts, text, your rating and previous/next.

use crate::base::Base;
use crate::components::{
    critic_rating::CriticRating,
    fact_box::FactBox,
    later::Later,
    load_failure::LoadFailure,
    poster::Poster,
    prev_next::{Neighbour, PrevNext},
    rating_widget::RatingWidget,
    review_body::ReviewBody,
    watchlist_toggle::WatchlistToggle,
};
use crate::dataset::{Dataset, DatasetState};
use crate::hooks::use_page_meta::use_page_meta;
use crate::personal_store::{today, PersonalStore};
use crate::query_state::QueryState;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use marquee_core::poster::Place;
use std::sync::Arc;

/// `/reviews/:id`: one review, loadable directly by URL. The reader's query
/// rides along in the query string, for previous/next and the way back.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let data = expect_context::<DatasetState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || match data.current.get() {
        Some(Ok(dataset)) => view! { <ReviewFor dataset id /> }.into_any(),
        Some(Err(error)) => view! { <LoadFailure error /> }.into_any(),
        None => view! { <p class="page__loading">"Loading…"</p> }.into_any(),
    }
}

#[component]
fn ReviewFor(dataset: Arc<Dataset>, id: Memo<String>) -> impl IntoView {
    move || match dataset.position(&id.get()) {
        Some(index) => view! { <ReviewArticle dataset=dataset.clone() index /> }.into_any(),
        None => view! { <MissingReview id=id.get() /> }.into_any(),
    }
}

#[component]
fn ReviewArticle(dataset: Arc<Dataset>, index: usize) -> impl IntoView {
    let base = expect_context::<Base>();
    let store = expect_context::<PersonalStore>();
    let review = dataset.engine.reviews()[index].clone();
    let state = QueryState::new(Signal::derive({
        let id = review.id().to_string();
        move || format!("reviews/{id}")
    }));
    let search = state.search();

    // Previous and next within the reader's current results.
    let (previous, next) =
        store.data.with_untracked(|me| dataset.engine.neighbours(&state.query.get_untracked(), me, index));
    let neighbour = |i: Option<u32>| {
        let r = &dataset.engine.reviews()[i? as usize];
        Some(Neighbour { id: r.id().to_string(), title: r.title().to_string() })
    };
    let (previous, next) = (neighbour(previous), neighbour(next));

    let id = review.id().to_string();
    let my_rating = Signal::derive({
        let id = id.clone();
        move || store.data.with(|p| p.rating(&id))
    });
    let set_rating = {
        let id = id.clone();
        move |rating| store.update(|p| p.set_rating(&id, rating, today()))
    };
    let on_list = Signal::derive({
        let id = id.clone();
        move || store.data.with(|p| p.on_watchlist(&id))
    });
    let toggle_watchlist = move |()| store.update(|p| p.toggle_watchlist(&id));
    let original = review.original_title().filter(|o| *o != review.title()).map(str::to_string);
    use_page_meta(heading(&review), review.excerpt());
    let stars = review.rating.map(|rating| view! { <CriticRating rating /> });
    let facts = review.clone();
    view! {
        <article class="review">
            <a class="review__back" href=format!("{}{search}", base.path())>
                "← All reviews"
            </a>
            <header class="review__header">
                <Poster
                    title=review.title().to_string()
                    year=review.year
                    poster=review.poster().map(Into::into)
                    place=Place::Page
                    priority=true
                />
                <div class="review__heading">
                    <h1 class="review__title">{review.title().to_string()}</h1>
                    {original
                        .map(|o| {
                            view! {
                                <p class="review__original-title" lang="">
                                    {o}
                                </p>
                            }
                        })}
                    <p class="review__meta">{review.byline()}</p>
                    {stars}
                </div>
            </header>
            // The rest in tasks of their own while the app takes over (see `Later`).
            <Later>
                <FactBox review=facts.clone() />
            </Later>
            <ReviewBody dataset=dataset.clone() review=review index />
            <Later>
                <section class="review__mine" aria-label="Your rating and watchlist">
                    <RatingWidget value=my_rating on_change=set_rating.clone() />
                    <WatchlistToggle on_list on_toggle=toggle_watchlist.clone() />
                </section>
                <PrevNext previous=previous.clone() next=next.clone() search=search.clone() />
            </Later>
        </article>
    }
}

#[component]
fn MissingReview(id: String) -> impl IntoView {
    let base = expect_context::<Base>();
    use_page_meta("Review not found".to_string(), String::new());
    crate::boot::ready();
    view! {
        <section class="not-found">
            <h1 class="page__title">"Review not found"</h1>
            <p>"No review has the id “"{id}"”. "<a href=base.path()>"See all reviews"</a>"."</p>
        </section>
    }
}

/// A review page's heading in titles and link previews: "Rust and Bone (2012)".
pub fn heading(review: &marquee_core::Review) -> String {
    format!("{} ({})", review.title(), review.year)
}
