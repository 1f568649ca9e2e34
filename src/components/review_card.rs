use crate::base::Base;
use crate::components::critic_rating::CriticRating;
use leptos::prelude::*;
use marquee_core::Review;

/// One review in the grid: an `article` headed by the film's title, whose link
/// covers the whole card and leads to the review page.
#[component]
pub fn ReviewCard(
    /// The review to show.
    review: Review,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let href = base.review(&review.id);
    let directors = review.directors.join(", ");
    let genres = review.genres.join(" · ");
    let excerpt = review.excerpt();
    view! {
        <article class="review-card">
            <h2 class="review-card__title">
                <a class="review-card__link" href=href>
                    {review.title}
                </a>
            </h2>
            <p class="review-card__meta">
                <span class="review-card__year">{review.year}</span>
                " · "
                <span class="review-card__directors">{directors}</span>
            </p>
            <CriticRating rating=review.rating />
            <p class="review-card__genres">{genres}</p>
            <p class="review-card__summary">{excerpt}</p>
        </article>
    }
}
