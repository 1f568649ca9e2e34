//! One review, packed: its texts in one allocation and its five name lists in another.
//!
//! A collection keeps every review in memory, so a review's layout is most of the
//! app's memory. Kept as separate strings and lists, a card-index review at 10,000
//! reviews made seven allocations, each with its allocator header and rounding, and
//! eleven pointers: packed, it makes two (three with an inline body), and its
//! struct is smaller. [`ReviewParts`] is the same review with a field per part, to
//! build one from and to edit one with ([`Review::edit`]).

use super::{Body, Name, Rating};
use crate::date::Date;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::borrow::Cow;
use std::fmt;

/// One validated review. Field meanings are documented in `docs/dataset.md`; the
/// texts and name lists are read through methods ([`Review::title`], [`Review::genres`]…).
#[derive(Clone, PartialEq)]
pub struct Review {
    /// The id, title, original title, summary, poster and card excerpt, one after
    /// another. A text that is not given is empty: a given one never is (validation
    /// refuses empty strings).
    text: Box<str>,
    /// Where each text but the last ends in `text`.
    ends: [u32; 5],
    /// The directors, cast, genres, countries and tags, one list after another.
    names: Box<[Name]>,
    /// Where each list but the last ends in `names`.
    name_ends: [u16; 4],
    pub year: u16,
    pub runtime_minutes: Option<u16>,
    /// The critic's rating; `None` when not given (an import from Letterboxd or a blog may lack it).
    pub rating: Option<Rating>,
    /// The review's Markdown text, or where a card index keeps it ([`Review::body`]).
    body: Body,
    pub reviewed_on: Option<Date>,
    pub home_release: Option<Date>,
}

/// A review with a field per part, as it is built and edited: `Review::from(parts)`. Its texts
/// may borrow (from the document a validator reads, say), since packing copies them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewParts<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub original_title: Option<Cow<'a, str>>,
    pub year: u16,
    pub directors: Vec<Name>,
    pub cast: Vec<Name>,
    pub genres: Vec<Name>,
    pub runtime_minutes: Option<u16>,
    pub countries: Vec<Name>,
    pub rating: Option<Rating>,
    pub summary: Option<Cow<'a, str>>,
    pub body: Body,
    /// For a review whose body is in a chunk: the card's excerpt, derived from the body at
    /// build time (empty when the summary stands in for it).
    pub excerpt: Cow<'a, str>,
    pub reviewed_on: Option<Date>,
    pub home_release: Option<Date>,
    pub poster: Option<Cow<'a, str>>,
    pub tags: Vec<Name>,
}

/// Which text of [`Review::text`].
#[derive(Clone, Copy)]
enum Text {
    Id,
    Title,
    OriginalTitle,
    Summary,
    Poster,
    Excerpt,
}

/// Which list of [`Review::names`].
#[derive(Clone, Copy)]
enum List {
    Directors,
    Cast,
    Genres,
    Countries,
    Tags,
}

impl From<ReviewParts<'_>> for Review {
    /// Packs the parts. An optional text given as `Some("")` reads back as `None`. A review's
    /// directors, cast, genres and countries hold at most 65,535 names together (validation
    /// allows 280, and the binary card index as many): past that, the lists are cut there.
    fn from(p: ReviewParts<'_>) -> Review {
        let texts = [
            &*p.id,
            &*p.title,
            p.original_title.as_deref().unwrap_or_default(),
            p.summary.as_deref().unwrap_or_default(),
            p.poster.as_deref().unwrap_or_default(),
            &*p.excerpt,
        ];
        let mut text = String::with_capacity(texts.iter().map(|t| t.len()).sum());
        let mut ends = [0u32; 5];
        for (i, part) in texts.iter().enumerate() {
            text.push_str(part);
            if let Some(end) = ends.get_mut(i) {
                *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            }
        }
        let lists = [p.directors, p.cast, p.genres, p.countries, p.tags];
        let mut names = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        let mut name_ends = [0u16; 4];
        for (i, list) in lists.into_iter().enumerate() {
            names.extend(list);
            if let Some(end) = name_ends.get_mut(i) {
                names.truncate(usize::from(u16::MAX));
                *end = names.len() as u16;
            }
        }
        Review {
            text: text.into(),
            ends,
            names: names.into(),
            name_ends,
            year: p.year,
            runtime_minutes: p.runtime_minutes,
            rating: p.rating,
            body: p.body,
            reviewed_on: p.reviewed_on,
            home_release: p.home_release,
        }
    }
}

