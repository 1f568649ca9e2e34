//! Reading shards, and the shards a dataset has loaded so far.

use super::{Manifest, MIN_WORD_CHARS, SHARD_MAGIC};
use crate::error::DatasetError;
use crate::text::{fold, words};
use crate::varint::{damaged, read as num};
use std::sync::OnceLock;

/// One shard, read: sorted words, and for each the reviews it occurs in.
#[derive(Clone, Debug, Default)]
pub struct Shard {
    terms: Vec<Box<str>>,
    /// Word `i`'s reviews are `postings[offsets[i]..offsets[i + 1]]`, each `review << 3 | field`.
    offsets: Vec<u32>,
    postings: Vec<u32>,
}

const FIELD_BITS: u32 = 3;

impl Shard {
    /// Reads a shard of an index over `docs` reviews. A damaged shard, or one
    /// of another index, is an error naming the byte.
    pub fn read(bytes: &[u8], docs: usize) -> Result<Shard, DatasetError> {
        if !bytes.starts_with(SHARD_MAGIC) {
            return Err(damaged(0, "not a marquee search shard"));
        }
        let mut at = SHARD_MAGIC.len();
        if num(bytes, &mut at)? as usize != docs {
            return Err(damaged(SHARD_MAGIC.len(), "the shard belongs to another index"));
        }
        let count_at = at;
        let count = num(bytes, &mut at)? as usize;
        if count > bytes.len() {
            return Err(damaged(count_at, "a count is larger than the file"));
        }
        let mut shard =
            Shard { terms: Vec::with_capacity(count), offsets: Vec::with_capacity(count + 1), postings: Vec::new() };
        for _ in 0..count {
            let len = num(bytes, &mut at)? as usize;
            let text = bytes.get(at..at.saturating_add(len)).ok_or_else(|| damaged(at, "a word runs past the end"))?;
            let term = std::str::from_utf8(text).map_err(|_| damaged(at, "a word is not UTF-8"))?;
            if term.is_empty() || shard.terms.last().is_some_and(|last| **last >= *term) {
                return Err(damaged(at, "the words are not in order"));
            }
            at += len;
            shard.terms.push(term.into());
            shard.offsets.push(shard.postings.len() as u32);
            let n_at = at;
            let n = num(bytes, &mut at)? as usize;
            if n > docs {
                return Err(damaged(n_at, "a word is in more reviews than there are"));
            }
            let mut posting: Option<u64> = None;
            for _ in 0..n {
                let delta_at = at;
                let delta = u64::from(num(bytes, &mut at)?);
                let next = posting.map_or(delta, |p| p + delta);
                if next >> FIELD_BITS >= docs as u64 || (posting.is_some() && delta == 0) {
                    return Err(damaged(delta_at, "a review number is out of range"));
                }
                shard.postings.push(next as u32);
                posting = Some(next);
            }
        }
        shard.offsets.push(shard.postings.len() as u32);
        if at != bytes.len() {
            return Err(damaged(at, "bytes after the last word"));
        }
        Ok(shard)
    }

    /// Calls `f(review, field weight, exact)` for each review with a word starting with `prefix`.
    pub fn visit(&self, prefix: &str, mut f: impl FnMut(u32, u8, bool)) {
        let start = self.terms.partition_point(|t| &**t < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        for term in start..start + len {
            let exact = self.terms[term].len() == prefix.len();
            let postings = &self.postings[self.offsets[term] as usize..self.offsets[term + 1] as usize];
            for &p in postings {
                f(p >> FIELD_BITS, (p & ((1 << FIELD_BITS) - 1)) as u8, exact);
            }
        }
    }
}

/// The full-text index of a dataset: its manifest, and the shards fetched so far.
#[derive(Debug)]
pub struct BodyIndex {
    manifest: Manifest,
    loaded: Vec<OnceLock<Shard>>,
}

impl BodyIndex {
    pub fn new(manifest: Manifest) -> BodyIndex {
        let loaded = manifest.files.iter().map(|_| OnceLock::new()).collect();
        BodyIndex { manifest, loaded }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The shards that the query `text` needs and that have not been loaded yet,
    /// in order. Only words of at least [`MIN_WORD_CHARS`] search the full text.
    pub fn missing(&self, text: &str) -> Vec<usize> {
        let folded = fold(text);
        // A mark per shard rather than a sort: this runs in the browser, per keystroke.
        let mut needed = vec![false; self.loaded.len()];
        for word in words(&folded).filter(|w| searched(w)) {
            self.manifest.shards_for(word).for_each(|i| needed[i] = true);
        }
        (0..needed.len()).filter(|&i| needed[i] && self.loaded[i].get().is_none()).collect()
    }

    /// Whether shard `i` is in the manifest and has not been loaded.
    pub fn missing_shard(&self, i: usize) -> bool {
        self.loaded.get(i).is_some_and(|slot| slot.get().is_none())
    }

    /// Reads shard `i` and keeps it. Returns false if it was already there.
    pub fn add(&self, i: usize, bytes: &[u8]) -> Result<bool, DatasetError> {
        let slot = self.loaded.get(i).ok_or_else(|| damaged(0, "no such shard in the manifest"))?;
        if slot.get().is_some() {
            return Ok(false);
        }
        Ok(slot.set(Shard::read(bytes, self.manifest.docs)?).is_ok())
    }

    /// Scores the reviews for the text query `text` from this index alone, in the shards
    /// loaded so far, as [`crate::search::SearchIndex::scores`] does. Words shorter than
    /// [`MIN_WORD_CHARS`] are not searched; with no other word, `None`: everything matches.
    pub fn scores(&self, text: &str) -> Option<Vec<u16>> {
        crate::search::score(text, self.manifest.docs, searched, |word, found| {
            self.visit(word, |doc, field, exact| found(doc as usize, crate::search::weight(u32::from(field), exact)));
        })
    }

    /// Calls `f(review, field weight, exact)` for each review with a word starting
    /// with `word` (already folded), in the shards loaded so far.
    pub fn visit(&self, word: &str, mut f: impl FnMut(u32, u8, bool)) {
        if !searched(word) {
            return;
        }
        for i in self.manifest.shards_for(word) {
            if let Some(shard) = self.loaded[i].get() {
                shard.visit(word, &mut f);
            }
        }
    }
}

/// Whether a query word searches the full-text index: [`MIN_WORD_CHARS`] letters or more;
/// a single letter would need a large part of it.
pub fn searched(word: &str) -> bool {
    word.chars().nth(MIN_WORD_CHARS - 1).is_some()
}
