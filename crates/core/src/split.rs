//! The split form of a dataset, which `marquee build` publishes so that the
//! first screen needs only the cards: a **card index** (`marquee-cards/1`,
//! every review without its body, plus its card excerpt and the number of the
//! chunk holding its body) and **body chunks** (`marquee-bodies/1`, a map from
//! id to Markdown body). Chunk file names carry a hash of their content, so
//! they can be cached for ever; the index keeps a fixed name.
//!
//! A large catalog (more than [`FIRST_SCREEN_SPLIT_ABOVE`] reviews) gets one
//! more level: the fixed-name index then holds only the **first screen**, the
//! [`FIRST_SCREEN_REVIEWS`] reviews that come first in the default order, with
//! `total` and `more`, the name of the full card index. The app shows the first
//! screen while the full index loads.
//!
//! [`crate::load_dataset`] reads a card index like a dataset; [`crate::validate::read_bodies`]
//! reads a chunk.
//!
//! ```
//! use marquee_core::{load_dataset, split};
//! let doc = br#"{"format":"marquee/1","reviews":[{"id":"a","title":"A","year":2000,
//!   "directors":["X"],"genres":["Drama"],"rating":3,"body":"First words.\n\nMore."}]}"#;
//! let files = split::split(&load_dataset(doc).unwrap().catalog, 64 * 1024);
//! let index = load_dataset(files.cards.as_bytes()).unwrap();
//! assert_eq!(index.catalog.reviews[0].excerpt(), "First words.");
//! assert_eq!(index.chunks, [files.chunks[0].name.clone()]);
//! let bodies = marquee_core::validate::read_bodies(files.chunks[0].json.as_bytes()).unwrap();
//! assert_eq!(bodies["a"], "First words.\n\nMore.");
//! ```

use crate::hash::fnv1a;
use crate::model::Catalog;
use crate::validate::{BODIES_FORMAT, CARDS_FORMAT};
use serde_json::{Map, Value};

/// The body bytes a chunk aims at: a review page fetches one chunk, so this is
/// what opening a review costs beyond the card index.
pub const DEFAULT_CHUNK_BYTES: usize = 48 * 1024;

/// How many reviews the first screen of a large catalog carries: more than a
/// wide window shows at once.
pub const FIRST_SCREEN_REVIEWS: usize = 60;
/// Catalogs with more reviews than this get a first-screen index.
pub const FIRST_SCREEN_SPLIT_ABOVE: usize = 4 * FIRST_SCREEN_REVIEWS;

/// One body chunk: its file name and content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub name: String,
    pub json: String,
}

/// The full card index of a large catalog, published in the binary form
/// ([`crate::cards_bin`]) under a name that carries its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FullIndex {
    /// `cards-<hash>.bin`, as the first screen's `more` names it.
    pub name: String,
    /// What is published.
    pub bin: Vec<u8>,
    /// The same index as JSON (`marquee-cards/1`), which is not published: for
    /// tests, and for the benchmark's comparison with `JSON.parse`. Written only when
    /// asked for ([`split_in_order`]'s `with_json`), as it is as large as the dataset.
    pub json: Option<String>,
}

/// The files of a split dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitFiles {
    /// The card index, `marquee-cards/1`, published under a fixed name: every
    /// review, or for a large catalog the first screen.
    pub cards: String,
    /// For a large catalog, the full card index that `cards` names in `more`.
    pub full: Option<FullIndex>,
    pub chunks: Vec<Chunk>,
    /// The full-text index, which every card index names in `search`.
    pub search: crate::search::shards::Built,
}

/// The catalog's reviews in the default order (newest review first), as the
/// app shows them before any query: what a first screen holds.
pub fn default_order(catalog: &Catalog) -> Vec<u32> {
    crate::engine::default_order(&catalog.reviews)
}

/// The catalog with its reviews in the default order, as [`split`] writes them.
pub fn in_default_order(catalog: &Catalog) -> Catalog {
    in_order(catalog, &default_order(catalog))
}

/// The catalog with its reviews in `order`.
fn in_order(catalog: &Catalog, order: &[u32]) -> Catalog {
    Catalog {
        site: catalog.site.clone(),
        reviews: order.iter().map(|&i| catalog.reviews[i as usize].clone()).collect(),
    }
}

/// Splits a catalog: chunks of whole bodies of about `chunk_bytes` each, and the card index
/// pointing into them, all in the default order.
pub fn split(catalog: &Catalog, chunk_bytes: usize) -> SplitFiles {
    split_in_order(catalog, chunk_bytes, &default_order(catalog), true)
}

