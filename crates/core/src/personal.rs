//! The reader's own state: their ratings and watchlist. Kept by the UI (in
//! localStorage), passed to the engine for the "rated / unrated / watchlist" filter.

use crate::date::Date;
use crate::model::Rating;
use std::collections::{BTreeMap, BTreeSet};

/// One rating the reader gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rated {
    pub rating: Rating,
    /// When they rated it, if known.
    pub on: Option<Date>,
}

/// The reader's ratings and watchlist, by review id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Personal {
    pub ratings: BTreeMap<String, Rated>,
    pub watchlist: BTreeSet<String>,
}

impl Personal {
    pub fn rating(&self, id: &str) -> Option<Rating> {
        self.ratings.get(id).map(|r| r.rating)
    }

    pub fn on_watchlist(&self, id: &str) -> bool {
        self.watchlist.contains(id)
    }
}