impl Review {
    fn text(&self, which: Text) -> &str {
        let i = which as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends.get(i).map_or(self.text.len(), |&end| end as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    fn optional(&self, which: Text) -> Option<&str> {
        Some(self.text(which)).filter(|t| !t.is_empty())
    }

    fn list(&self, which: List) -> &[Name] {
        let i = which as usize;
        let start = if i == 0 { 0 } else { usize::from(self.name_ends[i - 1]) };
        let end = self.name_ends.get(i).map_or(self.names.len(), |&end| usize::from(end));
        self.names.get(start..end).unwrap_or_default()
    }

    pub fn id(&self) -> &str {
        self.text(Text::Id)
    }

    pub fn title(&self) -> &str {
        self.text(Text::Title)
    }

    pub fn original_title(&self) -> Option<&str> {
        self.optional(Text::OriginalTitle)
    }

    pub fn summary(&self) -> Option<&str> {
        self.optional(Text::Summary)
    }

    pub fn poster(&self) -> Option<&str> {
        self.optional(Text::Poster)
    }

    /// The excerpt that a card-index review keeps while its body is in a chunk; empty for
    /// a review with its body, or whose summary stands in. [`Review::excerpt`] is the
    /// card's text in every case.
    pub fn card_excerpt(&self) -> &str {
        self.text(Text::Excerpt)
    }

    pub fn directors(&self) -> &[Name] {
        self.list(List::Directors)
    }

    pub fn cast(&self) -> &[Name] {
        self.list(List::Cast)
    }

    pub fn genres(&self) -> &[Name] {
        self.list(List::Genres)
    }

    pub fn countries(&self) -> &[Name] {
        self.list(List::Countries)
    }

    pub fn tags(&self) -> &[Name] {
        self.list(List::Tags)
    }

    /// The review's Markdown text, or where a card index keeps it.
    pub fn body(&self) -> &Body {
        &self.body
    }

    /// Gives the review its body: the text, when a card-index review's arrives (which
    /// then stands in for the card excerpt), or where a card index keeps it.
    pub fn set_body(&mut self, body: Body) {
        if !body.is_in_chunk() && !self.card_excerpt().is_empty() {
            self.text = self.text[..self.ends[Text::Excerpt as usize - 1] as usize].into();
        }
        self.body = body;
    }

    /// The review with a field per part (its texts borrowed).
    pub fn to_parts(&self) -> ReviewParts<'_> {
        ReviewParts {
            id: self.id().into(),
            title: self.title().into(),
            original_title: self.original_title().map(Into::into),
            year: self.year,
            directors: self.directors().to_vec(),
            cast: self.cast().to_vec(),
            genres: self.genres().to_vec(),
            runtime_minutes: self.runtime_minutes,
            countries: self.countries().to_vec(),
            rating: self.rating,
            summary: self.summary().map(Into::into),
            body: self.body.clone(),
            excerpt: self.card_excerpt().into(),
            reviewed_on: self.reviewed_on,
            home_release: self.home_release,
            poster: self.poster().map(Into::into),
            tags: self.tags().to_vec(),
        }
    }

    /// Changes the review through its parts, then packs it again:
    /// `review.edit(|r| r.poster = None)`.
    pub fn edit(&mut self, change: impl FnOnce(&mut ReviewParts<'_>)) {
        let mut parts = self.to_parts();
        change(&mut parts);
        *self = parts.into();
    }
}

impl fmt::Debug for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_parts(), f)
    }
}

/// The dataset's form of a review (`docs/dataset.md`): fields that are not given are left
/// out, and so is the body of a card-index review.
impl Serialize for Review {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Review", 16)?;
        s.serialize_field("id", self.id())?;
        s.serialize_field("title", self.title())?;
        optional(&mut s, "original_title", self.original_title())?;
        s.serialize_field("year", &self.year)?;
        s.serialize_field("directors", self.directors())?;
        listed(&mut s, "cast", self.cast())?;
        s.serialize_field("genres", self.genres())?;
        optional(&mut s, "runtime_minutes", self.runtime_minutes)?;
        listed(&mut s, "countries", self.countries())?;
        optional(&mut s, "rating", self.rating)?;
        optional(&mut s, "summary", self.summary())?;
        optional(&mut s, "body", self.body.text())?;
        optional(&mut s, "reviewed_on", self.reviewed_on)?;
        optional(&mut s, "home_release", self.home_release)?;
        optional(&mut s, "poster", self.poster())?;
        listed(&mut s, "tags", self.tags())?;
        s.end()
    }
}