/// [`split`], given the catalog's [`default_order`] (a caller that needs it too computes it
/// once); a large catalog's full index as JSON only `with_json`.
pub fn split_in_order(catalog: &Catalog, chunk_bytes: usize, order: &[u32], with_json: bool) -> SplitFiles {
    // Reviews are written in the default order: the app, sorting them for its first results,
    // then finds one ascending run (n - 1 comparisons, not a sort: at 100,000 reviews a task of
    // 225 ms fewer in its boot), and the first screen's bodies are in the first chunks.
    let catalog = &in_order(catalog, order);
    let mut chunks = Vec::new();
    let mut chunk_of = Vec::with_capacity(catalog.reviews.len());
    let mut bodies = Map::new();
    let mut size = 0;
    let flush = |bodies: &mut Map<String, Value>, chunks: &mut Vec<Chunk>| {
        let doc = serde_json::json!({ "format": BODIES_FORMAT, "bodies": std::mem::take(bodies) });
        let json = doc.to_string();
        let name = format!("bodies-{}-{:08x}.json", chunks.len(), fnv1a(json.as_bytes()) as u32);
        chunks.push(Chunk { name, json });
    };
    for review in &catalog.reviews {
        let body = review.body().text().unwrap_or_default();
        if size > 0 && size + body.len() > chunk_bytes {
            flush(&mut bodies, &mut chunks);
            size = 0;
        }
        size += body.len() + review.id().len() + 8;
        bodies.insert(review.id().to_string(), Value::String(body.to_string()));
        chunk_of.push(chunks.len() as u32);
    }
    if !bodies.is_empty() {
        flush(&mut bodies, &mut chunks);
    }

    let cards: Vec<Value> = catalog
        .reviews
        .iter()
        .zip(&chunk_of)
        .map(|(review, chunk)| {
            let mut card = serde_json::to_value(review).unwrap_or_default();
            if let Value::Object(map) = &mut card {
                map.remove("body");
                if review.summary().is_none() {
                    map.insert("excerpt".into(), Value::String(review.excerpt()));
                }
                map.insert("chunk".into(), Value::from(*chunk));
            }
            card
        })
        .collect();
    let names: Vec<&str> = chunks.iter().map(|c| c.name.as_str()).collect();
    let search = crate::search::shards::build(&catalog.reviews, crate::search::shards::SHARD_BYTES);
    let index = |reviews: &[&Value], more: Option<(&str, usize)>| {
        let mut doc = serde_json::json!({
            "format": CARDS_FORMAT,
            "site": catalog.site,
            "chunks": names,
            "search": search.manifest_name,
            "reviews": reviews,
        });
        if let Some((name, total)) = more {
            doc["more"] = name.into();
            doc["total"] = total.into();
        }
        doc.to_string()
    };
    let all: Vec<&Value> = cards.iter().collect();
    if cards.len() <= FIRST_SCREEN_SPLIT_ABOVE {
        let cards = index(&all, None);
        return SplitFiles { cards, full: None, chunks, search };
    }
    let json = with_json.then(|| index(&all, None));
    let owned_names: Vec<String> = chunks.iter().map(|c| c.name.clone()).collect();
    let bin = crate::cards_bin::encode(catalog, &chunk_of, &owned_names);
    let full = FullIndex { name: format!("cards-{:08x}.bin", fnv1a(&bin) as u32), bin, json };
    // The first screen is what the app shows first: the default order's head.
    let first: Vec<&Value> = cards.iter().take(FIRST_SCREEN_REVIEWS).collect();
    let first = index(&first, Some((&full.name, cards.len())));
    SplitFiles { cards: first, full: Some(full), chunks, search }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_dataset;
    use crate::validate::{is_chunk_name, read_bodies};
    use std::collections::HashMap;

    #[test]
    fn reviews_are_written_in_the_default_order_which_the_app_then_finds_sorted() {
        let catalog = crate::synth::generate(FIRST_SCREEN_SPLIT_ABOVE + 5, 3);
        assert_ne!(default_order(&catalog), (0..catalog.reviews.len() as u32).collect::<Vec<_>>(), "a shuffled sample");
        let files = split(&catalog, DEFAULT_CHUNK_BYTES);
        let full = crate::cards_bin::decode(&files.full.expect("a full index").bin).expect("it reads back");
        let identity: Vec<u32> = (0..catalog.reviews.len() as u32).collect();
        assert_eq!(default_order(&full.catalog), identity, "the binary index");
        let small = crate::synth::generate(20, 3);
        let cards = load_dataset(split(&small, DEFAULT_CHUNK_BYTES).cards.as_bytes()).expect("a card index");
        assert_eq!(default_order(&cards.catalog), (0..20).collect::<Vec<u32>>(), "a small collection's card index");
    }

    fn catalog(n: usize, body_len: usize) -> Catalog {
        let mut catalog = crate::synth::generate(n, 7);
        for review in &mut catalog.reviews {
            review.set_body(format!("{}end.", "word ".repeat(body_len / 5)).into());
        }
        catalog
    }

    #[test]
    fn the_index_loads_back_to_the_same_reviews_without_bodies() {
        // In the default order, as the split writes it, so that the reviews pair up by position.
        let original = in_default_order(&crate::synth::generate(FIRST_SCREEN_SPLIT_ABOVE, 11));
        let files = split(&original, 16 * 1024);
        assert!(files.chunks.len() > 1, "several chunks");
        let index = load_dataset(files.cards.as_bytes()).expect("the index is a dataset");
        assert!(index.diagnostics.is_empty(), "{:?}", index.diagnostics);
        assert_eq!(index.catalog.reviews.len(), original.reviews.len());
        let mut bodies = HashMap::new();
        for chunk in &files.chunks {
            assert!(is_chunk_name(&chunk.name), "{}", chunk.name);
            bodies.extend(read_bodies(chunk.json.as_bytes()).unwrap());
        }
        for (card, full) in index.catalog.reviews.iter().zip(&original.reviews) {
            let split = card.body().chunk().expect("a card knows its chunk");
            assert_eq!(index.chunks[split.chunk as usize], files.chunks[split.chunk as usize].name);
            assert_eq!(card.excerpt(), full.excerpt());
            assert_eq!(Some(bodies[card.id()].as_str()), full.body().text());
            let mut restored = card.clone();
            restored.set_body(bodies[card.id()].clone().into());
            assert_eq!(&restored, full);
        }
    }

    #[test]
    fn chunks_stay_near_their_target_size_and_their_names_follow_content() {
        let files = split(&catalog(100, 1000), 10_000);
        assert!(files.chunks.len() >= 9, "{}", files.chunks.len());
        assert!(files.chunks.iter().all(|c| c.json.len() < 12_000));
        let again = split(&catalog(100, 1000), 10_000);
        assert_eq!(files, again, "the same input gives the same files");
        let changed = split(&catalog(100, 1005), 10_000);
        assert_ne!(files.chunks[0].name, changed.chunks[0].name);
    }

    #[test]
    fn a_large_catalog_gets_a_first_screen_naming_the_full_index() {
        let catalog = crate::synth::generate(FIRST_SCREEN_SPLIT_ABOVE + 1, 3);
        let files = split(&catalog, DEFAULT_CHUNK_BYTES);
        let full = files.full.as_ref().expect("a full index");
        let first = load_dataset(files.cards.as_bytes()).unwrap();
        assert!(first.diagnostics.is_empty(), "{:?}", first.diagnostics);
        assert_eq!(first.more.as_deref(), Some(full.name.as_str()));
        assert_eq!(first.total, Some(catalog.reviews.len()));
        assert_eq!(first.catalog.reviews.len(), FIRST_SCREEN_REVIEWS);
        let whole = crate::cards_bin::decode(&full.bin).unwrap();
        assert_eq!((whole.more.as_deref(), whole.catalog.reviews.len()), (None, catalog.reviews.len()));
        // The first screen is the head of the full index's default order, in that order.
        let query = crate::query::Query::default();
        let me = crate::personal::Personal::default();
        let ids = |loaded: &crate::Loaded, n: usize| {
            let engine = crate::engine::Engine::new(loaded.catalog.clone());
            let order = engine.run(&query, &me).order;
            order.iter().take(n).map(|&i| engine.reviews()[i as usize].id().to_string()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&first, FIRST_SCREEN_REVIEWS), ids(&whole, FIRST_SCREEN_REVIEWS));
        // A small catalog has one index.
        assert!(split(&crate::synth::generate(FIRST_SCREEN_SPLIT_ABOVE, 3), DEFAULT_CHUNK_BYTES).full.is_none());
    }

    #[test]
    fn bad_chunk_references_are_named() {
        let doc = r#"{"format":"marquee-cards/1","chunks":["bodies-0.json"],"reviews":[
            {"id":"a","title":"A","year":2000,"directors":["X"],"genres":["Drama"],"rating":3,"chunk":4},
            {"id":"b","title":"B","year":2000,"directors":["X"],"genres":["Drama"],"rating":3}]}"#;
        let loaded = load_dataset(doc.as_bytes()).unwrap();
        let text: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            ["reviews[0].chunk: 4 is out of range (0 to 0)", "reviews[1].chunk: is required (a whole number)"]
        );
        for bad in [r#"["../secret.json"]"#, r#"["a/b.json"]"#, "[3]", "{}"] {
            let doc = format!(r#"{{"format":"marquee-cards/1","chunks":{bad},"reviews":[]}}"#);
            assert!(load_dataset(doc.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_chunk_must_say_what_it_is() {
        assert!(read_bodies(br#"{"format":"marquee/1","reviews":[]}"#).is_err());
        assert!(read_bodies(b"[]").is_err());
        let bodies =
            read_bodies(br#"{"format":"marquee-bodies/1","bodies":{"a":"ok","b":7,"c":"bell \u0007"}}"#).unwrap();
        assert_eq!(bodies.len(), 1);
    }
}
