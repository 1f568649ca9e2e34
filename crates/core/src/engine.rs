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

use crate::model::{Catalog, Review};
use crate::personal::Personal;
use crate::query::{GenreMode, Query, Sort, SortKey};
use crate::search::shards::BodyIndex;
use crate::search::SearchIndex;
use crate::text::{fold, title_sort_key, words};
use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;

/// The filter groups, as bits: a review passes a query when it passes every group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Genre = 1,
    Rating = 2,
    Year = 4,
    Country = 8,
    Runtime = 16,
    Person = 32,
    Mine = 64,
    Text = 128,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Genre,
        Group::Rating,
        Group::Year,
        Group::Country,
        Group::Runtime,
        Group::Person,
        Group::Mine,
        Group::Text,
    ];

    fn bit(self) -> u8 {
        self as u8
    }

    /// Whether `query` uses this group.
    pub fn is_active(self, q: &Query) -> bool {
        match self {
            Group::Genre => !q.genres.is_empty(),
            Group::Rating => q.min_rating.is_some(),
            Group::Year => q.year_from.is_some() || q.year_to.is_some(),
            Group::Country => !q.countries.is_empty(),
            Group::Runtime => q.runtime_min.is_some() || q.runtime_max.is_some(),
            Group::Person => q.person.is_some(),
            Group::Mine => q.mine.is_some(),
            Group::Text => words(&fold(&q.text)).next().is_some(),
        }
    }

    /// The query without this group's filter.
    pub fn clear(self, q: &Query) -> Query {
        let mut q = q.clone();
        match self {
            Group::Genre => q.genres.clear(),
            Group::Rating => q.min_rating = None,
            Group::Year => (q.year_from, q.year_to) = (None, None),
            Group::Country => q.countries.clear(),
            Group::Runtime => (q.runtime_min, q.runtime_max) = (None, None),
            Group::Person => q.person = None,
            Group::Mine => q.mine = None,
            Group::Text => q.text.clear(),
        }
        q
    }
}

const ALL_GROUPS: u8 = u8::MAX;

/// Runtime buckets for facet counts: under 90 minutes, 90–119, 120–149, 150 and over.
pub const RUNTIME_BUCKETS: [(u16, u16); 4] = [(1, 89), (90, 119), (120, 149), (150, 1000)];

/// One value of a facet with its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The folded value, as it appears in the query and the URL.
    pub key: String,
    /// The value as the dataset first wrote it.
    pub label: String,
    /// How many reviews would match with this value toggled on, given the other filters.
    pub count: usize,
    pub selected: bool,
}

/// Counts for every facet, each computed with all the *other* filters applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Every genre in the catalog, alphabetical.
    pub genres: Vec<FacetValue>,
    /// Every country in the catalog, alphabetical.
    pub countries: Vec<FacetValue>,
    /// `min_rating[h]`: how many would match with a minimum of `h` half-stars (`[0]` = no minimum).
    pub min_rating: [usize; 11],
    /// `(decade, count)`, e.g. `(1950, 4)`, oldest first.
    pub decades: Vec<(u16, usize)>,
    /// Counts per [`RUNTIME_BUCKETS`] entry.
    pub runtime: [usize; 4],
    /// Counts for rated, unrated, watchlist (in [`Mine::ALL`] order).
    pub mine: [usize; 3],
}

/// The answer to a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// Matching reviews as indices into [`Engine::reviews`], in sorted order.
    pub order: Vec<u32>,
    pub facets: Facets,
    /// For each active filter group, how many would match without it.
    pub without: Vec<(Group, usize)>,
}

/// A set of labels (genres or countries) with each review's membership.
#[derive(Clone, Debug, Default)]
struct Vocabulary {
    /// Folded keys, sorted; the index is the value's id.
    keys: Vec<String>,
    labels: Vec<String>,
    /// For review `i`, its value ids are `ids[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    ids: Vec<u16>,
}

impl Vocabulary {
    fn build<'a>(per_review: impl Iterator<Item = &'a [String]> + Clone) -> Vocabulary {
        let mut pairs: Vec<(String, &str)> =
            per_review.clone().flatten().map(|label| (fold(label), label.as_str())).collect();
        // The first spelling seen of each value labels it.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|later, first| later.0 == first.0);
        let mut v = Vocabulary {
            keys: pairs.iter().map(|p| p.0.clone()).collect(),
            labels: Vec::with_capacity(pairs.len()),
            ..Vocabulary::default()
        };
        let mut first_label: Vec<Option<String>> = vec![None; v.keys.len()];
        v.offsets.push(0);
        for labels in per_review {
            for label in labels {
                let id = v.id(&fold(label)).expect("every label is in the vocabulary");
                first_label[id as usize].get_or_insert_with(|| label.clone());
                v.ids.push(id);
            }
            v.offsets.push(v.ids.len() as u32);
        }
        v.labels = first_label.into_iter().map(Option::unwrap_or_default).collect();
        v
    }

    fn id(&self, key: &str) -> Option<u16> {
        self.keys.binary_search_by(|k| k.as_str().cmp(key)).ok().map(|i| i as u16)
    }

    fn of(&self, doc: usize) -> &[u16] {
        &self.ids[self.offsets[doc] as usize..self.offsets[doc + 1] as usize]
    }
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
    genres: Vocabulary,
    countries: Vocabulary,
    /// Folded names of each review's people, one per line.
    people: Vec<String>,
    title_keys: Vec<String>,
    /// Sorted orders, computed on first use: index `2 * key + descending`.
    orders: [OnceLock<Vec<u32>>; 12],
}

