//! The filters: which groups of a query a review fails. A review passes a query when it
//! passes every group; the facet counts need to know which *other* groups it passes.

use super::facets::Vocabulary;
use crate::model::Review;
use crate::query::{GenreMode, Query};
use crate::text::{fold, words};

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

    pub(super) fn bit(self) -> u8 {
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

/// Every group's bit: the mask of a review that passes them all.
pub(super) const ALL_GROUPS: u8 = u8::MAX;

/// A query prepared for testing reviews: selected values as vocabulary ids, folded words.
pub(super) struct Filters<'q> {
    q: &'q Query,
    genres: Vec<Option<u16>>,
    countries: Vec<Option<u16>>,
    person_words: Vec<String>,
    scores: Option<&'q [u16]>,
}

impl<'q> Filters<'q> {
    pub(super) fn new(
        q: &'q Query,
        genres: &Vocabulary,
        countries: &Vocabulary,
        scores: Option<&'q [u16]>,
    ) -> Filters<'q> {
        Filters {
            q,
            genres: q.genres.iter().map(|g| genres.id(g)).collect(),
            countries: q.countries.iter().map(|c| countries.id(c)).collect(),
            person_words: q
                .person
                .as_deref()
                .map(|p| words(&fold(p)).map(str::to_string).collect())
                .unwrap_or_default(),
            scores,
        }
    }

    /// The groups review `doc` passes, as a mask of [`Group`] bits ([`ALL_GROUPS`] when all).
    /// `genres` and `countries` are its vocabulary ids, `mine` its rated/unrated/watchlist
    /// marks, and `person` tests its people against the query's words.
    pub(super) fn pass(
        &self,
        doc: usize,
        r: &Review,
        genres: &[u16],
        countries: &[u16],
        mine: [bool; 3],
        person: impl Fn(&[String]) -> bool,
    ) -> u8 {
        let q = self.q;
        let mut pass = ALL_GROUPS;
        let mut fail = |g: Group| pass &= !g.bit();
        if !self.genres.is_empty() {
            let has = |id: &Option<u16>| id.is_some_and(|id| genres.contains(&id));
            let ok = match q.genre_mode {
                GenreMode::Any => self.genres.iter().any(has),
                GenreMode::All => self.genres.iter().all(has),
            };
            if !ok {
                fail(Group::Genre);
            }
        }
        if q.min_rating.is_some_and(|min| r.rating.is_none_or(|r| r < min)) {
            fail(Group::Rating);
        }
        if q.year_from.is_some_and(|y| r.year < y) || q.year_to.is_some_and(|y| r.year > y) {
            fail(Group::Year);
        }
        if !self.countries.is_empty() && !self.countries.iter().any(|id| id.is_some_and(|id| countries.contains(&id))) {
            fail(Group::Country);
        }
        if (q.runtime_min.is_some() || q.runtime_max.is_some())
            && !r
                .runtime_minutes
                .is_some_and(|m| q.runtime_min.is_none_or(|lo| m >= lo) && q.runtime_max.is_none_or(|hi| m <= hi))
        {
            fail(Group::Runtime);
        }
        if !self.person_words.is_empty() && !person(&self.person_words) {
            fail(Group::Person);
        }
        if q.mine.is_some_and(|m| !mine[m as usize]) {
            fail(Group::Mine);
        }
        if self.scores.is_some_and(|s| s[doc] == 0) {
            fail(Group::Text);
        }
        pass
    }
}
