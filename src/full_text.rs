//! The published full-text index (`marquee_core::search::shards`), fetched
//! piece by piece as queries need it: the manifest on the first text query (or
//! when the reader reaches for the search box), then only the shards that hold
//! the query's words (a small collection's whole index, which is a few kB,
//! comes with its texts). Each piece that arrives bumps an epoch, so that a
//! query that tracks it runs again. The shards hold every field's words, so the
//! engine answers text from them alone and never builds a search index here;
//! if a piece cannot be fetched, it falls back to searching the cards.

use crate::dataset::{fetch_bytes, Dataset};
use leptos::prelude::*;
use marquee_core::search::shards::{BodyIndex, Manifest};
use std::sync::{Arc, Mutex};

/// How much of the reviews' text a query's results cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// Every word of every review (or there is no text to search).
    Full,
    /// Not yet: the pieces of the full-text index that the query's words need are on
    /// their way (they hold every field's words, so nothing is searched before).
    Loading,
    /// Titles, people and excerpts only: a card index without a full-text
    /// index, or one whose pieces could not be fetched.
    Cards,
}

impl Coverage {
    /// The value of the results' `data-full-text` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Coverage::Full => "ready",
            Coverage::Loading => "loading",
            Coverage::Cards => "off",
        }
    }
}

/// The in-flight mark of the manifest among shard numbers.
const MANIFEST: usize = usize::MAX;

/// A dataset's full-text index as it arrives.
#[derive(Default)]
pub struct FullText {
    /// The manifest's absolute URL, for a card index that names one.
    manifest: Option<String>,
    /// The folder the manifest and its shards are in.
    folder: String,
    /// Bumped whenever a piece arrives (or fails).
    pub epoch: ArcRwSignal<u32>,
    /// Pieces on their way: shard numbers, and [`MANIFEST`].
    in_flight: Mutex<Vec<usize>>,
    /// The query text whose pieces failed to arrive: not asked for again until the text changes.
    failed_for: Mutex<Option<String>>,
}

impl FullText {
    /// For a card index at `index_url` whose `search` names `manifest`.
    pub fn new(index_url: &str, manifest: Option<&str>) -> FullText {
        let folder = index_url.rfind('/').map_or(String::new(), |i| index_url[..=i].to_string());
        FullText { manifest: manifest.map(|m| format!("{folder}{m}")), folder, ..FullText::default() }
    }

    /// Whether there is a full-text index to fetch.
    pub fn published(&self) -> bool {
        self.manifest.is_some()
    }
}

/// How much of the text `text` searches in `dataset` now, asking for the pieces
/// it still needs. Call it where the query runs, tracking `full_text.epoch`.
pub fn cover(dataset: &Arc<Dataset>, text: &str) -> Coverage {
    let full_text = &dataset.full_text;
    if dataset.chunks.is_empty() || text.trim().is_empty() {
        return Coverage::Full;
    }
    let Some(manifest_url) = full_text.manifest.clone() else { return Coverage::Cards };
    if full_text.failed_for.lock().is_ok_and(|failed| failed.as_deref() == Some(text)) {
        return Coverage::Cards;
    }
    let Some(index) = dataset.engine.body_index() else {
        fetch(dataset, MANIFEST, manifest_url, text);
        return Coverage::Loading;
    };
    let missing = index.missing(text);
    for &shard in &missing {
        let url = format!("{}{}", full_text.folder, index.manifest().files[shard]);
        fetch(dataset, shard, url, text);
    }
    if missing.is_empty() {
        Coverage::Full
    } else {
        Coverage::Loading
    }
}

/// Fetches one piece unless it is on its way, hands it to the engine, and bumps the epoch.
fn fetch(dataset: &Arc<Dataset>, piece: usize, url: String, text: &str) {
    let Ok(mut in_flight) = dataset.full_text.in_flight.lock() else { return };
    if in_flight.contains(&piece) {
        return;
    }
    in_flight.push(piece);
    drop(in_flight);
    let (dataset, text) = (dataset.clone(), text.to_string());
    leptos::task::spawn_local(async move {
        let bytes = fetch_bytes(&url).await;
        let engine = &dataset.engine;
        let stored = match (piece, bytes) {
            (MANIFEST, Ok(bytes)) => Manifest::read(&bytes).is_ok_and(|m| engine.set_body_index(BodyIndex::new(m))),
            (shard, Ok(bytes)) => engine.body_index().is_some_and(|index| index.add(shard, &bytes).is_ok()),
            (_, Err(_)) => false,
        };
        let full_text = &dataset.full_text;
        if let Ok(mut in_flight) = full_text.in_flight.lock() {
            in_flight.retain(|&p| p != piece);
        }
        if !stored {
            if let Ok(mut failed) = full_text.failed_for.lock() {
                *failed = Some(text);
            }
            // Without its pieces, the published index cannot answer: search the cards.
            engine.answer_text_from_published(false);
        }
        full_text.epoch.update(|n| *n += 1);
        // A small collection's whole index comes with its texts (see `PREFETCH_CHUNKS`),
        // so that its search covers the full text offline too.
        if piece == MANIFEST && stored && dataset.chunks.len() <= crate::dataset::PREFETCH_CHUNKS {
            prefetch_all(&dataset);
        }
    });
}

/// Fetches every shard not yet here.
fn prefetch_all(dataset: &Arc<Dataset>) {
    let Some(index) = dataset.engine.body_index() else { return };
    for (shard, file) in index.manifest().files.iter().enumerate() {
        if index.missing_shard(shard) {
            fetch(dataset, shard, format!("{}{file}", dataset.full_text.folder), "");
        }
    }
}

/// Fetches the manifest ahead of the first text query (when the reader reaches for the search box).
pub fn warm(dataset: &Arc<Dataset>) {
    if let (Some(url), None) = (dataset.full_text.manifest.clone(), dataset.engine.body_index()) {
        fetch(dataset, MANIFEST, url, "");
    }
}
