//! The query engine: filters combined with AND, search, facet counts and sorts
//! over one catalog, with everything that can be prepared once prepared in [`Engine::new`].
//!
//! ```
//! use marquee_core::{engine::Engine, query::Query, personal::Personal};
//! let loaded = marquee_core::load_dataset(r#"{"format":"marquee/1","reviews":[
//!   {"id":"a","title":"Rust and Bone","year":2012,"directors":["Jacques Audiard"],
//!    "genres":["Drama","Romance"],"rating":4,"body":"Stéphanie trains orcas."}]}"#.as_bytes()).unwrap();
//! let engine = Engine::new(loaded.catalog);
//! let query = Query { text: "stephanie".into(), genres: vec!["drama".into()], ..Query::default() };
//! let results = engine.run(&query, &Personal::default());
//! assert_eq!(results.order, [0]);
//! assert_eq!(results.facets.genres[1].label, "Romance");
//! ```

use crate::hash::splitmix64;
use crate::model::{Catalog, Review};
use crate::personal::Personal;
use crate::query::{Query, Sort, SortKey};
use crate::search::shards::{searched, BodyIndex};
use crate::search::SearchIndex;
use crate::text::words;
use facets::{Tally, Vocabulary};
use filters::Filters;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// The answer to a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// Matching reviews as indices into [`Engine::reviews`], in sorted order.
    pub order: Vec<u32>,
    pub facets: Facets,
    /// For each active filter group, how many would match without it.
    pub without: Vec<(Group, usize)>,
}

/// A catalog prepared for queries.
pub struct Engine {
    catalog: Catalog,
    /// Built on the first text query (or [`Engine::warm_search`]), so that it never delays the first results.
    search: OnceLock<SearchIndex>,
    /// A split dataset's bodies, aligned with the reviews, once every chunk has arrived
    /// ([`Engine::set_bodies`]), for reading: its search goes through [`Engine::set_body_index`].
    bodies: OnceLock<Vec<String>>,
    /// A published full-text index ([`Engine::set_body_index`]), whose shards arrive as queries need them.
    body_index: OnceLock<BodyIndex>,
    /// Whether text queries are answered by the published index alone ([`Engine::answer_text_from_published`]).
    published: AtomicBool,
    genres: Vocabulary,
    countries: Vocabulary,
    /// Folded names of each review's people, one per line: built on the first
    /// person filter, never on the way to the first results.
    people: OnceLock<Vec<String>>,
    /// Each review's place in title order: built with the first sort order ([`Engine::prepare`]).
    title_ranks: OnceLock<Vec<u32>>,
    /// Sorted orders, computed on first use: index `2 * key + descending`.
    orders: [OnceLock<Vec<u32>>; 12],
    /// Where each review stands in the default order, computed on first use
    /// ([`Engine::neighbours`]: `marquee build` asks for every review page's).
    default_rank: OnceLock<Vec<u32>>,
}

impl Engine {
    /// Prepares a catalog: the facet vocabularies and sort keys (the search index waits for the first search).
    pub fn new(catalog: Catalog) -> Engine {
        let reviews = &catalog.reviews;
        Engine {
            search: OnceLock::new(),
            bodies: OnceLock::new(),
            body_index: OnceLock::new(),
            published: AtomicBool::new(false),
            genres: Vocabulary::build(reviews.iter().map(|r| r.genres())),
            countries: Vocabulary::build(reviews.iter().map(|r| r.countries())),
            people: OnceLock::new(),
            title_ranks: OnceLock::new(),
            orders: Default::default(),
            default_rank: OnceLock::new(),
            catalog,
        }
    }

    /// Computes now what the first query needs beyond [`Engine::new`] (the title
    /// sort keys and the default order), so that a caller can give it a task
    /// of its own; otherwise the first [`Engine::run`] does it.
    pub fn prepare(&self) {
        self.default_rank();
    }

    fn people(&self) -> &[String] {
        self.people.get_or_init(|| {
            let mut line = String::new();
            self.catalog
                .reviews
                .iter()
                .map(|r| {
                    line.clear();
                    for (i, name) in r.directors().iter().chain(r.cast()).enumerate() {
                        if i > 0 {
                            line.push('\n');
                        }
                        crate::text::fold_into(name, &mut line);
                    }
                    line.clone()
                })
                .collect()
        })
    }

