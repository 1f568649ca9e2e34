//! The critic's rating as five stars, named in words ("Rated 3½ out of 5").

use leptos::prelude::*;
use marquee_core::Rating;

/// How one of the five stars is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fill {
    Full,
    Half,
    Empty,
}

impl Fill {
    fn class(self) -> &'static str {
        match self {
            Fill::Full => "stars__star stars__star--full",
            Fill::Half => "stars__star stars__star--half",
            Fill::Empty => "stars__star stars__star--empty",
        }
    }
}

/// The fill of each of the five stars for a rating.
fn fills(rating: Rating) -> [Fill; 5] {
    let halves = rating.halves();
    std::array::from_fn(|i| match halves.saturating_sub(2 * i as u8) {
        0 => Fill::Empty,
        1 => Fill::Half,
        _ => Fill::Full,
    })
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
    let stars = fills(rating).map(|fill| view! { <span class=fill.class() aria-hidden="true"></span> });
    view! {
        <span class="stars" role="img" aria-label=label(rating)>
            {stars.to_vec()}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn three_and_a_half_is_three_full_one_half_one_empty() {
        let r = Rating::from_halves(7).expect("7 halves is a rating");
        assert_eq!(fills(r), [Fill::Full, Fill::Full, Fill::Full, Fill::Half, Fill::Empty]);
        assert_eq!(label(r), "Rated 3½ out of 5");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn half_a_star_and_five_stars() {
        assert_eq!(fills(Rating::MIN)[0], Fill::Half);
        assert_eq!(fills(Rating::MAX), [Fill::Full; 5]);
        assert_eq!(label(Rating::MAX), "Rated 5 out of 5");
    }
}
