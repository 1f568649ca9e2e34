//! The URL-state codec: a [`Query`] ⇄ a query string that a reader can read and share.
//!
//! ```
//! use marquee_core::{query::{Query, Sort, SortKey}, url, Rating};
//! let q = Query {
//!     genres: vec!["drama".into(), "romance".into()],
//!     min_rating: Rating::from_halves(7),
//!     text: "audiard".into(),
//!     sort: Some(Sort::new(SortKey::Rating, true)),
//!     ..Query::default()
//! };
//! let s = url::encode(&q);
//! assert_eq!(s, "?genre=drama&genre=romance&min=3.5&q=audiard&sort=-rating");
//! assert_eq!(url::decode(&s), q);
//! ```
//!
//! Decoding never fails: unknown parameters and garbled values are ignored, and
//! the result is [`Query::normalized`].

use crate::model::Rating;
use crate::query::{GenreMode, Mine, Query, Sort, View};

/// The longest search text kept from a URL, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// The most values kept for one list parameter.
pub const MAX_LIST_VALUES: usize = 50;

/// Encodes a query as `?key=value&…`, or `""` when it is the default query.
/// Parameters come in a fixed order; list values are sorted.
pub fn encode(q: &Query) -> String {
    let q = q.clone().normalized();
    let mut pairs: Vec<(&str, String)> = Vec::new();
    pairs.extend(q.genres.iter().map(|g| ("genre", g.clone())));
    if q.genre_mode == GenreMode::All {
        pairs.push(("genres", "all".into()));
    }
    if let Some(r) = q.min_rating {
        pairs.push(("min", stars(r)));
    }
    if let Some(y) = q.year_from {
        pairs.push(("from", y.to_string()));
    }
    if let Some(y) = q.year_to {
        pairs.push(("to", y.to_string()));
    }
    pairs.extend(q.countries.iter().map(|c| ("country", c.clone())));
    if q.runtime_min.is_some() || q.runtime_max.is_some() {
        let bound = |b: Option<u16>| b.map(|m| m.to_string()).unwrap_or_default();
        pairs.push(("runtime", format!("{}-{}", bound(q.runtime_min), bound(q.runtime_max))));
    }
    if let Some(p) = &q.person {
        pairs.push(("person", p.clone()));
    }
    if let Some(m) = q.mine {
        pairs.push(("mine", m.key().into()));
    }
    if !q.text.is_empty() {
        pairs.push(("q", q.text.clone()));
    }
    if let Some(s) = q.sort {
        pairs.push(("sort", s.token()));
    }
    if let Some(seed) = q.pick {
        pairs.push(("pick", seed.to_string()));
    }
    if q.view == View::Posters {
        pairs.push(("view", "posters".into()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", escape(v))).collect();
    format!("?{}", body.join("&"))
}

/// Decodes a query string (with or without the leading `?`). Never fails.
pub fn decode(search: &str) -> Query {
    let mut q = Query::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = unescape(raw);
        let value = value.as_str();
        match key {
            "genre" if q.genres.len() < MAX_LIST_VALUES => q.genres.push(value.to_string()),
            "genres" => q.genre_mode = if value == "all" { GenreMode::All } else { GenreMode::Any },
            "min" => q.min_rating = Rating::parse(value),
            "from" => q.year_from = value.parse().ok(),
            "to" => q.year_to = value.parse().ok(),
            "country" if q.countries.len() < MAX_LIST_VALUES => q.countries.push(value.to_string()),
            "runtime" => {
                if let Some((lo, hi)) = value.split_once('-') {
                    q.runtime_min = lo.parse().ok();
                    q.runtime_max = hi.parse().ok();
                }
            }
            "person" => q.person = Some(value.chars().take(MAX_TEXT_CHARS).collect()),
            "mine" => q.mine = Mine::from_key(value),
            "q" => q.text = value.chars().take(MAX_TEXT_CHARS).collect(),
            "sort" => q.sort = Sort::from_token(value),
            "pick" => q.pick = value.parse().ok(),
            "view" => q.view = if value == "posters" { View::Posters } else { View::List },
            _ => {}
        }
    }
    q.normalized()
}

/// A rating as a decimal number of stars: `3.5`, `4`.
fn stars(r: Rating) -> String {
    if r.halves().is_multiple_of(2) {
        (r.halves() / 2).to_string()
    } else {
        format!("{}.5", r.halves() / 2)
    }
}

/// Form-style escaping: letters, digits and `-._~` stay; space becomes `+`; the rest is `%XX`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The inverse of [`escape`], lenient: a malformed `%` escape is kept as written,
/// and invalid UTF-8 becomes U+FFFD.
fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1).and_then(|&h| hex(h)), bytes.get(i + 2).and_then(|&l| hex(l))) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests;
