//! Loading the dataset: the bundled collection, or the URL a site owner names in
//! `<meta name="marquee:dataset" content="URL">`. The core validates the bytes
//! and builds the engine; this module only fetches them and shares the result.

use crate::base::Base;
use leptos::prelude::*;
use marquee_core::engine::Engine;
use marquee_core::validate::read_bodies;
use marquee_core::{cards_bin, load_dataset, DatasetError, Diagnostic};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Where the bundled collection is published, relative to the site base: the
/// card index that `marquee build` writes (bodies load per review, from chunks).
pub const BUNDLED_DATASET: &str = "data/cards.json";

/// How long to wait for the dataset before giving up, unless the page's
/// `<meta name="marquee:timeout" content="SECONDS">` says otherwise.
pub const DEFAULT_TIMEOUT_SECS: u32 = 15;

/// Why the dataset could not be shown. Each says what happened in words a reader understands.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The browser is offline.
    #[error("You appear to be offline, so the reviews could not be fetched. Reconnect, then retry.")]
    Offline,
    /// The request itself failed: DNS, refused, or blocked (e.g. by CORS).
    #[error("Marquee could not reach the server for {url} ({reason}).")]
    Network { url: String, reason: String },
    /// No answer within the time limit.
    #[error("{url} took longer than {seconds} seconds to answer, so Marquee gave up.")]
    Timeout { url: String, seconds: u32 },
    /// The server answered with an error status.
    #[error("{}", http_message(url, *status))]
    Http { url: String, status: u16 },
    /// A web page came back instead of the dataset.
    #[error("{url} sent a web page (HTML), not a JSON dataset. Is the dataset URL right?")]
    NotJson { url: String },
    /// The bytes arrived but are not a usable dataset.
    #[error("{url} is not a usable dataset: {error}")]
    Dataset { url: String, error: DatasetError },
    /// The review's text is not in the body chunk its card points to.
    #[error(
        "The text of this review (“{id}”) is missing from the published dataset. Rebuilding the site should fix it."
    )]
    MissingBody { id: String },
}

fn http_message(url: &str, status: u16) -> String {
    match status {
        404 => format!("The dataset was not found at {url} (HTTP 404)."),
        401 | 403 => format!("The server refused to send {url} (HTTP {status})."),
        500..=599 => format!("The server hosting {url} had a problem (HTTP {status}). It may work if you retry."),
        _ => format!("{url} answered with HTTP {status}."),
    }
}

/// A loaded dataset: the engine over its valid reviews, and what was wrong with the rest.
pub struct Dataset {
    pub engine: Engine,
    pub diagnostics: Vec<Diagnostic>,
    /// The URL it came from.
    pub url: String,
    /// For a card index: the absolute URLs of its body chunks (see `marquee_core::split`).
    pub chunks: Vec<String>,
    /// The published full-text index, fetched as queries need it (`full_text.rs`).
    pub full_text: crate::full_text::FullText,
    /// Whether the body chunks are being fetched.
    bodies_loading: AtomicBool,
    /// See [`Dataset::position`].
    #[cfg(feature = "ssr")]
    ids: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
}

/// A split dataset with at most this many body chunks (about 48 kB each) fetches
/// them all in the background once the first screen is up, so that reviews open
/// at once, even offline. A larger one fetches each review's text when it is
/// opened. (Search covers the full text through the full-text index either way.)
pub const PREFETCH_CHUNKS: usize = 8;

impl Dataset {
    /// A dataset whose reviews are all here, bodies included (what `marquee build` renders from).
    pub fn complete(catalog: marquee_core::Catalog, url: String) -> Dataset {
        Dataset {
            engine: Engine::new(catalog),
            diagnostics: Vec::new(),
            url,
            chunks: Vec::new(),
            full_text: crate::full_text::FullText::default(),
            bodies_loading: AtomicBool::new(false),
            #[cfg(feature = "ssr")]
            ids: std::sync::OnceLock::new(),
        }
    }

    /// The position of the review with this id. `marquee build` asks for every
    /// review, so there it looks the id up in a map; the browser asks once per page.
    pub fn position(&self, id: &str) -> Option<usize> {
        #[cfg(feature = "ssr")]
        {
            let ids = self
                .ids
                .get_or_init(|| self.engine.reviews().iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect());
            ids.get(id).copied()
        }
        #[cfg(not(feature = "ssr"))]
        self.engine.position(id)
    }

