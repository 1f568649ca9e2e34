//! Facets: the vocabularies of genres and countries, and the tally that counts, for each
//! facet value, the reviews that would match were it chosen (every *other* filter applied).

use super::filters::{Group, ALL_GROUPS};
use crate::model::{Name, Rating, Review};
use crate::query::{GenreMode, Query};
use crate::text::fold_into;
use rustc_hash::FxHashMap;

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

/// The facet key of reviews that give no value (no genre, no country): `?genre=~`. It sorts
/// after every folded label, so "Not given" comes last in the list.
pub const NOT_GIVEN_KEY: &str = "~";
/// How that value reads.
pub const NOT_GIVEN_LABEL: &str = "Not given";

/// A set of labels (genres or countries) with each review's membership.
#[derive(Clone, Debug, Default)]
pub(super) struct Vocabulary {
    /// Folded keys, sorted; the index is the value's id.
    pub(super) keys: Vec<String>,
    pub(super) labels: Vec<String>,
    /// For review `i`, its value ids are `ids[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    ids: Vec<u16>,
}

impl Vocabulary {
    /// The vocabulary of one facet, given each review's values. A review that gives none is
    /// counted under [`NOT_GIVEN_LABEL`], so that the counts add up and it can be found.
    pub(super) fn build<'a>(per_review: impl Iterator<Item = &'a [Name]>) -> Vocabulary {
        // One pass: each label folded once into a reused buffer and numbered as first seen
        // (the first spelling seen labels the value); the numbers are sorted afterwards.
        let mut seen: FxHashMap<String, u32> = FxHashMap::default();
        let (mut keys, mut labels): (Vec<String>, Vec<&'a str>) = (Vec::new(), Vec::new());
        let (mut ids, mut offsets) = (Vec::new(), vec![0u32]);
        let mut folded = String::new();
        let mut number = |key: &str, label: &'a str| match seen.get(key) {
            Some(&n) => n,
            None => {
                let n = keys.len() as u32;
                seen.insert(key.to_string(), n);
                keys.push(key.to_string());
                labels.push(label);
                n
            }
        };
        for values in per_review {
            if values.is_empty() {
                ids.push(number(NOT_GIVEN_KEY, NOT_GIVEN_LABEL));
            }
            for label in values {
                folded.clear();
                fold_into(label, &mut folded);
                ids.push(number(&folded, label));
            }
            offsets.push(ids.len() as u32);
        }
        // Keys are distinct: a stable sort orders them as any other would.
        let sorted = crate::sort::sorted_indices(keys.len(), &|a, b| keys[a as usize].cmp(&keys[b as usize]));
        let mut rank = vec![0u16; keys.len()];
        for (r, &n) in sorted.iter().enumerate() {
            rank[n as usize] = r as u16;
        }
        Vocabulary {
            keys: sorted.iter().map(|&n| std::mem::take(&mut keys[n as usize])).collect(),
            labels: sorted.iter().map(|&n| labels[n as usize].to_string()).collect(),
            ids: ids.into_iter().map(|n: u32| rank[n as usize]).collect(),
            offsets,
        }
    }

    pub(super) fn id(&self, key: &str) -> Option<u16> {
        self.keys.binary_search_by(|k| k.as_str().cmp(key)).ok().map(|i| i as u16)
    }

    pub(super) fn of(&self, doc: usize) -> &[u16] {
        &self.ids[self.offsets[doc] as usize..self.offsets[doc + 1] as usize]
    }
}

/// The decade of the earliest year a review may have, and how many decades reviews may span.
const FIRST_DECADE: u16 = crate::validate::limits::YEAR_MIN / 10;
const DECADES: usize = (crate::validate::limits::YEAR_MAX / 10 - FIRST_DECADE + 1) as usize;

