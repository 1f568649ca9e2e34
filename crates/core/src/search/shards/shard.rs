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
    /// Word `i`'s reviews are `docs[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    docs: Vec<u32>,
}

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
            Shard { terms: Vec::with_capacity(count), offsets: Vec::with_capacity(count + 1), docs: Vec::new() };
        for _ in 0..count {
            let len = num(bytes, &mut at)? as usize;
            let text = bytes.get(at..at.saturating_add(len)).ok_or_else(|| damaged(at, "a word runs past the end"))?;
            let term = std::str::from_utf8(text).map_err(|_| damaged(at, "a word is not UTF-8"))?;
            if term.is_empty() || shard.terms.last().is_some_and(|last| **last >= *term) {
                return Err(damaged(at, "the words are not in order"));
            }
            at += len;
            shard.terms.push(term.into());
            shard.offsets.push(shard.docs.len() as u32);
            let n_at = at;
            let n = num(bytes, &mut at)? as usize;
            if n > docs {
                return Err(damaged(n_at, "a word is in more reviews than there are"));
            }
            let mut doc: Option<u64> = None;
            for _ in 0..n {
                let delta_at = at;
                let delta = u64::from(num(bytes, &mut at)?);
                let next = doc.map_or(delta, |d| d + delta);
                if next >= docs as u64 || (doc.is_some() && delta == 0) {
                    return Err(damaged(delta_at, "a review number is out of range"));
                }
                shard.docs.push(next as u32);
                doc = Some(next);
            }
        }
        shard.offsets.push(shard.docs.len() as u32);
        if at != bytes.len() {
            return Err(damaged(at, "bytes after the last word"));
        }
        Ok(shard)
    }

    /// Calls `f(review, exact)` for each review with a word starting with `prefix`.
    pub fn visit(&self, prefix: &str, mut f: impl FnMut(u32, bool)) {
        let start = self.terms.partition_point(|t| &**t < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        for term in start..start + len {
            let exact = self.terms[term].len() == prefix.len();
            let docs = &self.docs[self.offsets[term] as usize..self.offsets[term + 1] as usize];
            docs.iter().for_each(|&doc| f(doc, exact));
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
        for word in words(&folded).filter(|w| w.chars().count() >= MIN_WORD_CHARS) {
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

    /// Calls `f(review, exact)` for each review whose text has a word starting
    /// with `word` (already folded), in the shards loaded so far.
    pub fn visit(&self, word: &str, mut f: impl FnMut(u32, bool)) {
        if word.chars().count() < MIN_WORD_CHARS {
            return;
        }
        for i in self.manifest.shards_for(word) {
            if let Some(shard) = self.loaded[i].get() {
                shard.visit(word, &mut f);
            }
        }
    }
}
