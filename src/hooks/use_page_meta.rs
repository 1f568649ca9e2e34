//! The document's title and meta description, following the route.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

/// The site's name, when the dataset gives none.
pub const SITE_NAME: &str = "Marquee";

/// A page's `<title>`: `"Rust and Bone (2012) · Marquee"`, or the site's name alone.
/// `marquee build` writes the same title into the prerendered page.
pub fn page_title(heading: &str, site: &str) -> String {
    if heading.is_empty() {
        site.to_string()
    } else {
        format!("{heading} · {site}")
    }
}

/// Sets the document's title (see [`page_title`]) and its meta description
/// once the calling view is in the page. On the server it does nothing:
/// `marquee build` writes the head of every page itself.
///
/// ```ignore
/// use_page_meta("Rust and Bone (2012)".into(), review.excerpt());
/// ```
pub fn use_page_meta(heading: String, description: String) {
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let site = use_context::<crate::dataset::DatasetState>().and_then(|d| d.site_title());
        document.set_title(&page_title(&heading, site.as_deref().unwrap_or(SITE_NAME)));
        if let Ok(Some(meta)) = document.query_selector("meta[name='description']") {
            let _ = meta.set_attribute("content", &description);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (heading, description);
}
