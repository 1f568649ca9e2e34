//! Loading the dataset: the bundled collection, or the URL a site owner names in
//! `<meta name="marquee:dataset" content="URL">`. The core validates the bytes
//! and builds the engine; this module only fetches them and shares the result.

use crate::base::Base;
use leptos::prelude::*;
use marquee_core::engine::Engine;
use marquee_core::{load_dataset, DatasetError, Diagnostic};
use std::sync::Arc;

/// Where the bundled collection is published, relative to the site base.
pub const BUNDLED_DATASET: &str = "assets/collection.json";

/// Why the dataset could not be shown.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The request itself failed: offline, DNS, CORS, or refused.
    #[error("could not reach {url}: {reason}")]
    Network { url: String, reason: String },
    /// The server answered with an error status.
    #[error("{url} answered with HTTP {status}")]
    Http { url: String, status: u16 },
    /// The bytes arrived but are not a usable dataset.
    #[error("{url} is not a usable dataset: {error}")]
    Dataset { url: String, error: DatasetError },
}

/// A loaded dataset: the engine over its valid reviews, and what was wrong with the rest.
pub struct Dataset {
    pub engine: Engine,
    pub diagnostics: Vec<Diagnostic>,
    /// The URL it came from.
    pub url: String,
}

/// Which dataset to show: the configured one, or the bundled one the reader fell back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub configured: String,
    pub bundled: String,
    pub use_bundled: bool,
}

impl Source {
    pub fn url(&self) -> &str {
        if self.use_bundled {
            &self.bundled
        } else {
            &self.configured
        }
    }

    /// Whether a fallback to the bundled collection is possible.
    pub fn can_fall_back(&self) -> bool {
        !self.use_bundled && self.configured != self.bundled
    }
}

/// The dataset and the source it is loaded from, shared by every route.
#[derive(Clone, Copy)]
pub struct DatasetState {
    pub resource: LocalResource<Result<Arc<Dataset>, LoadError>>,
    pub source: RwSignal<Source>,
}

/// The configured dataset URL: the `marquee:dataset` meta tag resolved against the base, or the bundled file.
pub fn configured_url(base: Base) -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let base_uri = document.as_ref().and_then(|d| d.base_uri().ok().flatten());
    let configured = document
        .and_then(|d| d.query_selector("meta[name='marquee:dataset']").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| content.trim().to_string())
        .filter(|content| !content.is_empty());
    match (configured, base_uri) {
        (Some(url), Some(base_uri)) => web_sys::Url::new_with_base(&url, &base_uri).map(|u| u.href()).unwrap_or(url),
        (Some(url), None) => url,
        (None, _) => base.href(BUNDLED_DATASET),
    }
}

/// Fetches and validates the dataset at `url`, and prepares its engine.
pub async fn fetch_dataset(url: String) -> Result<Arc<Dataset>, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { url: url.clone(), reason: e.to_string() };
    let response = gloo_net::http::Request::get(&url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http { url: url.clone(), status: response.status() });
    }
    let bytes = response.binary().await.map_err(network)?;
    let loaded = load_dataset(&bytes).map_err(|error| LoadError::Dataset { url: url.clone(), error })?;
    Ok(Arc::new(Dataset { engine: Engine::new(loaded.catalog), diagnostics: loaded.diagnostics, url }))
}

/// Starts loading the dataset and provides it to the app.
pub fn provide_dataset(base: Base) -> DatasetState {
    let configured = configured_url(base);
    let bundled = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new_with_base(BUNDLED_DATASET, &b).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| base.href(BUNDLED_DATASET));
    let source = RwSignal::new(Source { configured, bundled, use_bundled: false });
    let resource = LocalResource::new(move || fetch_dataset(source.with(|s| s.url().to_string())));
    let state = DatasetState { resource, source };
    provide_context(state);
    state
}
