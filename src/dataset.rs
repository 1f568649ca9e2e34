//! Loading the dataset: the bundled collection, or the URL a site owner names in
//! `<meta name="marquee:dataset" content="URL">`. The core validates the bytes
//! and builds the engine; this module only fetches them and shares the result.

mod fetch;
mod load_error;

use crate::base::Base;
use crate::hooks::use_yield::yield_now;
pub use fetch::{configured_url, resolve, timeout_secs, DEFAULT_TIMEOUT_SECS};
use fetch::{fetch_buffer, not_a_page};
pub(crate) use fetch::{fetch_bytes, JsBytes};
use leptos::prelude::*;
pub use load_error::LoadError;
use marquee_core::engine::Engine;
use marquee_core::validate::read_bodies;
use marquee_core::{cards_bin, load_dataset, Diagnostic};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Where the bundled collection is published, relative to the site base: the
/// card index that `marquee build` writes (bodies load per review, from chunks).
pub const BUNDLED_DATASET: &str = "data/cards.json";

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
            let ids = self.ids.get_or_init(|| {
                self.engine.reviews().iter().enumerate().map(|(i, r)| (r.id().to_string(), i)).collect()
            });
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
        let gathered = Rc::new(RefCell::new((marquee_core::validate::Bodies::default(), self.chunks.len(), false)));
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

/// Fetches and validates the dataset at `url`, and prepares its engine. For a
/// first-screen index (a large collection's), the full index it names is
/// fetched after it: the prerendered page is the first screen meanwhile.
pub async fn fetch_dataset(url: String) -> Result<Arc<Dataset>, LoadError> {
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
        let buffer = fetch_buffer(&full_url).await?;
        yield_now().await;
        loaded = read_index_in_steps(JsBytes(buffer), &full_url).await?;
    }
    yield_now().await;
    let dataset = make(loaded);
    // The sort keys and the default order, which the first results need.
    yield_now().await;
    dataset.engine.prepare();
    // Its shards hold every field's words: text queries need no index built here.
    dataset.engine.answer_text_from_published(dataset.full_text.published());
    #[cfg(feature = "bench")]
    crate::bench::loaded(&dataset);
    Ok(dataset)
}

/// How many reviews of a binary card index are read in one task (a few milliseconds' work).
const REVIEWS_PER_STEP: usize = 2_000;

/// Reads a fetched full card index: binary ([`cards_bin`]), as `marquee build` publishes it, or
/// JSON. A binary one is read in steps that give the main thread back between them, and copied
/// into wasm memory a window at a time as it is read: at 100,000 reviews its 22 MB are never
/// held there beside the reviews they become.
async fn read_index_in_steps(file: JsBytes, url: &str) -> Result<marquee_core::Loaded, LoadError> {
    let failed = |error| LoadError::Dataset { url: url.to_string(), error };
    if !file.is_binary() {
        return load_dataset(&not_a_page(file.0.to_vec(), url)?).map_err(failed);
    }
    let mut decoder = cards_bin::Decoder::new(&file).map_err(failed)?;
    loop {
        if let Some(loaded) = decoder.step(REVIEWS_PER_STEP).map_err(failed)? {
            return Ok(loaded);
        }
        yield_now().await;
    }
}

/// Fetches one review's body from the dataset's body chunk `chunk`.
pub async fn fetch_body(dataset: Arc<Dataset>, chunk: u32, id: String) -> Result<String, LoadError> {
    let Some(url) = dataset.chunks.get(chunk as usize).cloned() else {
        return Err(LoadError::MissingBody { id });
    };
    let bytes = fetch_bytes(&url).await?;
    // Reading the chunk and drawing the text are tasks of their own.
    yield_now().await;
    let mut bodies = read_bodies(&bytes).map_err(|error| LoadError::Dataset { url, error })?;
    yield_now().await;
    bodies.remove(id.as_str()).ok_or(LoadError::MissingBody { id })
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
            // The request starts in a task of its own, after the app's first render.
            yield_now().await;
            let outcome = fetch_dataset(url).await;
            // The page renders in a task of its own.
            yield_now().await;
            if latest.load(Ordering::SeqCst) == this {
                state.current.set(Some(outcome));
            }
        });
    });
    provide_context(state);
    state
}
