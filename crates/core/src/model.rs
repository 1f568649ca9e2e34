//! The typed catalog that a valid dataset becomes.

mod rating;
mod review;

pub use rating::Rating;
pub use review::{Review, ReviewParts};

use serde::Serialize;
use std::sync::Arc;

/// A name or label in a review's lists (people, genres, countries, tags). The same name
/// repeats across a collection, and a binary card index holds each once: its reviews then
/// share one copy ([`crate::cards_bin`]), which at 10,000 reviews is some 68,000 strings
/// fewer in memory.
pub type Name = Arc<str>;

/// Optional information about the site as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Site {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

/// A review's text: in the review itself, or (for a review read from a card index,
/// [`crate::split`]) in a body chunk that arrives later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// The Markdown text.
    Inline(Box<str>),
    /// Not here yet: the chunk that holds it, and the card's excerpt meanwhile.
    InChunk(ChunkRef),
}

/// Where a card-index review's body is (its card excerpt is the review's
/// [`Review::card_excerpt`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkRef {
    /// Index into the dataset's list of body chunks.
    pub chunk: u32,
}

impl Body {
    /// The Markdown text, if the review carries it.
    pub fn text(&self) -> Option<&str> {
        match self {
            Body::Inline(text) => Some(text),
            Body::InChunk(_) => None,
        }
    }

    /// Where the text is, for a card-index review.
    pub fn chunk(&self) -> Option<&ChunkRef> {
        match self {
            Body::Inline(_) => None,
            Body::InChunk(at) => Some(at),
        }
    }

    pub fn is_in_chunk(&self) -> bool {
        matches!(self, Body::InChunk(_))
    }
}

/// An empty inline text, as a [`ReviewParts`] starts.
impl Default for Body {
    fn default() -> Body {
        Body::Inline(Box::default())
    }
}

impl From<String> for Body {
    fn from(text: String) -> Body {
        Body::Inline(text.into())
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body::Inline(text.into())
    }
}

/// A body serializes as its text; one in a chunk is left out (`skip_serializing_if`).
impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text().unwrap_or_default())
    }
}

/// How many characters a derived card summary keeps.
pub const DERIVED_SUMMARY_CHARS: usize = 240;

impl Review {
    /// The year and the directors, as a review page's header gives them: "2012 · Jacques
    /// Audiard", or "2012" when the directors are not given.
    pub fn byline(&self) -> String {
        if self.directors().is_empty() {
            self.year.to_string()
        } else {
            format!("{} · {}", self.year, self.directors().join(", "))
        }
    }

    /// The card excerpt: the author's `summary`, or else the body's first
    /// paragraph as plain text (spoilers left out), cut at a word boundary.
    pub fn excerpt(&self) -> String {
        if let Some(summary) = self.summary() {
            return summary.to_string();
        }
        let text = match self.body() {
            Body::InChunk(_) => return self.card_excerpt().to_string(),
            Body::Inline(text) => text,
        };
        let blocks = crate::markdown::parse(text);
        let first = crate::markdown::first_paragraph_text(&blocks).unwrap_or_default();
        truncate_words(&first, DERIVED_SUMMARY_CHARS)
    }
}

/// Cuts `text` to at most `max` characters at a word boundary, adding `…` when cut.
pub fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([' ', ',', ';', ':', '.']))
}

/// A validated dataset: the site information and every review that passed validation,
/// in dataset order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Catalog {
    pub site: Site,
    pub reviews: Vec<Review>,
}

impl Catalog {
    /// The review with this id.
    pub fn get(&self, id: &str) -> Option<&Review> {
        self.reviews.iter().find(|r| r.id() == id)
    }
}

/// A minimal valid review's parts for tests: one director, one genre, five stars.
#[cfg(test)]
pub(crate) fn test_parts<'a>(id: &'a str, title: &'a str, year: u16) -> ReviewParts<'a> {
    ReviewParts {
        id: id.into(),
        title: title.into(),
        year,
        directors: vec!["X".into()],
        genres: vec!["Drama".into()],
        rating: Some(Rating::MAX),
        body: "b".into(),
        ..ReviewParts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_words_use_the_half_glyph_and_singular_for_one() {
        let words: Vec<String> = Rating::all().map(Rating::words).collect();
        assert_eq!(words[0], "½ star");
        assert_eq!(words[1], "1 star");
        assert_eq!(words[2], "1½ stars");
        assert_eq!(words[6], "3½ stars");
        assert_eq!(words[9], "5 stars");
    }

    #[test]
    fn rating_from_stars_accepts_only_half_steps_in_range() {
        assert_eq!(Rating::from_stars(4.0).map(Rating::halves), Some(8));
        assert_eq!(Rating::from_stars(0.5).map(Rating::halves), Some(1));
        assert!(Rating::from_stars(0.0).is_none());
        assert!(Rating::from_stars(4.3).is_none());
        assert!(Rating::from_stars(5.5).is_none());
        assert!(Rating::from_stars(f64::NAN).is_none());
        assert!(Rating::from_stars(f64::INFINITY).is_none());
    }

    #[test]
    fn ratings_read_and_write_decimals_as_floats_would() {
        for text in ["0.5", "1", "3.5", "4.0", "4.50", "+2", " 5 ", ".5", "005", "4."] {
            let float = text.trim().parse::<f64>().ok().and_then(Rating::from_stars);
            assert_eq!(Rating::parse(text), float, "{text}");
            assert!(Rating::parse(text).is_some(), "{text}");
        }
        for text in ["0", "5.5", "3.25", "", ".", "-1", "1e0", "x", "3.5.1", "nan", "1000"] {
            assert_eq!(Rating::parse(text), None, "{text}");
        }
        for rating in Rating::all() {
            assert_eq!(rating.decimal(), rating.stars().to_string());
            assert_eq!(Rating::parse(&rating.decimal()), Some(rating));
        }
    }

    #[test]
    fn truncate_words_cuts_at_a_space_and_marks_the_cut() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("one two three four", 12), "one two…");
    }
}
