//! A film's poster: the sizes `marquee build` made from the reviewer's image, a remote image,
//! or a typographic placeholder when there is none.

use crate::base::Base;
use leptos::prelude::*;
use marquee_core::hash::splitmix64;
use marquee_core::poster::{self, Place};

/// How many placeholder tints `style/components/poster.css` defines.
const PLACEHOLDER_TINTS: u64 = 6;

/// A stable tint for a title.
fn tint(title: &str) -> u64 {
    let seed = title.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    splitmix64(seed) % PLACEHOLDER_TINTS
}

/// A poster image, or a placeholder set in type (the title and year, in the collection's
/// palette) when there is none or it fails to load. Decorative (`alt=""`): the title is
/// always beside it.
#[component]
pub fn Poster(
    /// The film's title, for the placeholder.
    #[prop(into)]
    title: String,
    /// The film's year, for the placeholder.
    #[prop(optional)]
    year: Option<u16>,
    /// The poster from the dataset: one `marquee build` made, an http(s) URL, or a path in the site.
    poster: Option<Box<str>>,
    /// Where it is shown, which decides the sizes offered: a card (the default) or a review page.
    #[prop(optional)]
    place: Place,
    /// Loaded first and never lazily: a review page's poster, or a card on the first screen.
    #[prop(optional)]
    priority: bool,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let failed = RwSignal::new(false);
    let generated = poster.as_deref().and_then(|p| poster::sources(p, place, base.path()));
    let src = match (&generated, poster) {
        (Some(sources), _) => Some(sources.src.clone()),
        (None, Some(p)) if p.starts_with("http://") || p.starts_with("https://") || p.starts_with('/') => {
            Some(p.into_string())
        }
        (None, Some(p)) => Some(base.href(&p)),
        (None, None) => None,
    };
    let srcset = generated.as_ref().map(|s| s.srcset.clone());
    let sizes = generated.as_ref().map(|s| s.sizes);
    let width = generated.as_ref().map(|s| s.width);
    let height = generated.as_ref().map(|s| s.height);
    let loading = if priority { "eager" } else { "lazy" };
    let fetchpriority = (priority && place == Place::Page).then_some("high");
    let placeholder_class = format!("poster poster--placeholder poster--tint-{}", tint(&title));
    move || match (&src, failed.get()) {
        (Some(src), false) => view! {
            <img
                class="poster"
                src=src.clone()
                srcset=srcset.clone()
                sizes=sizes
                width=width
                height=height
                alt=""
                loading=loading
                fetchpriority=fetchpriority
                decoding="async"
                on:error=move |_| failed.set(true)
            />
        }
        .into_any(),
        _ => view! {
            <div class=placeholder_class.clone() aria-hidden="true">
                <span class="poster__title">{title.clone()}</span>
                <span class="poster__year">{year}</span>
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
    fn tints_are_stable_and_in_range() {
        assert_eq!(tint("Rust and Bone"), tint("Rust and Bone"));
        assert!((0..20).map(|i| tint(&format!("film {i}"))).all(|t| t < PLACEHOLDER_TINTS));
    }
}