impl Engine {
    /// Prepares a catalog: the facet vocabularies and sort keys (the search index waits for the first search).
    pub fn new(catalog: Catalog) -> Engine {
        let reviews = &catalog.reviews;
        Engine {
            search: OnceLock::new(),
            bodies: OnceLock::new(),
            body_index: OnceLock::new(),
            genres: Vocabulary::build(reviews.iter().map(|r| r.genres.as_slice())),
            countries: Vocabulary::build(reviews.iter().map(|r| r.countries.as_slice())),
            people: reviews
                .iter()
                .map(|r| fold(&r.directors.iter().chain(&r.cast).cloned().collect::<Vec<_>>().join("\n")))
                .collect(),
            title_keys: reviews.iter().map(|r| title_sort_key(&r.title)).collect(),
            orders: Default::default(),
            catalog,
        }
    }

    /// The search index, built now if it has not been yet: the whole of each
    /// review, or for a split dataset its card (the body's excerpt standing in
    /// for the body), which the published full-text index completes.
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.catalog.reviews))
    }

    /// Whether this is a split dataset whose bodies have not been given yet.
    pub fn needs_bodies(&self) -> bool {
        self.bodies.get().is_none() && self.catalog.reviews.iter().any(|r| r.split.is_some())
    }

    /// Gives a split dataset's engine the bodies from its chunks (id → Markdown),
    /// so that [`Engine::body`] has every review's.
    /// Returns false, changing nothing, if bodies were already given.
    pub fn set_bodies(&self, mut bodies: std::collections::HashMap<String, String>) -> bool {
        let aligned = self.catalog.reviews.iter().map(|r| bodies.remove(&r.id).unwrap_or_default()).collect();
        self.bodies.set(aligned).is_ok()
    }

    /// The body of the review at `index`: its own, or for a split dataset the
    /// one from [`Engine::set_bodies`] (`None` until then).
    pub fn body(&self, index: usize) -> Option<&str> {
        let review = self.catalog.reviews.get(index)?;
        if review.split.is_none() {
            return Some(&review.body);
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

    /// Builds the search index ahead of the first search (e.g. once the first results are on screen).
    pub fn warm_search(&self) {
        self.search_index();
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn reviews(&self) -> &[Review] {
        &self.catalog.reviews
    }

    /// The position of the review with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.catalog.reviews.iter().position(|r| r.id == id)
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
        let reviews = &self.catalog.reviews;
        let scores = if Group::Text.is_active(q) {
            self.search_index().scores_with(&q.text, self.body_index.get())
        } else {
            None
        };
        let selected_genres: Vec<Option<u16>> = q.genres.iter().map(|g| self.genres.id(g)).collect();
        let selected_countries: Vec<Option<u16>> = q.countries.iter().map(|c| self.countries.id(c)).collect();
        let person_words: Vec<String> =
            q.person.as_deref().map(|p| words(&fold(p)).map(str::to_string).collect()).unwrap_or_default();

        let mut facets = Facets {
            genres: Vec::with_capacity(self.genres.keys.len()),
            countries: Vec::with_capacity(self.countries.keys.len()),
            ..Facets::default()
        };
        let mut genre_counts = vec![0usize; self.genres.keys.len()];
        let mut country_counts = vec![0usize; self.countries.keys.len()];
        let mut rating_hist = [0usize; 11];
        let mut decade_counts: std::collections::BTreeMap<u16, usize> = Default::default();
        let active: Vec<Group> = Group::ALL.into_iter().filter(|g| g.is_active(q)).collect();
        let mut without = vec![0usize; active.len()];
        let mut passing = vec![false; reviews.len()];

        for (doc, r) in reviews.iter().enumerate() {
            let genres = self.genres.of(doc);
            let mut pass = ALL_GROUPS;
            let mut fail = |g: Group| pass &= !g.bit();
            if !selected_genres.is_empty() {
                let has = |id: &Option<u16>| id.is_some_and(|id| genres.contains(&id));
                let ok = match q.genre_mode {
                    GenreMode::Any => selected_genres.iter().any(has),
                    GenreMode::All => selected_genres.iter().all(has),
                };
                if !ok {
                    fail(Group::Genre);
                }
            }
            if q.min_rating.is_some_and(|min| r.rating < min) {
                fail(Group::Rating);
            }
            if q.year_from.is_some_and(|y| r.year < y) || q.year_to.is_some_and(|y| r.year > y) {
                fail(Group::Year);
            }
            let countries = self.countries.of(doc);
            if !selected_countries.is_empty()
                && !selected_countries.iter().any(|id| id.is_some_and(|id| countries.contains(&id)))
            {
                fail(Group::Country);
            }
            if (q.runtime_min.is_some() || q.runtime_max.is_some())
                && !r
                    .runtime_minutes
                    .is_some_and(|m| q.runtime_min.is_none_or(|lo| m >= lo) && q.runtime_max.is_none_or(|hi| m <= hi))
            {
                fail(Group::Runtime);
            }
            if !person_words.is_empty() && !self.person_matches(doc, &person_words) {
                fail(Group::Person);
            }
            let rated = me.rating(&r.id).is_some();
            let mine = [rated, !rated, me.on_watchlist(&r.id)];
            if let Some(m) = q.mine {
                if !mine[m as usize] {
                    fail(Group::Mine);
                }
            }
            if scores.as_ref().is_some_and(|s| s[doc] == 0) {
                fail(Group::Text);
            }

            let others_ok = |g: Group| pass | g.bit() == ALL_GROUPS;
            passing[doc] = pass == ALL_GROUPS;
            if others_ok(Group::Genre) {
                let conjunctive_ok = q.genre_mode == GenreMode::Any || pass == ALL_GROUPS;
                if conjunctive_ok {
                    genres.iter().for_each(|&g| genre_counts[g as usize] += 1);
                }
            }
            if others_ok(Group::Country) {
                countries.iter().for_each(|&c| country_counts[c as usize] += 1);
            }
            if others_ok(Group::Rating) {
                rating_hist[r.rating.halves() as usize] += 1;
            }
            if others_ok(Group::Year) {
                *decade_counts.entry(r.year / 10 * 10).or_default() += 1;
            }
            if others_ok(Group::Runtime) {
                if let Some(m) = r.runtime_minutes {
                    if let Some(b) = RUNTIME_BUCKETS.iter().position(|&(lo, hi)| m >= lo && m <= hi) {
                        facets.runtime[b] += 1;
                    }
                }
            }
            if others_ok(Group::Mine) {
                for (count, has) in facets.mine.iter_mut().zip(mine) {
                    *count += usize::from(has);
                }
            }
            for (count, g) in without.iter_mut().zip(&active) {
                *count += usize::from(others_ok(*g));
            }
        }

        fill_facet(&mut facets.genres, &self.genres, &genre_counts, &q.genres);
        fill_facet(&mut facets.countries, &self.countries, &country_counts, &q.countries);
        let mut at_least = 0;
        for h in (1..=10).rev() {
            at_least += rating_hist[h];
            facets.min_rating[h] = at_least;
        }
        facets.min_rating[0] = at_least;
        facets.decades = decade_counts.into_iter().collect();

        let order = self.ordered(q, &passing, scores.as_deref());
        Results { order, facets, without: active.into_iter().zip(without).collect() }
    }

    fn person_matches(&self, doc: usize, query_words: &[String]) -> bool {
        self.people[doc]
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
                hits.sort_by_key(|&d| Reverse(scores[d as usize]));
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
        self.orders[slot].get_or_init(|| {
            let mut order: Vec<u32> = (0..self.catalog.reviews.len() as u32).collect();
            order.sort_by(|&a, &b| self.compare(sort, a as usize, b as usize));
            order
        })
    }

    /// Compares two reviews for a sort: the key in the chosen direction, missing
    /// values last in both directions, then title, year and id ascending so that ties are stable.
    fn compare(&self, sort: Sort, a: usize, b: usize) -> Ordering {
        let (ra, rb) = (&self.catalog.reviews[a], &self.catalog.reviews[b]);
        let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
        let primary = match sort.key {
            SortKey::Rating => directed(ra.rating.cmp(&rb.rating)),
            SortKey::Year => directed(ra.year.cmp(&rb.year)),
            SortKey::Title => directed(self.title_keys[a].cmp(&self.title_keys[b])),
            SortKey::Runtime => missing_last(ra.runtime_minutes, rb.runtime_minutes, directed),
            SortKey::Reviewed | SortKey::Relevance => missing_last(ra.reviewed_on, rb.reviewed_on, directed),
        };
        primary
            .then_with(|| self.title_keys[a].cmp(&self.title_keys[b]))
            .then_with(|| ra.year.cmp(&rb.year))
            .then_with(|| ra.id.cmp(&rb.id))
    }

    /// A deterministic pick among `results` for a seed ("surprise me").
    pub fn pick(results: &[u32], seed: u64) -> Option<u32> {
        if results.is_empty() {
            return None;
        }
        Some(results[(splitmix64(seed) % results.len() as u64) as usize])
    }
}

fn missing_last<T: Ord>(a: Option<T>, b: Option<T>, directed: impl Fn(Ordering) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn fill_facet(out: &mut Vec<FacetValue>, vocab: &Vocabulary, counts: &[usize], selected: &[String]) {
    out.extend(vocab.keys.iter().zip(&vocab.labels).zip(counts).map(|((key, label), &count)| FacetValue {
        key: key.clone(),
        label: label.clone(),
        count,
        selected: selected.binary_search(key).is_ok(),
    }));
}

/// SplitMix64: a small, well-mixed hash for seeds.
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests;
