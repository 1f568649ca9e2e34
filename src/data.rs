//! Loading the dataset: the bundled collection, or the URL a site owner names in
//! `<meta name="marquee:dataset" content="URL">`. The core validates the bytes;
//! this module only fetches them and shares the result through context.

use crate::base::Base;
use leptos::prelude::*;
use marquee_core::{load_dataset, DatasetError, Loaded};
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

/// The loaded dataset, shared by every route.
pub type CatalogResource = LocalResource<Result<Arc<Loaded>, LoadError>>;

/// The dataset URL: the `marquee:dataset` meta tag resolved against the base, or the bundled file.
pub fn dataset_url(base: Base) -> String {
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

/// Fetches and validates the dataset at `url`.
pub async fn fetch_dataset(url: String) -> Result<Arc<Loaded>, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { url: url.clone(), reason: e.to_string() };
    let response = gloo_net::http::Request::get(&url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http { url: url.clone(), status: response.status() });
    }
    let bytes = response.binary().await.map_err(network)?;
    load_dataset(&bytes).map(Arc::new).map_err(|error| LoadError::Dataset { url: url.clone(), error })
}

/// Starts loading the dataset and provides it to the app as a [`CatalogResource`].
pub fn provide_catalog(base: Base) -> CatalogResource {
    let url = dataset_url(base);
    let resource = LocalResource::new(move || fetch_dataset(url.clone()));
    provide_context(resource);
    resource
}