/// The counts of one query's facets, a review at a time.
pub(super) struct Tally {
    genre_mode: GenreMode,
    genres: Vec<usize>,
    countries: Vec<usize>,
    /// Reviews per rating in half-stars, for the "at least" counts.
    ratings: [usize; 11],
    /// Reviews per decade, from [`FIRST_DECADE`].
    decades: [usize; DECADES],
    runtime: [usize; 4],
    mine: [usize; 3],
    /// The query's active groups, and for each how many would match without it.
    active: Vec<Group>,
    without: Vec<usize>,
}

impl Tally {
    pub(super) fn new(q: &Query, genres: &Vocabulary, countries: &Vocabulary) -> Tally {
        let active: Vec<Group> = Group::ALL.into_iter().filter(|g| g.is_active(q)).collect();
        Tally {
            genre_mode: q.genre_mode,
            genres: vec![0; genres.keys.len()],
            countries: vec![0; countries.keys.len()],
            ratings: [0; 11],
            decades: [0; DECADES],
            runtime: [0; 4],
            mine: [0; 3],
            without: vec![0; active.len()],
            active,
        }
    }

    /// Counts a review that passes the groups in `pass` (a mask of [`Group`] bits).
    pub(super) fn add(&mut self, pass: u8, r: &Review, genres: &[u16], countries: &[u16], mine: [bool; 3]) {
        let others_ok = |g: Group| pass | g.bit() == ALL_GROUPS;
        // With "all of", a genre's count is what choosing it too would leave.
        if others_ok(Group::Genre) && (self.genre_mode == GenreMode::Any || pass == ALL_GROUPS) {
            genres.iter().for_each(|&g| self.genres[g as usize] += 1);
        }
        if others_ok(Group::Country) {
            countries.iter().for_each(|&c| self.countries[c as usize] += 1);
        }
        if others_ok(Group::Rating) {
            // [0]: no rating given; it counts under "Any rating" only.
            self.ratings[r.rating.map_or(0, Rating::halves) as usize] += 1;
        }
        if others_ok(Group::Year) {
            let decade = (r.year / 10).checked_sub(FIRST_DECADE).and_then(|d| self.decades.get_mut(usize::from(d)));
            if let Some(count) = decade {
                *count += 1;
            }
        }
        if others_ok(Group::Runtime) {
            let bucket =
                r.runtime_minutes.and_then(|m| RUNTIME_BUCKETS.iter().position(|&(lo, hi)| m >= lo && m <= hi));
            if let Some(b) = bucket {
                self.runtime[b] += 1;
            }
        }
        if others_ok(Group::Mine) {
            for (count, has) in self.mine.iter_mut().zip(mine) {
                *count += usize::from(has);
            }
        }
        for (count, g) in self.without.iter_mut().zip(&self.active) {
            *count += usize::from(others_ok(*g));
        }
    }

    /// The facets, and for each active group how many would match without it.
    pub(super) fn finish(
        self,
        q: &Query,
        genres: &Vocabulary,
        countries: &Vocabulary,
    ) -> (Facets, Vec<(Group, usize)>) {
        let mut facets = Facets {
            genres: values(genres, &self.genres, &q.genres),
            countries: values(countries, &self.countries, &q.countries),
            decades: (FIRST_DECADE..)
                .zip(self.decades)
                .filter(|&(_, count)| count > 0)
                .map(|(decade, count)| (decade * 10, count))
                .collect(),
            runtime: self.runtime,
            mine: self.mine,
            ..Facets::default()
        };
        let mut at_least = 0;
        for h in (1..=10).rev() {
            at_least += self.ratings[h];
            facets.min_rating[h] = at_least;
        }
        // "Any rating" counts the reviews without one too.
        facets.min_rating[0] = at_least + self.ratings[0];
        (facets, self.active.into_iter().zip(self.without).collect())
    }
}

fn values(vocab: &Vocabulary, counts: &[usize], selected: &[String]) -> Vec<FacetValue> {
    vocab
        .keys
        .iter()
        .zip(&vocab.labels)
        .zip(counts)
        .map(|((key, label), &count)| FacetValue {
            key: key.clone(),
            label: label.clone(),
            count,
            selected: selected.binary_search(key).is_ok(),
        })
        .collect()
}
