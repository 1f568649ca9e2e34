//! Full-text search: an inverted index built once per catalog, queried per keystroke.
//!
//! Every word of a review's title, original title, people, genres, tags, summary
//! and body is folded ([`crate::text::fold`]) and stored in a sorted vocabulary
//! with the reviews it occurs in and the strongest field it occurs in. A query's
//! words must all match (AND); each matches any indexed word it is a prefix of,
//! so results appear while the reader is still typing. A review's score is the
//! sum, over the query's words, of the weight of the best field it matched in,
//! so title hits rank above body hits.

use crate::model::{Body, Review};
use crate::text::{fold, words};
use rustc_hash::FxHashMap;

/// How much a match in each field counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Field {
    Body = 1,
    Summary = 2,
    Tag = 3,
    Genre = 4,
    Person = 5,
    Title = 7,
}

const FIELD_BITS: u32 = 3;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;
/// Exact word matches score this much more than prefix matches.
const EXACT_BONUS: u16 = 1;

/// The inverted index of a catalog.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Sorted, distinct folded words.
    terms: Vec<Box<str>>,
    /// For term `i`, its postings are `postings[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    /// `doc << FIELD_BITS | field weight`, one per (term, doc), with the best field.
    postings: Vec<u32>,
    docs: usize,
}

impl SearchIndex {
    /// Indexes the reviews; document numbers are their positions in the slice.
    ///
    /// Words are interned as they are met (one hash lookup per occurrence, no
    /// allocation for a word seen before), each review's (word, field) pairs are
    /// deduplicated as integers, and the vocabulary is sorted once at the end.
    pub fn build(reviews: &[Review]) -> SearchIndex {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut words_by_id: Vec<Box<str>> = Vec::new();
        let mut postings_by_id: Vec<Vec<u32>> = Vec::new();
        let mut folded = String::new();
        for (doc, review) in reviews.iter().enumerate() {
            let mut add = |text: &str, field: Field| {
                folded.clear();
                crate::text::fold_into(text, &mut folded);
                for word in words(&folded) {
                    let id = match ids.get(word) {
                        Some(&id) => id,
                        None => {
                            let id = words_by_id.len() as u32;
                            ids.insert(word.into(), id);
                            words_by_id.push(word.into());
                            postings_by_id.push(Vec::new());
                            id
                        }
                    };
                    // Each word once per review, with its strongest field: reviews come in
                    // order, so this review's posting, if any, is the word's last.
                    let posting = (doc as u32) << FIELD_BITS | field as u32;
                    let postings = &mut postings_by_id[id as usize];
                    match postings.last_mut() {
                        Some(last) if *last >> FIELD_BITS == doc as u32 => *last = (*last).max(posting),
                        _ => postings.push(posting),
                    }
                }
            };
            add(review.title(), Field::Title);
            if let Some(original) = &review.original_title() {
                add(original, Field::Title);
            }
            for person in review.directors().iter().chain(review.cast()) {
                add(person, Field::Person);
            }
            for genre in review.genres() {
                add(genre, Field::Genre);
            }
            for tag in review.tags() {
                add(tag, Field::Tag);
            }
            if let Some(summary) = &review.summary() {
                add(summary, Field::Summary);
            }
            match review.body() {
                Body::Inline(text) => add(text, Field::Body),
                // A card-index review without its body: the excerpt stands in for it.
                Body::InChunk(_) => add(review.card_excerpt(), Field::Body),
            }
        }
        drop(ids);
        // Words are distinct: a stable sort orders them as any other would.
        let order = crate::sort::sorted_indices(words_by_id.len(), &|a, b| {
            words_by_id[a as usize].cmp(&words_by_id[b as usize])
        });
        let total = postings_by_id.iter().map(Vec::len).sum();
        let mut index = SearchIndex {
            terms: Vec::with_capacity(order.len()),
            offsets: Vec::with_capacity(order.len() + 1),
            postings: Vec::with_capacity(total),
            docs: reviews.len(),
        };
        for id in order {
            index.offsets.push(index.postings.len() as u32);
            index.terms.push(std::mem::take(&mut words_by_id[id as usize]));
            index.postings.append(&mut postings_by_id[id as usize]);
        }
        index.offsets.push(index.postings.len() as u32);
        index
    }

    /// How many distinct words are indexed.
    pub fn vocabulary(&self) -> usize {
        self.terms.len()
    }

    /// Scores every document for `query`: `None` when the query has no words
    /// (everything matches), otherwise one score per document, 0 meaning no match.
    pub fn scores(&self, query: &str) -> Option<Vec<u16>> {
        self.scores_with(query, None)
    }

    /// [`SearchIndex::scores`], with the words of a published full-text index
    /// ([`shards`]), in the shards loaded so far, counting too.
    pub fn scores_with(&self, query: &str, body: Option<&shards::BodyIndex>) -> Option<Vec<u16>> {
        score(
            query,
            self.docs,
            |_| true,
            |word, found| {
                for term in self.prefix_range(word) {
                    let exact = self.terms[term].len() == word.len();
                    for &posting in self.postings_of(term) {
                        found((posting >> FIELD_BITS) as usize, weight(posting & FIELD_MASK, exact));
                    }
                }
                if let Some(body) = body {
                    body.visit(word, |doc, field, exact| found(doc as usize, weight(u32::from(field), exact)));
                }
            },
        )
    }

    pub(crate) fn postings_of(&self, term: usize) -> &[u32] {
        &self.postings[self.offsets[term] as usize..self.offsets[term + 1] as usize]
    }

    /// The indices of the terms that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| &**t < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..start + len
    }
}

/// A match's weight: twice its field's, and one more for the whole word.
pub(crate) fn weight(field: u32, exact: bool) -> u16 {
    2 * field as u16 + if exact { EXACT_BONUS } else { 0 }
}

/// Scores `docs` documents for `query`, whose words `keep` says are searched: `None` when none
/// are (everything matches). `visit(word, found)` calls `found(doc, weight)` for each match of
/// a word as a prefix. A document's score is the sum over the words of its best match's
/// weight, and 0 (no match) unless every word matched.
pub(crate) fn score(
    query: &str,
    docs: usize,
    keep: impl Fn(&str) -> bool,
    mut visit: impl FnMut(&str, &mut dyn FnMut(usize, u16)),
) -> Option<Vec<u16>> {
    let folded = fold(query);
    let query_words: Vec<&str> = words(&folded).filter(|w| keep(w)).collect();
    if query_words.is_empty() {
        return None;
    }
    let mut total = vec![0u16; docs];
    let mut word_scores = vec![0u16; docs];
    for (i, word) in query_words.iter().enumerate() {
        word_scores.iter_mut().for_each(|s| *s = 0);
        visit(word, &mut |doc, weight| {
            if let Some(score) = word_scores.get_mut(doc) {
                *score = (*score).max(weight);
            }
        });
        for (t, w) in total.iter_mut().zip(&word_scores) {
            *t = if *w == 0 || (i > 0 && *t == 0) { 0 } else { t.saturating_add(*w) };
        }
    }
    Some(total)
}

pub mod shards;

#[cfg(test)]
mod tests;
