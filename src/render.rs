//! Pages as HTML, rendered natively by `marquee build` with the components the
//! browser runs (the `ssr` feature): the home page in its default state, every
//! review page and the not-found page. The browser then takes them over (see
//! `boot.rs`). Only the content of `<div id="marquee-app">` is made here; the
//! CLI writes the head (title, description, canonical, social tags, JSON-LD).

use crate::base::Base;
use crate::dataset::{Dataset, DatasetState};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use marquee_core::Catalog;
use std::sync::Arc;

/// Renders the site's pages from one catalog.
pub struct Renderer {
    base: Base,
    dataset: Arc<Dataset>,
}

impl Renderer {
    /// A renderer for the site served at `base_path` (`"/marquee/"`), whose
    /// app will load the dataset at `dataset_url` (relative to the base).
    pub fn new(catalog: Catalog, base_path: &str, dataset_url: &str) -> Renderer {
        let base = Base::new(base_path);
        Renderer { base, dataset: Arc::new(Dataset::complete(catalog, base.href(dataset_url))) }
    }

    /// The app's HTML at `path`, relative to the base (`""` for home,
    /// `"reviews/<id>"`, or any unknown path for the not-found page).
    pub fn render(&self, path: &str) -> String {
        let url = self.base.href(path);
        let owner = Owner::new();
        let html = owner.with(|| {
            provide_context(RequestUrl::new(&url));
            provide_context(self.base);
            provide_context(DatasetState::preloaded(self.dataset.clone()));
            crate::App().to_html()
        });
        drop(owner);
        // `<!>` marks text-node boundaries for hydration; the app takes a page over
        // without hydrating, so they are only bytes. Text is escaped, so every `<!>` is one.
        html.replace("<!>", "")
    }
}
