//! What the filter panel offers and says, as plain data: the options of the rating, runtime
//! and "your films" selects with their counts, the chips of the active filters, and the
//! result count in words. The app draws these; the rules live here, tested natively.

use crate::engine::{FacetValue, Facets, RUNTIME_BUCKETS};
use crate::model::Rating;
use crate::query::{GenreMode, Mine, Query};

/// One of a short list of choices (a select's option, or a chip): the value it sets, its
/// label, how many reviews it would leave (when that is known), and whether it is chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: Option<usize>,
    pub selected: bool,
}

impl Choice {
    fn new(value: impl Into<String>, label: impl Into<String>, count: Option<usize>, selected: bool) -> Choice {
        Choice { value: value.into(), label: label.into(), count, selected }
    }

    /// The label with its count, as a select's option shows it: "Under 90 minutes (12)".
    pub fn text(&self) -> String {
        match self.count {
            Some(n) => format!("{} ({n})", self.label),
            None => self.label.clone(),
        }
    }
}

/// An active filter as a removable chip: its label, and the query without it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub label: String,
    pub without: Query,
}

/// "42 reviews", "1 review".
pub fn count_label(n: usize) -> String {
    if n == 1 {
        "1 review".to_string()
    } else {
        format!("{n} reviews")
    }
}

/// How many filters a query has on, for the "Filters · 2" button: each genre and country
/// chosen, and each of minimum rating, years, runtime, person and "your films" in use. The
/// search text is not a filter here (it has its own box).
pub fn active_filter_count(q: &Query) -> usize {
    let groups = [
        q.min_rating.is_some(),
        q.year_from.is_some() || q.year_to.is_some(),
        q.runtime_min.is_some() || q.runtime_max.is_some(),
        q.person.is_some(),
        q.mine.is_some(),
    ];
    q.genres.len() + q.countries.len() + groups.into_iter().filter(|on| *on).count()
}

/// The filter button's label: "Filters", or "Filters · 2" with two filters on.
pub fn filters_label(q: &Query) -> String {
    match active_filter_count(q) {
        0 => "Filters".to_string(),
        n => format!("Filters · {n}"),
    }
}

/// The label of a "your films" filter.
pub fn mine_label(mine: Mine) -> &'static str {
    match mine {
        Mine::Rated => "Rated by you",
        Mine::Unrated => "Not rated by you",
        Mine::Watchlist => "On your watchlist",
    }
}

/// A runtime range in words: "Under 90 minutes", "90–119 minutes", "150 minutes or more".
pub fn runtime_label(lo: u16, hi: u16) -> String {
    match (lo, hi) {
        (1, hi) => format!("Under {} minutes", hi + 1),
        (lo, 1000) => format!("{lo} minutes or more"),
        (lo, hi) => format!("{lo}–{hi} minutes"),
    }
}

/// The minimum-rating options: any, then each half-star step, with how many each leaves.
pub fn min_rating_choices(q: &Query, facets: &Facets) -> Vec<Choice> {
    let current = q.min_rating.map_or(0, Rating::halves);
    let any = Choice::new("", "Any rating", Some(facets.min_rating[0]), current == 0);
    std::iter::once(any)
        .chain(Rating::all().map(|r| {
            let h = r.halves();
            Choice::new(
                h.to_string(),
                format!("{} or more", r.words()),
                Some(facets.min_rating[h as usize]),
                current == h,
            )
        }))
        .collect()
}

/// The minimum rating a [`min_rating_choices`] value sets.
pub fn min_rating_of(value: &str) -> Option<Rating> {
    value.parse().ok().and_then(Rating::from_halves)
}

