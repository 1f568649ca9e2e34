//! The `reviews` array, validated as the parser reads it: each review's JSON is checked and
//! dropped before the next is read, so a large dataset is never held twice in memory.

use super::fields::read_review_as;
use super::names::Names;
use super::CARDS_FORMAT;
use crate::diag::Diagnostic;
use crate::json::{Map, Value};
use crate::model::Review;
use rustc_hash::FxHashMap as HashMap;

/// The reviews read so far, with their diagnostics. Until the top-level fields that decide how
/// to read a review are known (`format`, and a card index's `chunks`), reviews wait unread.
#[derive(Default)]
pub(super) struct Reviews<'a> {
    /// `Some(None)` for a dataset, `Some(Some(n))` for a card index with `n` body chunks.
    mode: Option<Option<usize>>,
    waiting: Vec<Value<'a>>,
    pub(super) reviews: Vec<Review>,
    pub(super) diagnostics: Vec<Diagnostic>,
    seen: HashMap<String, u32>,
    names: Names,
}

impl<'a> Reviews<'a> {
    /// The parser's callback: the `index`th review, with the top-level fields read before it.
    pub(super) fn item(&mut self, top: &Map<'a>, index: usize, item: Value<'a>) {
        if self.mode.is_none() && self.waiting.is_empty() {
            self.mode = mode(top);
        }
        match self.mode {
            Some(chunks) => self.read(index, item, chunks),
            None => self.waiting.push(item),
        }
    }

    /// Reads any reviews that waited, now that the whole top level is known.
    pub(super) fn finish(&mut self, chunks: Option<usize>) {
        for (index, item) in std::mem::take(&mut self.waiting).into_iter().enumerate() {
            self.read(index, item, chunks);
        }
    }

    fn read(&mut self, index: usize, item: Value<'a>, chunks: Option<usize>) {
        let path = format!("reviews[{index}]");
        let Some(review) = read_review_as(item, &path, &mut self.diagnostics, chunks, &mut self.names) else { return };
        if let Some(first) = self.seen.get(review.id()) {
            self.diagnostics.push(Diagnostic::error(
                format!("{path}.id"),
                format!("\"{}\" is already used by reviews[{first}]", review.id()),
            ));
            return;
        }
        self.seen.insert(review.id().to_string(), index as u32);
        self.reviews.push(review);
    }
}

/// How to read reviews, if the fields read so far say: a card index needs its `chunks` first.
fn mode(top: &Map<'_>) -> Option<Option<usize>> {
    match top.get("format")?.as_str().map(str::trim) {
        Some(CARDS_FORMAT) => top.get("chunks")?.as_array().map(|chunks| Some(chunks.len())),
        _ => Some(None),
    }
}
