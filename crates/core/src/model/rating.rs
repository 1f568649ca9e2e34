//! A critic's or reader's rating: half stars from ½ to 5, kept as an integer of halves.

use serde::Serialize;
use std::fmt;

/// A rating from ½ to 5 stars in half-star steps, stored as a count of halves (1..=10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rating(u8);

impl Rating {
    /// The lowest rating, ½ star.
    pub const MIN: Rating = Rating(1);
    /// The highest rating, 5 stars.
    pub const MAX: Rating = Rating(10);

    /// From a count of half stars, 1..=10.
    pub fn from_halves(halves: u8) -> Option<Rating> {
        (1..=10).contains(&halves).then_some(Rating(halves))
    }

    /// From a number of stars such as `3.5`; `None` unless it is 0.5..=5.0 in steps of 0.5.
    pub fn from_stars(stars: f64) -> Option<Rating> {
        let halves = stars * 2.0;
        if halves.fract() != 0.0 || !(1.0..=10.0).contains(&halves) {
            return None;
        }
        Some(Rating(halves as u8))
    }

    /// From a number of stars written in decimal, such as `"3.5"`, `"4"` or
    /// `"4.0"`; `None` unless it is 0.5 to 5 in steps of 0.5. Read without
    /// floating point, which keeps float parsing out of the browser bundle.
    pub fn parse(text: &str) -> Option<Rating> {
        let text = text.trim();
        let text = text.strip_prefix('+').unwrap_or(text);
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) || whole.len() > 3 {
            return None;
        }
        let whole: u8 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let half = match fraction.trim_end_matches('0') {
            "" => 0,
            "5" => 1,
            _ => return None,
        };
        Rating::from_halves(whole.checked_mul(2)?.checked_add(half)?)
    }

    /// The number of stars in decimal, as CSV files write it: `"3.5"`, `"4"`.
    pub fn decimal(self) -> String {
        match (self.0 / 2, self.0 % 2) {
            (whole, 0) => whole.to_string(),
            (whole, _) => format!("{whole}.5"),
        }
    }

    pub fn halves(self) -> u8 {
        self.0
    }

    pub fn stars(self) -> f64 {
        f64::from(self.0) / 2.0
    }

    /// Every rating from ½ to 5, lowest first.
    pub fn all() -> impl DoubleEndedIterator<Item = Rating> {
        (1..=10).map(Rating)
    }

    /// The number with a ½ glyph: `"3½"`, `"½"`, `"4"`.
    pub fn short(self) -> String {
        match (self.0 / 2, self.0 % 2) {
            (0, _) => "½".to_string(),
            (whole, 0) => whole.to_string(),
            (whole, _) => format!("{whole}½"),
        }
    }

    /// The rating in words, for accessible names: `"½ star"`, `"1 star"`, `"3½ stars"`.
    pub fn words(self) -> String {
        let unit = if self.0 <= 2 { "star" } else { "stars" };
        format!("{} {unit}", self.short())
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

impl Serialize for Rating {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(2) {
            s.serialize_u8(self.0 / 2)
        } else {
            s.serialize_f64(self.stars())
        }
    }
}