/// The runtime options: any length, each of [`RUNTIME_BUCKETS`] with its count, and the
/// query's own range when it is none of them (from a shared link).
pub fn runtime_choices(q: &Query, facets: &Facets) -> Vec<Choice> {
    let (min, max) = (q.runtime_min, q.runtime_max);
    let any = min.is_none() && max.is_none();
    let mut choices = vec![Choice::new("", "Any length", None, any)];
    let mut matched = any;
    for (i, &(lo, hi)) in RUNTIME_BUCKETS.iter().enumerate() {
        let selected = (min.unwrap_or(1), max.unwrap_or(1000)) == (lo, hi);
        matched |= selected;
        choices.push(Choice::new(format!("{lo}-{hi}"), runtime_label(lo, hi), Some(facets.runtime[i]), selected));
    }
    if !matched {
        let (lo, hi) = (min.unwrap_or(1), max.unwrap_or(1000));
        choices.push(Choice::new(format!("{lo}-{hi}"), format!("{lo}–{hi} minutes"), None, true));
    }
    choices
}

/// The `(runtime_min, runtime_max)` a [`runtime_choices`] value sets; the open ends are `None`.
pub fn runtime_of(value: &str) -> (Option<u16>, Option<u16>) {
    let (lo, hi) = value.split_once('-').map_or((None, None), |(lo, hi)| (lo.parse().ok(), hi.parse().ok()));
    (lo.filter(|&m| m > 1), hi.filter(|&m| m < 1000))
}

/// The "your films" options, with counts.
pub fn mine_choices(q: &Query, facets: &Facets) -> Vec<Choice> {
    let mut choices = vec![Choice::new("", "All films", None, q.mine.is_none())];
    for (i, mine) in Mine::ALL.into_iter().enumerate() {
        choices.push(Choice::new(mine.key(), mine_label(mine), Some(facets.mine[i]), q.mine == Some(mine)));
    }
    choices
}

/// Each active filter as a chip, in the panel's order.
pub fn chips(q: &Query, facets: &Facets) -> Vec<Chip> {
    let label_of = |values: &[FacetValue], key: &str| {
        values.iter().find(|v| v.key == key).map_or_else(|| key.to_string(), |v| v.label.clone())
    };
    let mut out = Vec::new();
    let mut chip = |label: String, change: &dyn Fn(&mut Query)| {
        let mut without = q.clone();
        change(&mut without);
        out.push(Chip { label, without });
    };
    for g in &q.genres {
        chip(label_of(&facets.genres, g), &|n| n.genres.retain(|x| x != g));
    }
    if q.genre_mode == GenreMode::All && q.genres.len() > 1 {
        chip("All genres must match".into(), &|n| n.genre_mode = GenreMode::Any);
    }
    if let Some(r) = q.min_rating {
        chip(format!("{} or more", r.words()), &|n| n.min_rating = None);
    }
    match (q.year_from, q.year_to) {
        (Some(a), Some(b)) => chip(format!("{a}–{b}"), &|n| (n.year_from, n.year_to) = (None, None)),
        (Some(a), None) => chip(format!("From {a}"), &|n| n.year_from = None),
        (None, Some(b)) => chip(format!("Until {b}"), &|n| n.year_to = None),
        (None, None) => {}
    }
    for c in &q.countries {
        chip(label_of(&facets.countries, c), &|n| n.countries.retain(|x| x != c));
    }
    if q.runtime_min.is_some() || q.runtime_max.is_some() {
        let hi = q.runtime_max.map_or("∞".to_string(), |h| h.to_string());
        let label = format!("{}–{hi} minutes", q.runtime_min.unwrap_or(1));
        chip(label, &|n| (n.runtime_min, n.runtime_max) = (None, None));
    }
    if let Some(p) = &q.person {
        chip(format!("With “{p}”"), &|n| n.person = None);
    }
    if let Some(m) = q.mine {
        chip(mine_label(m).into(), &|n| n.mine = None);
    }
    if !q.text.trim().is_empty() {
        chip(format!("“{}”", q.text.trim()), &|n| n.text.clear());
    }
    out
}

#[cfg(test)]
mod tests;