    fn title_ranks(&self) -> &[u32] {
        self.title_ranks.get_or_init(|| order::title_ranks(&self.catalog.reviews))
    }

    /// The search index, built now if it has not been yet: the whole of each
    /// review, or for a split dataset its card (the body's excerpt standing in
    /// for the body), which the published full-text index completes.
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.catalog.reviews))
    }

    /// Whether this is a split dataset whose bodies have not been given yet.
    pub fn needs_bodies(&self) -> bool {
        self.bodies.get().is_none() && self.catalog.reviews.iter().any(|r| r.body().is_in_chunk())
    }

    /// Gives a split dataset's engine the bodies from its chunks (id → Markdown),
    /// so that [`Engine::body`] has every review's.
    /// Returns false, changing nothing, if bodies were already given.
    pub fn set_bodies(&self, mut bodies: crate::validate::Bodies) -> bool {
        let aligned = self.catalog.reviews.iter().map(|r| bodies.remove(r.id()).unwrap_or_default()).collect();
        self.bodies.set(aligned).is_ok()
    }

    /// The body of the review at `index`: its own, or for a split dataset the
    /// one from [`Engine::set_bodies`] (`None` until then).
    pub fn body(&self, index: usize) -> Option<&str> {
        let review = self.catalog.reviews.get(index)?;
        if let Some(text) = review.body().text() {
            return Some(text);
        }
        self.bodies.get()?.get(index).map(String::as_str).filter(|b| !b.is_empty())
    }

    /// Gives the engine a published full-text index over its reviews. Returns
    /// false, changing nothing, if it has one or the index covers another number of reviews.
    pub fn set_body_index(&self, index: BodyIndex) -> bool {
        index.manifest().docs == self.catalog.reviews.len() && self.body_index.set(index).is_ok()
    }

    /// The published full-text index, if there is one.
    pub fn body_index(&self) -> Option<&BodyIndex> {
        self.body_index.get()
    }

    /// Answers text queries from the published full-text index alone (`true`), whose shards
    /// hold every field's words, so that the search index is never built here; until its
    /// manifest and a query's shards arrive, a text query matches nothing yet. With `false`
    /// (the pieces could not be fetched), the search index is built and used as before.
    pub fn answer_text_from_published(&self, yes: bool) {
        self.published.store(yes, Ordering::Relaxed);
    }

    /// Builds the search index ahead of the first search (e.g. once the first results are on
    /// screen), unless text queries are answered by the published index.
    pub fn warm_search(&self) {
        if !self.published.load(Ordering::Relaxed) {
            self.search_index();
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn reviews(&self) -> &[Review] {
        &self.catalog.reviews
    }

    /// The position of the review with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.catalog.reviews.iter().position(|r| *r.id() == *id)
    }

    /// The genres' display labels by folded key, alphabetical.
    pub fn genre_labels(&self) -> impl Iterator<Item = (&str, &str)> {
        self.genres.keys.iter().map(String::as_str).zip(self.genres.labels.iter().map(String::as_str))
    }

    /// The countries' display labels by folded key, alphabetical.
    pub fn country_labels(&self) -> impl Iterator<Item = (&str, &str)> {
        self.countries.keys.iter().map(String::as_str).zip(self.countries.labels.iter().map(String::as_str))
    }

    /// Answers a query: the matching reviews in order, and the facet counts.
    pub fn run(&self, q: &Query, me: &Personal) -> Results {
        let scores = match (Group::Text.is_active(q), self.body_index.get()) {
            (false, _) => None,
            (true, body) if self.published.load(Ordering::Relaxed) => match body {
                Some(body) => body.scores(&q.text),
                // The manifest is on its way: a searched word matches nothing yet.
                None => crate::search::score(&q.text, self.catalog.reviews.len(), searched, |_, _| {}),
            },
            (true, body) => self.search_index().scores_with(&q.text, body),
        };
        let filters = Filters::new(q, &self.genres, &self.countries, scores.as_deref());
        let mut tally = Tally::new(q, &self.genres, &self.countries);
        let mut passing = vec![false; self.catalog.reviews.len()];
        for (doc, review) in self.catalog.reviews.iter().enumerate() {
            let rated = me.rating(review.id()).is_some();
            let mine = [rated, !rated, me.on_watchlist(review.id())];
            let genres = self.genres.of(doc);
            let countries = self.countries.of(doc);
            let pass = filters.pass(doc, review, genres, countries, mine, |words| self.person_matches(doc, words));
            passing[doc] = pass == filters::ALL_GROUPS;
            tally.add(pass, review, genres, countries, mine);
        }
        let (facets, without) = tally.finish(q, &self.genres, &self.countries);
        let order = self.ordered(q, &passing, scores.as_deref());
        Results { order, facets, without }
    }

    fn person_matches(&self, doc: usize, query_words: &[String]) -> bool {
        self.people()[doc]
            .lines()
            .any(|name| query_words.iter().all(|qw| words(name).any(|w| w.starts_with(qw.as_str()))))
    }

    fn ordered(&self, q: &Query, passing: &[bool], scores: Option<&[u16]>) -> Vec<u32> {
        let sort = q.effective_sort();
        match (sort.key, scores) {
            (SortKey::Relevance, Some(scores)) => {
                // Best score first; ties in the default (newest review) order.
                let mut hits: Vec<u32> = self
                    .order(Sort::new(SortKey::Reviewed, true))
                    .iter()
                    .copied()
                    .filter(|&d| passing[d as usize])
                    .collect();
                crate::sort::sort_indices(&mut hits, &|a, b| scores[b as usize].cmp(&scores[a as usize]));
                hits
            }
            (SortKey::Relevance, None) => self.filter_in(Sort::new(SortKey::Reviewed, true), passing),
            _ => self.filter_in(sort, passing),
        }
    }

    fn filter_in(&self, sort: Sort, passing: &[bool]) -> Vec<u32> {
        self.order(sort).iter().copied().filter(|&d| passing[d as usize]).collect()
    }

    /// Every review in one sort order (computed once, then kept).
    pub fn order(&self, sort: Sort) -> &[u32] {
        let slot = 2 * (sort.key as usize) + usize::from(sort.descending);
        self.orders[slot].get_or_init(|| order::sorted(&self.catalog.reviews, self.title_ranks(), sort))
    }

    /// The reviews just before and after review `index` in the results of `q`, for a
    /// review page's previous and next links. Without a text query relevance means the
    /// default order; unfiltered results need no query run.
    pub fn neighbours(&self, q: &Query, me: &Personal, index: usize) -> (Option<u32>, Option<u32>) {
        let sort = match q.effective_sort() {
            sort if sort.key == SortKey::Relevance => Sort::default_for(""),
            sort => sort,
        };
        let ran;
        let (order, at) = if q.is_filtered() {
            ran = self.run(q, me).order;
            let at = ran.iter().position(|&i| i as usize == index);
            (&ran[..], at)
        } else if sort == Sort::default_for("") {
            (self.order(sort), self.default_rank().get(index).map(|&at| at as usize))
        } else {
            let order = self.order(sort);
            (order, order.iter().position(|&i| i as usize == index))
        };
        let Some(at) = at else { return (None, None) };
        (at.checked_sub(1).map(|i| order[i]), order.get(at + 1).copied())
    }

    /// Where each review stands in the default order (newest first).
    fn default_rank(&self) -> &[u32] {
        self.default_rank.get_or_init(|| {
            let order = self.order(Sort::default_for(""));
            let mut rank = vec![0; order.len()];
            for (at, &index) in order.iter().enumerate() {
                rank[index as usize] = at as u32;
            }
            rank
        })
    }

    /// A deterministic pick among `results` for a seed ("surprise me").
    pub fn pick(results: &[u32], seed: u64) -> Option<u32> {
        if results.is_empty() {
            return None;
        }
        Some(results[(splitmix64(seed) % results.len() as u64) as usize])
    }
}

mod facets;
mod filters;
mod order;
#[cfg(test)]
mod tests;

pub use facets::{FacetValue, Facets, NOT_GIVEN_KEY, NOT_GIVEN_LABEL, RUNTIME_BUCKETS};
pub use filters::Group;
pub use order::default_order;