    /// Fetches every body chunk of a small split dataset (see [`PREFETCH_CHUNKS`])
    /// in the background and hands the bodies to the engine, for reading. Does
    /// nothing if the dataset is not split or larger, the bodies are in, or they
    /// are on their way. On a failure the next call tries again.
    pub fn load_all_bodies(self: &Arc<Self>) {
        if self.chunks.len() > PREFETCH_CHUNKS
            || !self.engine.needs_bodies()
            || self.bodies_loading.swap(true, Ordering::SeqCst)
        {
            return;
        }
        // Every chunk at once; the last to arrive hands the bodies over.
        let gathered = Rc::new(RefCell::new((std::collections::HashMap::new(), self.chunks.len(), false)));
        for url in &self.chunks {
            let (dataset, gathered, url) = (self.clone(), gathered.clone(), url.clone());
            leptos::task::spawn_local(async move {
                let chunk = fetch_bytes(&url).await.ok().and_then(|b| read_bodies(&b).ok());
                let mut state = gathered.borrow_mut();
                let (bodies, waiting, failed) = &mut *state;
                *waiting -= 1;
                match chunk {
                    Some(chunk) => bodies.extend(chunk),
                    None => *failed = true,
                }
                if *waiting > 0 {
                    return;
                }
                if *failed {
                    dataset.bodies_loading.store(false, Ordering::SeqCst);
                    return;
                }
                let bodies = std::mem::take(bodies);
                drop(state);
                dataset.engine.set_bodies(bodies);
            });
        }
    }
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

/// What a route shows of the dataset: nothing yet, the dataset, or why it failed.
pub type Loading = Option<Result<Arc<Dataset>, LoadError>>;

/// The dataset and the source it is loaded from, shared by every route.
#[derive(Clone, Copy)]
pub struct DatasetState {
    /// The whole dataset, once it has arrived or failed.
    pub current: RwSignal<Loading>,
    pub source: RwSignal<Source>,
    /// Counts the reader's Retry presses: each loads the source again.
    attempt: RwSignal<u32>,
}

impl DatasetState {
    /// The dataset, if it has loaded.
    pub fn loaded(self) -> Option<Arc<Dataset>> {
        self.current.get().and_then(Result::ok)
    }

    /// Loads the dataset again (after a failure).
    pub fn retry(self) {
        self.attempt.update(|n| *n += 1);
    }

    /// The collection's own title, once it has loaded.
    pub fn site_title(self) -> Option<String> {
        self.current.with(|c| c.as_ref()?.as_ref().ok()?.engine.catalog().site.title.clone())
    }

    /// A dataset that is already here, as `marquee build` provides it.
    pub fn preloaded(dataset: Arc<Dataset>) -> DatasetState {
        let url = dataset.url.clone();
        DatasetState {
            current: RwSignal::new(Some(Ok(dataset))),
            source: RwSignal::new(Source { configured: url.clone(), bundled: url, use_bundled: false }),
            attempt: RwSignal::new(0),
        }
    }
}

/// `url` resolved against the document's base (`/marquee/` on Pages), as an absolute URL.
pub fn resolve(url: &str, base: Base) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new_with_base(url, &b).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| if url.contains("://") { url.to_string() } else { base.href(url) })
}

/// The configured dataset URL: the `marquee:dataset` meta tag, or else the bundled file; both resolved against the base.
pub fn configured_url(base: Base) -> String {
    let configured = meta_content("marquee:dataset").map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    resolve(configured.as_deref().unwrap_or(BUNDLED_DATASET), base)
}

fn meta_content(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("meta[name='{name}']")).ok().flatten()?.get_attribute("content")
}

/// The fetch time limit, in seconds.
pub fn timeout_secs() -> u32 {
    meta_content("marquee:timeout")
        .and_then(|s| s.trim().parse().ok())
        .filter(|&s| s > 0)
        .unwrap_or(DEFAULT_TIMEOUT_SECS)
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Fetches the bytes at `url`, giving up after [`timeout_secs`] and aborting the request.
pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let url = url.to_string();
    let seconds = timeout_secs();
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Arc::new(AtomicBool::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.store(true, Ordering::SeqCst);
                if let Some(c) = controller {
                    c.abort();
                }
            },
            std::time::Duration::from_secs(u64::from(seconds)),
        )
        .ok()
    };
    let failed = |e: gloo_net::Error| {
        if timed_out.load(Ordering::SeqCst) {
            LoadError::Timeout { url: url.clone(), seconds }
        } else if offline() {
            LoadError::Offline
        } else {
            LoadError::Network { url: url.clone(), reason: e.to_string() }
        }
    };
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let outcome = async {
        let response = gloo_net::http::Request::get(&url).abort_signal(signal.as_ref()).send().await.map_err(failed)?;
        if !response.ok() {
            return Err(LoadError::Http { url: url.clone(), status: response.status() });
        }
        response.binary().await.map_err(failed)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let bytes = outcome?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(LoadError::NotJson { url });
    }
    Ok(bytes)
}

