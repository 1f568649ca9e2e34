//! The reader's own state: their ratings and watchlist. The UI keeps it in
//! localStorage in the JSON form below, passes it to the engine for the
//! "rated / unrated / watchlist" filter, and exports and imports it.
//!
//! ```json
//! { "format": "marquee-personal/1",
//!   "ratings": [ { "id": "rust-and-bone-2012", "rating": 3.5, "on": "2026-11-23" } ],
//!   "watchlist": [ "tokyo-story-1953" ] }
//! ```

use crate::date::Date;
use crate::json::{self, write_string, Value};
use crate::model::Rating;

/// The `format` of the stored and exported JSON.
pub const PERSONAL_FORMAT: &str = "marquee-personal/1";

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
    pub ratings: IdMap<Rated>,
    pub watchlist: IdMap<()>,
}

/// Values by review id, in id order: a vector kept sorted. A reader's ratings and watchlist
/// hold hundreds of ids, not millions, and the browser bundle carries far less code for this
/// than for a B-tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdMap<V>(Vec<(String, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets `id`'s value, and returns the one it had.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    /// Takes `id` out, and returns the value it had.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ids and their values, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(id, v)| (id.as_str(), v))
    }

    /// The ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(id, _)| id.as_str())
    }
}

impl Personal {
    pub fn rating(&self, id: &str) -> Option<Rating> {
        self.ratings.get(id).map(|r| r.rating)
    }

    pub fn on_watchlist(&self, id: &str) -> bool {
        self.watchlist.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.watchlist.is_empty()
    }

    /// Sets or clears (`None`) a rating.
    pub fn set_rating(&mut self, id: &str, rating: Option<Rating>, today: Option<Date>) {
        match rating {
            Some(rating) => {
                self.ratings.insert(id.to_string(), Rated { rating, on: today });
            }
            None => {
                self.ratings.remove(id);
            }
        }
    }

    pub fn toggle_watchlist(&mut self, id: &str) {
        if self.watchlist.remove(id).is_none() {
            self.watchlist.insert(id.to_string(), ());
        }
    }

    /// Adds everything in `other`; on a conflict, the newer rating wins (undated counts as oldest).
    pub fn merge(&mut self, other: &Personal) {
        for (id, theirs) in other.ratings.iter() {
            let keep_ours = self.ratings.get(id).is_some_and(|ours| ours.on > theirs.on);
            if !keep_ours {
                self.ratings.insert(id.to_string(), *theirs);
            }
        }
        for id in other.watchlist.ids() {
            self.watchlist.insert(id.to_string(), ());
        }
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64 + 48 * self.ratings.len() + 24 * self.watchlist.len());
        out.push_str("{\"format\":");
        write_string(&mut out, PERSONAL_FORMAT);
        out.push_str(",\"ratings\":[");
        for (i, (id, r)) in self.ratings.iter().enumerate() {
            out.push_str(if i == 0 { "{\"id\":" } else { ",{\"id\":" });
            write_string(&mut out, id);
            out.push_str(",\"rating\":");
            out.push_str(&r.rating.decimal());
            if let Some(on) = r.on {
                out.push_str(",\"on\":");
                write_string(&mut out, &on.to_string());
            }
            out.push('}');
        }
        out.push_str("],\"watchlist\":[");
        for (i, id) in self.watchlist.ids().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_string(&mut out, id);
        }
        out.push_str("]}");
        out
    }

    /// Reads the JSON form. Any problem is an error naming the place: stored data
    /// that does not read is never silently replaced.
    pub fn from_json(text: &str) -> Result<Personal, PersonalError> {
        let value = json::parse(text.as_bytes())
            .map_err(|e| PersonalError::Syntax { line: e.line, column: e.column, message: e.message.to_string() })?
            .value;
        let format = value.get("format").and_then(Value::as_str);
        if format != Some(PERSONAL_FORMAT) {
            return Err(match format {
                Some(other) => field("format", format!("\"{other}\" is not \"{PERSONAL_FORMAT}\"")),
                None => field("format", format!("missing; expected \"{PERSONAL_FORMAT}\"")),
            });
        }
        let mut personal = Personal::default();
        let ratings =
            value.get("ratings").and_then(Value::as_array).ok_or_else(|| field("ratings", "expected an array"))?;
        for (i, entry) in ratings.iter().enumerate() {
            let id = entry.get("id").and_then(Value::as_str).filter(|id| crate::text::is_slug(id));
            let id = id.ok_or_else(|| field(format!("ratings[{i}].id"), "expected a review id"))?;
            let halves = entry.get("rating").and_then(Value::as_number).and_then(|n| n.times(2));
            let rating = halves
                .and_then(|h| u8::try_from(h).ok())
                .and_then(Rating::from_halves)
                .ok_or_else(|| field(format!("ratings[{i}].rating"), "expected 0.5 to 5 in steps of 0.5"))?;
            let on = match entry.get("on") {
                None | Some(Value::Null) => None,
                Some(v) => Some(
                    v.as_str()
                        .and_then(Date::parse)
                        .ok_or_else(|| field(format!("ratings[{i}].on"), "expected a date YYYY-MM-DD"))?,
                ),
            };
            personal.ratings.insert(id.to_string(), Rated { rating, on });
        }
        let watchlist =
            value.get("watchlist").and_then(Value::as_array).ok_or_else(|| field("watchlist", "expected an array"))?;
        for (i, id) in watchlist.iter().enumerate() {
            let id = id.as_str().filter(|id| crate::text::is_slug(id));
            personal
                .watchlist
                .insert(id.ok_or_else(|| field(format!("watchlist[{i}]"), "expected a review id"))?.to_string(), ());
        }
        Ok(personal)
    }
}

