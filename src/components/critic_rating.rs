//! The critic's rating as five stars, named in words ("Rated 3½ out of 5").

use leptos::prelude::*;
use marquee_core::Rating;

/// The classes that draw a rating: `stars stars--7` for seven half stars
/// (3½). The five stars are one element; its stylesheet draws them (see
/// `style/components/critic_rating.css`), so a card holds one node for its
/// rating instead of six, which every card's render and layout pays for.
fn classes(rating: Rating) -> &'static str {
    const CLASSES: [&str; 10] = [
        "stars stars--1",
        "stars stars--2",
        "stars stars--3",
        "stars stars--4",
        "stars stars--5",
        "stars stars--6",
        "stars stars--7",
        "stars stars--8",
        "stars stars--9",
        "stars stars--10",
    ];
    // A rating is 1..=10 halves.
    CLASSES[usize::from(rating.halves().clamp(1, 10) - 1)]
}

/// The accessible name: "Rated 4 out of 5", "Rated 3½ out of 5".
pub fn label(rating: Rating) -> String {
    format!("Rated {} out of 5", rating.short())
}

/// The critic's rating as five stars. Half stars differ by shape (a half-filled
/// outline), not by colour alone. Exposed to assistive tech as one image with a
/// name in words.
#[component]
pub fn CriticRating(
    /// The rating to show.
    rating: Rating,
) -> impl IntoView {
    view! { <span class=classes(rating) role="img" aria-label=label(rating)></span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn three_and_a_half_is_seven_halves_filled() {
        let r = Rating::from_halves(7).expect("7 halves is a rating");
        assert_eq!(classes(r), "stars stars--7");
        assert_eq!(label(r), "Rated 3½ out of 5");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn half_a_star_and_five_stars() {
        assert_eq!(classes(Rating::MIN), "stars stars--1");
        assert_eq!(classes(Rating::MAX), "stars stars--10");
        assert_eq!(label(Rating::MAX), "Rated 5 out of 5");
    }
}
