use crate::base::Base;
use crate::components::{
    critic_rating::CriticRating, fact_box::FactBox, load_failure::LoadFailure, poster::Poster, prev_next::PrevNext,
    rating_widget::RatingWidget, review_body::ReviewBody, watchlist_toggle::WatchlistToggle,
};
use crate::data::{Dataset, DatasetState};
use crate::personal_store::{today, PersonalStore};
use crate::query_state::QueryState;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `/reviews/:id`: one review, loadable directly by URL. The reader's query
/// rides along in the query string, for previous/next and the way back.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let data = expect_context::<DatasetState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let content = move || {
        Suspend::new(async move {
            match data.resource.await {
                Ok(dataset) => view! { <ReviewFor dataset id /> }.into_any(),
                Err(error) => view! { <LoadFailure error /> }.into_any(),
            }
        })
    };
    view! { <Transition fallback=|| view! { <p class="page__loading">"Loading…"</p> }>{content}</Transition> }
}

#[component]
fn ReviewFor(dataset: Arc<Dataset>, id: Memo<String>) -> impl IntoView {
    move || match dataset.engine.position(&id.get()) {
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
        let id = review.id.clone();
        move || format!("reviews/{id}")
    }));
    let search = state.search();

    // Previous and next within the reader's current results.
    let (previous, next) = store.data.with_untracked(|me| {
        let order = dataset.engine.run(&state.query.get_untracked(), me).order;
        let at = order.iter().position(|&i| i as usize == index);
        let neighbour = |i: Option<usize>| {
            let r = &dataset.engine.reviews()[order[i?] as usize];
            Some((r.id.clone(), r.title.clone()))
        };
        match at {
            Some(at) => (neighbour(at.checked_sub(1)), neighbour(Some(at + 1).filter(|&n| n < order.len()))),
            None => (None, None),
        }
    });

    let id = review.id.clone();
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
    let original = review.original_title.clone().filter(|o| *o != review.title);
    view! {
        <Title text=review.title.clone() />
        <Meta name="description" content=review.excerpt() />
        <article class="review">
            <a class="review__back" href=format!("{}{search}", base.path())>"← All reviews"</a>
            <header class="review__header">
                <Poster title=review.title.clone() poster=review.poster.clone() />
                <div class="review__heading">
                    <h1 class="review__title">{review.title.clone()}</h1>
                    {original.map(|o| view! { <p class="review__original-title" lang="">{o}</p> })}
                    <p class="review__meta">{review.year}" · "{review.directors.join(", ")}</p>
                    <CriticRating rating=review.rating />
                </div>
            </header>
            <FactBox review=review.clone() />
            <ReviewBody dataset=dataset.clone() review=review.clone() index />
            <section class="review__mine" aria-label="Your rating and watchlist">
                <RatingWidget value=my_rating on_change=set_rating />
                <WatchlistToggle on_list on_toggle=toggle_watchlist />
            </section>
            <PrevNext previous next search />
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
