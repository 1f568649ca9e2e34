//! A film's poster, or a generated placeholder when there is none.

use crate::base::Base;
use leptos::prelude::*;
use marquee_core::hash::splitmix64;

/// How many placeholder colour schemes `style/components/poster.css` defines.
const PLACEHOLDER_HUES: u64 = 8;

/// Up to two initials from a title, skipping a leading article: "Rust and Bone" → "RB".
fn initials(title: &str) -> String {
    let words: Vec<&str> =
        title.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphanumeric)).collect();
    let skip = usize::from(words.len() > 1 && matches!(words[0].to_lowercase().as_str(), "the" | "a" | "an"));
    let significant: Vec<&str> =
        words[skip..].iter().copied().filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase())).collect();
    let chosen = if significant.is_empty() { &words[skip..] } else { &significant[..] };
    chosen.iter().take(2).filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
}

/// A stable colour scheme for a title.
fn hue(title: &str) -> u64 {
    let seed = title.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    splitmix64(seed) % PLACEHOLDER_HUES
}

/// A poster image, or a generated placeholder built from the title when there is
/// none or it fails to load. Decorative (`alt=""`): the title is always beside it.
#[component]
pub fn Poster(
    /// The film's title, for the placeholder.
    #[prop(into)]
    title: String,
    /// The poster URL from the dataset: http(s) or relative to the site.
    poster: Option<String>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let failed = RwSignal::new(false);
    let src = poster.map(|p| {
        if p.starts_with("http://") || p.starts_with("https://") || p.starts_with('/') {
            p
        } else {
            base.href(&p)
        }
    });
    let placeholder_class = format!("poster poster--placeholder poster--hue-{}", hue(&title));
    let initials = initials(&title);
    move || match (&src, failed.get()) {
        (Some(src), false) => view! {
            <img
                class="poster"
                src=src.clone()
                alt=""
                loading="lazy"
                decoding="async"
                on:error=move |_| failed.set(true)
            />
        }
        .into_any(),
        _ => view! {
            <div class=placeholder_class.clone() aria-hidden="true">
                <span class="poster__initials">{initials.clone()}</span>
            </div>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn initials_skip_articles_and_small_words() {
        assert_eq!(initials("Rust and Bone"), "RB");
        assert_eq!(initials("The General"), "G");
        assert_eq!(initials("M"), "M");
        assert_eq!(initials("2001: A Space Odyssey"), "2A");
        assert_eq!(initials("東京物語"), "東");
        assert_eq!(initials("  "), "");
    }

    #[wasm_bindgen_test]
    fn hues_are_stable_and_in_range() {
        assert_eq!(hue("Rust and Bone"), hue("Rust and Bone"));
        assert!((0..20).map(|i| hue(&format!("film {i}"))).all(|h| h < PLACEHOLDER_HUES));
    }
}
