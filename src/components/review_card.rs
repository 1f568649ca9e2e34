//! One review in the grid: title link, year, stars, excerpt and the reader's own marks.

use crate::base::Base;
use crate::components::{critic_rating::CriticRating, highlighted::Highlighted, poster::Poster};
use crate::personal_store::PersonalStore;
use leptos::prelude::*;
use marquee_core::Review;

/// One review in the grid: an `article` headed by the film's title, whose link
/// covers the whole card and leads to the review page (keeping the reader's
/// query, so the review page can offer previous/next and a way back).
#[component]
pub fn ReviewCard(
    /// The review to show.
    review: Review,
    /// The current query string (`"?genre=drama"` or `""`), carried to the review page.
    #[prop(into, optional)]
    search: Signal<String>,
    /// The reader's search text, whose matches are highlighted.
    #[prop(into, optional)]
    highlight: Signal<String>,
    /// On the first screen: its poster loads at once, not lazily.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let store = use_context::<PersonalStore>();
    let page = base.review(review.id());
    let href = move || format!("{page}{}", search.get());
    // Facts an imported review may lack leave their line out (docs/dataset.md).
    let directors = (!review.directors().is_empty()).then(|| {
        view! {
            " · "
            <Highlighted text=review.directors().join(", ") query=highlight />
        }
    });
    let stars = review.rating.map(|rating| view! { <CriticRating rating /> });
    let id = review.id().to_string();
    let mine = move || {
        let store = store?;
        let (rating, watch) = store.data.with(|p| (p.rating(&id), p.on_watchlist(&id)));
        let rating = rating.map(|r| view! { <span class="review-card__mine-rating">"You: "{r.words()}</span> });
        let watch = watch.then(|| view! { <span class="review-card__watchlist">"On your watchlist"</span> });
        Some(view! { <p class="review-card__mine">{rating}{watch}</p> })
    };
    view! {
        <article class="review-card">
            <Poster
                title=review.title().to_string()
                year=review.year
                poster=review.poster().map(Into::into)
                priority=eager
            />
            <div class="review-card__text">
                <h2 class="review-card__title">
                    <a class="review-card__link" href=href>
                        <Highlighted text=review.title().to_string() query=highlight />
                    </a>
                </h2>
                <p class="review-card__meta">
                    <span class="review-card__year">{review.year}</span>
                    {directors}
                </p>
                {stars}
                <p class="review-card__genres">{review.genres().join(" · ")}</p>
                <p class="review-card__summary">
                    <Highlighted text=review.excerpt() query=highlight />
                </p>
                {mine}
            </div>
        </article>
    }
}
