//! Full-text search: an inverted index built once per catalog, queried per keystroke.
//!
//! Every word of a review's title, original title, people, genres, tags, summary
//! and body is folded ([`crate::text::fold`]) and stored in a sorted vocabulary
//! with the reviews it occurs in and the strongest field it occurs in. A query's
//! words must all match (AND); each matches any indexed word it is a prefix of,
//! so results appear while the reader is still typing. A review's score is the
//! sum, over the query's words, of the weight of the best field it matched in,
//! so title hits rank above body hits.

use crate::model::Review;
use crate::text::{fold, words};

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
    pub fn build(reviews: &[Review]) -> SearchIndex {
        let mut pairs: Vec<(Box<str>, u32)> = Vec::new();
        let mut doc_terms: Vec<(String, Field)> = Vec::new();
        for (doc, review) in reviews.iter().enumerate() {
            doc_terms.clear();
            let mut add = |text: &str, field: Field| {
                for word in words(&fold(text)) {
                    doc_terms.push((word.to_string(), field));
                }
            };
            add(&review.title, Field::Title);
            if let Some(original) = &review.original_title {
                add(original, Field::Title);
            }
            for person in review.directors.iter().chain(&review.cast) {
                add(person, Field::Person);
            }
            for genre in &review.genres {
                add(genre, Field::Genre);
            }
            for tag in &review.tags {
                add(tag, Field::Tag);
            }
            if let Some(summary) = &review.summary {
                add(summary, Field::Summary);
            }
            add(&review.body, Field::Body);
            // Keep each word once per review, with its strongest field.
            doc_terms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            doc_terms.dedup_by(|later, first| later.0 == first.0);
            let doc = doc as u32;
            pairs.extend(
                doc_terms.drain(..).map(|(word, field)| (word.into_boxed_str(), doc << FIELD_BITS | field as u32)),
            );
        }
        pairs.sort_unstable();
        let mut index = SearchIndex { docs: reviews.len(), ..SearchIndex::default() };
        for (term, posting) in pairs {
            if index.terms.last() != Some(&term) {
                index.offsets.push(index.postings.len() as u32);
                index.terms.push(term);
            }
            index.postings.push(posting);
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
        let folded = fold(query);
        let query_words: Vec<&str> = words(&folded).collect();
        if query_words.is_empty() {
            return None;
        }
        let mut total = vec![0u16; self.docs];
        let mut word_scores = vec![0u16; self.docs];
        for (i, word) in query_words.iter().enumerate() {
            word_scores.iter_mut().for_each(|s| *s = 0);
            for term in self.prefix_range(word) {
                let exact = self.terms[term].len() == word.len();
                let bonus = if exact { EXACT_BONUS } else { 0 };
                for &posting in self.postings_of(term) {
                    let doc = (posting >> FIELD_BITS) as usize;
                    let weight = 2 * (posting & FIELD_MASK) as u16 + bonus;
                    if weight > word_scores[doc] {
                        word_scores[doc] = weight;
                    }
                }
            }
            for (t, w) in total.iter_mut().zip(&word_scores) {
                *t = if *w == 0 || (i > 0 && *t == 0) { 0 } else { t.saturating_add(*w) };
            }
        }
        Some(total)
    }

    fn postings_of(&self, term: usize) -> &[u32] {
        &self.postings[self.offsets[term] as usize..self.offsets[term + 1] as usize]
    }

    /// The indices of the terms that start with `prefix`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| &**t < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..start + len
    }
}

#[cfg(test)]
mod tests;