fn optional<S: SerializeStruct, T: Serialize>(s: &mut S, key: &'static str, value: Option<T>) -> Result<(), S::Error> {
    match value {
        Some(value) => s.serialize_field(key, &value),
        None => s.skip_field(key),
    }
}

fn listed<S: SerializeStruct>(s: &mut S, key: &'static str, list: &[Name]) -> Result<(), S::Error> {
    if list.is_empty() {
        s.skip_field(key)
    } else {
        s.serialize_field(key, list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{test_parts, ChunkRef};

    fn names(list: &[&str]) -> Vec<Name> {
        list.iter().map(|&n| Name::from(n)).collect()
    }

    fn full() -> ReviewParts<'static> {
        ReviewParts {
            original_title: Some("De rouille et d'os".into()),
            directors: names(&["Jacques Audiard"]),
            cast: names(&["Marion Cotillard", "Matthias Schoenaerts"]),
            genres: names(&["Drama", "Romance"]),
            countries: names(&["France", "Belgium"]),
            summary: Some("Orcas, a broken hand, a fight.".into()),
            poster: Some("posters/rust.jpg".into()),
            tags: names(&["festival"]),
            ..test_parts("rust-and-bone-2012", "Rust and Bone", 2012)
        }
    }

    #[test]
    fn every_part_reads_back_as_it_was_given() {
        let parts = full();
        let review = Review::from(parts.clone());
        assert_eq!(review.id(), "rust-and-bone-2012");
        assert_eq!(review.title(), "Rust and Bone");
        assert_eq!(review.original_title(), Some("De rouille et d'os"));
        assert_eq!(review.summary(), Some("Orcas, a broken hand, a fight."));
        assert_eq!(review.poster(), Some("posters/rust.jpg"));
        assert_eq!(review.directors(), &*names(&["Jacques Audiard"]));
        assert_eq!(review.cast(), &*names(&["Marion Cotillard", "Matthias Schoenaerts"]));
        assert_eq!(review.genres(), &*names(&["Drama", "Romance"]));
        assert_eq!(review.countries(), &*names(&["France", "Belgium"]));
        assert_eq!(review.tags(), &*names(&["festival"]));
        assert_eq!(review.to_parts(), parts);
    }

    #[test]
    fn parts_not_given_read_back_empty_wherever_they_fall() {
        let mut parts = full();
        (parts.original_title, parts.summary, parts.cast, parts.countries) = (None, None, Vec::new(), Vec::new());
        let review = Review::from(parts.clone());
        assert_eq!((review.original_title(), review.summary()), (None, None));
        assert_eq!(review.poster(), Some("posters/rust.jpg"));
        assert!(review.cast().is_empty() && review.countries().is_empty());
        assert_eq!(review.genres(), &*names(&["Drama", "Romance"]));
        assert_eq!(review.tags(), &*names(&["festival"]));
        assert_eq!(review.to_parts(), parts);
        // An empty optional text is no text.
        let review = Review::from(ReviewParts { summary: Some("".into()), ..parts });
        assert_eq!(review.summary(), None);
    }

    #[test]
    fn a_body_that_arrives_replaces_the_card_excerpt() {
        let parts =
            ReviewParts { body: Body::InChunk(ChunkRef { chunk: 2 }), excerpt: "First words.".into(), ..full() };
        let mut review = Review::from(parts);
        assert_eq!(review.card_excerpt(), "First words.");
        assert_eq!(review.poster(), Some("posters/rust.jpg"));
        review.set_body("First words. And more.".into());
        assert_eq!(review.card_excerpt(), "");
        assert_eq!(review.poster(), Some("posters/rust.jpg"));
        assert_eq!(review, Review::from(ReviewParts { body: "First words. And more.".into(), ..full() }));
    }

    #[test]
    fn edit_changes_one_part_and_keeps_the_rest() {
        let mut review = Review::from(full());
        review.edit(|p| p.poster = None);
        assert_eq!(review.poster(), None);
        assert_eq!(review.to_parts(), ReviewParts { poster: None, ..full() });
    }

    #[test]
    fn a_review_serializes_as_the_dataset_gives_it() {
        let review = Review::from(ReviewParts { cast: Vec::new(), ..full() });
        let json = serde_json::to_string(&review).unwrap();
        assert_eq!(
            json,
            r#"{"id":"rust-and-bone-2012","title":"Rust and Bone","original_title":"De rouille et d'os","year":2012,"directors":["Jacques Audiard"],"genres":["Drama","Romance"],"countries":["France","Belgium"],"rating":5,"summary":"Orcas, a broken hand, a fight.","body":"b","poster":"posters/rust.jpg","tags":["festival"]}"#
        );
    }
}
