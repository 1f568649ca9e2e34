//! One review on the poster wall: its poster, with the title, year and the critic's stars
//! beneath, and the reader's own marks on the poster.

use crate::base::Base;
use crate::components::critic_rating::CriticRating;
use crate::components::poster::Poster;
use crate::personal_store::PersonalStore;
use leptos::prelude::*;
use marquee_core::Review;

/// A poster tile: an `article` headed by the film's title, whose link covers the tile.
#[component]
pub fn PosterCard(
    /// The review to show.
    review: Review,
    /// The current query string, carried to the review page.
    #[prop(into, optional)]
    search: Signal<String>,
    /// On the first screen: its poster loads at once, not lazily.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let store = use_context::<PersonalStore>();
    let page = base.review(review.id());
    let href = move || format!("{page}{}", search.get());
    let stars = review.rating.map(|rating| view! { <CriticRating rating /> });
    let id = review.id().to_string();
    // The reader's marks, on the poster: their rating, and a ribbon for the watchlist.
    let mine = move || {
        let store = store?;
        let (rating, watch) = store.data.with(|p| (p.rating(&id), p.on_watchlist(&id)));
        let rating = rating.map(|r| view! { <span class="poster-card__rated">"You: "{r.short()}</span> });
        let watch = watch.then(|| view! { <span class="poster-card__watchlist">"On your watchlist"</span> });
        (rating.is_some() || watch.is_some()).then(|| view! { <p class="poster-card__mine">{rating}{watch}</p> })
    };
    view! {
        <article class="poster-card">
            <div class="poster-card__art">
                <Poster
                    title=review.title().to_string()
                    year=review.year
                    poster=review.poster().map(Into::into)
                    priority=eager
                />
                {mine}
            </div>
            <h2 class="poster-card__title">
                <a class="poster-card__link" href=href>
                    {review.title().to_string()}
                </a>
            </h2>
            <p class="poster-card__meta">
                <span class="poster-card__year">{review.year}</span>
                {stars}
            </p>
        </article>
    }
}
