//! The sharded full-text index that `marquee build` publishes, so that search
//! covers every review's text at any size without fetching the texts, and without
//! building an index in the browser: a text query fetches only the few shards that
//! hold its words, and they answer it alone.
//!
//! The words of every review, in every field (folded and split as
//! [`super::SearchIndex`] does, each with the strongest field it occurs in), are
//! sorted and cut into **shards** of about [`SHARD_BYTES`]: each holds a
//! contiguous range of words with, for each, the reviews it occurs in. A small
//! **manifest** (`marquee-search/1`, JSON) names each shard and the first word
//! it holds, so a query word (which matches every word it is a prefix of) maps
//! to the one or few shards whose ranges it overlaps. Shard names carry a hash
//! of their content, like body chunks.
//!
//! A shard is binary: magic `MQSHARD` 0x02, the number of reviews, the number
//! of words, then per word its length and UTF-8 bytes, its number of reviews,
//! and for each `position << 3 | field weight` ([`super::Field`]), ascending, as
//! deltas; all unsigned LEB128 varints. Nothing in a damaged shard can panic the reader.
//!
//! ```
//! use marquee_core::search::shards::{self, Manifest};
//! let mut catalog = marquee_core::synth::generate(20, 3);
//! catalog.reviews[7].set_body("A word few reviews use: zymurgy.".into());
//! let built = shards::build(&catalog.reviews, 1024);
//! let manifest = Manifest::read(built.manifest.as_bytes()).unwrap();
//! let index = shards::BodyIndex::new(manifest);
//! let needed = index.missing("zymur");
//! assert_eq!(needed.len(), 1);
//! index.add(needed[0], &built.shards[needed[0]].bytes).unwrap();
//! let mut found = Vec::new();
//! index.visit("zymur", |doc, _field, _exact| found.push(doc));
//! assert_eq!(found, [7]);
//! ```

use crate::error::DatasetError;
use crate::json::{Number, Value};
use crate::model::Review;
use crate::varint::put;

/// The `format` of a search manifest.
pub const SEARCH_FORMAT: &str = "marquee-search/1";
/// The first bytes of a shard; the last one is the version.
pub const SHARD_MAGIC: &[u8; 8] = b"MQSHARD\x02";
/// The size a shard aims at before compression: what a query word costs.
pub const SHARD_BYTES: usize = 24 * 1024;
/// Query words shorter than this search titles, people and excerpts, not the
/// full text: a one-letter prefix would need a large part of the index.
pub const MIN_WORD_CHARS: usize = 2;

/// One shard: its file name and content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The published index: the manifest (JSON) and the shards it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// `search-<hash>.json`.
    pub manifest_name: String,
    pub manifest: String,
    pub shards: Vec<ShardFile>,
}

/// Indexes the bodies of `reviews`; document numbers are positions in the slice
/// (the card index's order). Shards aim at `shard_bytes` each.
pub fn build(reviews: &[Review], shard_bytes: usize) -> Built {
    // Every field's words, each with its strongest field per review: the same index the
    // browser would build, so that a published collection's browser never builds one.
    let index = super::SearchIndex::build(reviews);
    let terms = index.terms.iter().enumerate().map(|(t, term)| (&**term, index.postings_of(t)));

    let docs = reviews.len() as u32;
    let mut shards = Vec::new();
    let mut firsts: Vec<String> = Vec::new();
    let mut body = Vec::new();
    let mut count = 0u32;
    let flush = |body: &mut Vec<u8>, count: &mut u32, shards: &mut Vec<ShardFile>| {
        let mut bytes = SHARD_MAGIC.to_vec();
        put(&mut bytes, docs);
        put(&mut bytes, *count);
        bytes.append(body);
        let name = format!("search-{}-{:08x}.bin", shards.len(), crate::hash::fnv1a(&bytes) as u32);
        shards.push(ShardFile { name, bytes });
        *count = 0;
    };
    for (term, docs_of) in terms {
        if count > 0 && body.len() >= shard_bytes {
            flush(&mut body, &mut count, &mut shards);
        }
        if count == 0 {
            firsts.push(term.to_string());
        }
        put(&mut body, term.len() as u32);
        body.extend_from_slice(term.as_bytes());
        put(&mut body, docs_of.len() as u32);
        let mut last = 0;
        for &posting in docs_of {
            put(&mut body, posting - last);
            last = posting;
        }
        count += 1;
    }
    if count > 0 || shards.is_empty() {
        if count == 0 {
            firsts.push(String::new());
        }
        flush(&mut body, &mut count, &mut shards);
    }
    // The first shard holds everything before the second's first word.
    firsts[0].clear();
    let list: Vec<[&str; 2]> = firsts.iter().zip(&shards).map(|(from, s)| [from.as_str(), s.name.as_str()]).collect();
    let manifest = serde_json::json!({ "format": SEARCH_FORMAT, "docs": docs, "shards": list }).to_string();
    let manifest_name = format!("search-{:08x}.json", crate::hash::fnv1a(manifest.as_bytes()) as u32);
    Built { manifest_name, manifest, shards }
}

/// A search manifest: for each shard, the first word it holds and its file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// How many reviews the index covers (the card index's length).
    pub docs: usize,
    /// Shard `i` holds the words from `firsts[i]` up to `firsts[i + 1]`.
    pub firsts: Vec<String>,
    pub files: Vec<String>,
}

impl Manifest {
    /// Reads a manifest; anything else is an error naming what is wrong.
    pub fn read(bytes: &[u8]) -> Result<Manifest, DatasetError> {
        let shape = |path: &str, message: &str| DatasetError::Shape { path: path.into(), message: message.into() };
        let value = crate::json::parse(bytes)?.value;
        if value.get("format").and_then(Value::as_str) != Some(SEARCH_FORMAT) {
            return Err(shape("format", "a search manifest has \"format\": \"marquee-search/1\""));
        }
        let docs = value.get("docs").and_then(Value::as_number).and_then(Number::whole);
        let docs =
            docs.and_then(|d| usize::try_from(d).ok()).ok_or_else(|| shape("docs", "is required (a whole number)"))?;
        let list =
            value.get("shards").and_then(Value::as_array).ok_or_else(|| shape("shards", "is required (a list)"))?;
        let (mut firsts, mut files) = (Vec::new(), Vec::new());
        for (i, entry) in list.iter().enumerate() {
            let pair = entry.as_array().filter(|p| p.len() == 2);
            let from = pair.and_then(|p| p[0].as_str());
            let file = pair.and_then(|p| p[1].as_str()).filter(|f| crate::validate::is_chunk_name(f));
            let (Some(from), Some(file)) = (from, file) else {
                return Err(shape(&format!("shards[{i}]"), "is [first word, shard file name]"));
            };
            if firsts.last().is_some_and(|last: &String| last.as_str() >= from) || (i == 0) != from.is_empty() {
                return Err(shape(&format!("shards[{i}]"), "shards are in word order, the first from \"\""));
            }
            firsts.push(from.to_string());
            files.push(file.to_string());
        }
        if files.is_empty() {
            return Err(shape("shards", "lists no shards"));
        }
        Ok(Manifest { docs, firsts, files })
    }

    /// The shards holding the words that start with `prefix`.
    pub fn shards_for(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.firsts.partition_point(|f| f.as_str() <= prefix).saturating_sub(1);
        let more = self.firsts[start + 1..].iter().take_while(|f| f.starts_with(prefix)).count();
        start..start + 1 + more
    }
}

mod shard;
pub use shard::{searched, BodyIndex, Shard};

#[cfg(test)]
mod tests;