/// Why the reader's data (stored, or a file they import) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PersonalError {
    /// Not JSON at all.
    #[error("not valid JSON: {message} at line {line}, column {column}")]
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but a field is wrong: `ratings[3].rating: expected 0.5 to 5 in steps of 0.5`.
    #[error("{path}: {message}")]
    Field { path: String, message: String },
}

fn field(path: impl Into<String>, message: impl Into<String>) -> PersonalError {
    PersonalError::Field { path: path.into(), message: message.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_in_order_whatever_order_they_come_in() {
        let mut m = IdMap::default();
        for (i, id) in ["c", "a", "d", "b"].into_iter().enumerate() {
            assert_eq!(m.insert(id.to_string(), i), None);
        }
        assert_eq!(m.insert("a".to_string(), 9), Some(1), "the value it had");
        assert_eq!(m.iter().collect::<Vec<_>>(), [("a", &9), ("b", &3), ("c", &0), ("d", &2)]);
        assert_eq!(m.remove("b"), Some(3));
        assert_eq!(m.remove("b"), None);
        assert!(m.contains("a") && !m.contains("b") && m.get("d") == Some(&2));
        assert_eq!(m.ids().collect::<Vec<_>>(), ["a", "c", "d"]);
    }

    fn sample() -> Personal {
        let mut p = Personal::default();
        p.set_rating("rust-and-bone-2012", Rating::from_halves(7), Date::new(2026, 11, 23));
        p.set_rating("the-general-1926", Some(Rating::MAX), None);
        p.toggle_watchlist("tokyo-story-1953");
        p
    }

    #[test]
    fn json_round_trips() {
        let p = sample();
        assert_eq!(Personal::from_json(&p.to_json()), Ok(p));
    }

    #[test]
    fn bad_json_is_an_error_naming_the_place() {
        assert!(Personal::from_json("{")
            .unwrap_err()
            .to_string()
            .contains("the document ends inside an object at line 1, column 2"));
        assert!(matches!(Personal::from_json("{"), Err(PersonalError::Syntax { line: 1, .. })));
        assert_eq!(
            Personal::from_json(r#"{"ratings":[]}"#).unwrap_err().to_string(),
            "format: missing; expected \"marquee-personal/1\""
        );
        let bad = r#"{"format":"marquee-personal/1","ratings":[{"id":"a","rating":7}],"watchlist":[]}"#;
        assert_eq!(
            Personal::from_json(bad).unwrap_err().to_string(),
            "ratings[0].rating: expected 0.5 to 5 in steps of 0.5"
        );
        let bad = r#"{"format":"marquee-personal/1","ratings":[],"watchlist":["Not An Id"]}"#;
        assert_eq!(Personal::from_json(bad).unwrap_err().to_string(), "watchlist[0]: expected a review id");
    }

    #[test]
    fn toggling_and_clearing() {
        let mut p = sample();
        p.toggle_watchlist("tokyo-story-1953");
        assert!(!p.on_watchlist("tokyo-story-1953"));
        p.set_rating("the-general-1926", None, None);
        assert_eq!(p.rating("the-general-1926"), None);
    }

    #[test]
    fn merging_keeps_the_newer_rating_and_both_watchlists() {
        let mut ours = sample();
        let mut theirs = Personal::default();
        theirs.set_rating("rust-and-bone-2012", Rating::from_halves(2), Date::new(2020, 1, 1));
        theirs.set_rating("the-general-1926", Rating::from_halves(6), Date::new(2020, 1, 1));
        theirs.toggle_watchlist("m-1931");
        ours.merge(&theirs);
        assert_eq!(ours.rating("rust-and-bone-2012"), Rating::from_halves(7), "ours is newer");
        assert_eq!(ours.rating("the-general-1926"), Rating::from_halves(6), "undated loses to dated");
        assert!(ours.on_watchlist("m-1931") && ours.on_watchlist("tokyo-story-1953"));
    }
}