/// Fetches and validates the dataset at `url`, and prepares its engine. For a
/// first-screen index (a large collection's), the full index it names is
/// fetched after it: the prerendered page is the first screen meanwhile.
pub async fn fetch_dataset(url: String) -> Result<Arc<Dataset>, LoadError> {
    use crate::hooks::use_yield::yield_now;
    let bytes = fetch_bytes(&url).await?;
    // Parse, build the engine and render in tasks of their own (see `boot.rs`).
    yield_now().await;
    let mut loaded = load_dataset(&bytes).map_err(|error| LoadError::Dataset { url: url.clone(), error })?;
    // File names in an index are plain names (the core checks), resolved beside it.
    let folder = url.rfind('/').map_or(String::new(), |i| url[..=i].to_string());
    // The first index names the full-text index; a binary full index does not repeat it.
    let search = loaded.search.take();
    let make = |loaded: marquee_core::Loaded| {
        Arc::new(Dataset {
            full_text: crate::full_text::FullText::new(&url, search.as_deref()),
            chunks: loaded.chunks.iter().map(|name| format!("{folder}{name}")).collect(),
            engine: Engine::new(loaded.catalog),
            diagnostics: loaded.diagnostics,
            url: url.clone(),
            bodies_loading: AtomicBool::new(false),
            #[cfg(feature = "ssr")]
            ids: std::sync::OnceLock::new(),
        })
    };
    if let Some(more) = loaded.more.take() {
        let full_url = format!("{folder}{more}");
        let bytes = fetch_bytes(&full_url).await?;
        yield_now().await;
        loaded = read_index(&bytes).map_err(|error| LoadError::Dataset { url: full_url, error })?;
    }
    yield_now().await;
    let dataset = make(loaded);
    crate::bench::loaded(&dataset);
    Ok(dataset)
}

/// A full card index: binary ([`cards_bin`]), as `marquee build` publishes it, or JSON.
pub(crate) fn read_index(bytes: &[u8]) -> Result<marquee_core::Loaded, DatasetError> {
    if cards_bin::is_binary(bytes) {
        cards_bin::decode(bytes)
    } else {
        load_dataset(bytes)
    }
}

/// Fetches one review's body from the dataset's body chunk `chunk`.
pub async fn fetch_body(dataset: Arc<Dataset>, chunk: u32, id: String) -> Result<String, LoadError> {
    let Some(url) = dataset.chunks.get(chunk as usize).cloned() else {
        return Err(LoadError::MissingBody { id });
    };
    let bytes = fetch_bytes(&url).await?;
    let mut bodies = read_bodies(&bytes).map_err(|error| LoadError::Dataset { url, error })?;
    bodies.remove(&id).ok_or(LoadError::MissingBody { id })
}

/// Starts loading the dataset and provides it to the app. A change of source
/// or a Retry loads again; only the latest load's outcome is kept.
pub fn provide_dataset(base: Base) -> DatasetState {
    let configured = configured_url(base);
    let bundled = resolve(BUNDLED_DATASET, base);
    let source = RwSignal::new(Source { configured, bundled, use_bundled: false });
    let state = DatasetState { current: RwSignal::new(None), source, attempt: RwSignal::new(0) };
    let latest = Arc::new(std::sync::atomic::AtomicU32::new(0));
    Effect::new(move |_| {
        let url = source.with(|s| s.url().to_string());
        state.attempt.track();
        let this = latest.fetch_add(1, Ordering::SeqCst) + 1;
        let latest = latest.clone();
        state.current.set(None);
        leptos::task::spawn_local(async move {
            let outcome = fetch_dataset(url).await;
            // The page renders in a task of its own.
            crate::hooks::use_yield::yield_now().await;
            if latest.load(Ordering::SeqCst) == this {
                state.current.set(Some(outcome));
            }
        });
    });
    provide_context(state);
    state
}
