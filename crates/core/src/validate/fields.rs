//! The field reader: one review (or the site block) from a JSON object, every field
//! checked, with an error for each bad field under its path (`reviews[3].rating: …`).

use super::limits;
use super::names::Names;
use super::suggest::{clip, warn_unknown};
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::json::{Map, Value};
use crate::model::{Body, ChunkRef, Name, Rating, Review, ReviewParts, Site};
use crate::text::{clean_str, is_safe_image_url, is_slug};
use std::borrow::Cow;

/// The fields a review may have.
pub const REVIEW_FIELDS: &[&str] = &[
    "id",
    "title",
    "original_title",
    "year",
    "directors",
    "cast",
    "genres",
    "runtime_minutes",
    "countries",
    "rating",
    "summary",
    "body",
    "reviewed_on",
    "home_release",
    "poster",
    "tags",
];
/// A card-index review has every review field but `body`, and says where its body is.
pub(super) static CARD_FIELDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    REVIEW_FIELDS.iter().copied().filter(|f| *f != "body").chain(["excerpt", "chunk"]).collect()
});
const SITE_FIELDS: &[&str] = &["title", "tagline", "author"];

pub(super) fn read_site(map: &mut Map<'_>, diagnostics: &mut Vec<Diagnostic>) -> Site {
    warn_unknown(map, SITE_FIELDS, "site", diagnostics);
    let mut errors = Vec::new();
    let mut fields = Fields { map, path: "site", errors: &mut errors };
    let site = Site {
        title: fields.opt_line("title", limits::SITE_TEXT_CHARS).map(Cow::into_owned),
        tagline: fields.opt_line("tagline", limits::SITE_TEXT_CHARS).map(Cow::into_owned),
        author: fields.opt_line("author", limits::SITE_TEXT_CHARS).map(Cow::into_owned),
    };
    diagnostics.extend(errors);
    site
}

/// Validates one review given as a JSON value (as an importer builds from a
/// Markdown file's front matter), appending its diagnostics under `path`.
/// Returns the review if it has no errors. Uniqueness of ids is the caller's business.
pub fn read_review(item: Value<'_>, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Review> {
    read_review_as(item, path, diagnostics, None, &mut Names::default())
}

/// [`read_review`], or with `Some(chunk_count)` a card-index review: no `body`,
/// but an `excerpt` and the `chunk` that holds its body. Its names are shared through `names`.
pub(super) fn read_review_as(
    item: Value<'_>,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
    chunk_count: Option<usize>,
    names: &mut Names,
) -> Option<Review> {
    let Value::Object(mut map) = item else {
        diagnostics.push(Diagnostic::error(path, format!("expected a review object, found {}", item.kind())));
        return None;
    };
    warn_unknown(&map, if chunk_count.is_some() { &CARD_FIELDS } else { REVIEW_FIELDS }, path, diagnostics);
    let mut errors = Vec::new();
    let mut f = Fields { map: &mut map, path, errors: &mut errors };
    let id = f.id();
    let title = f.req_line("title", limits::TITLE_CHARS);
    let original_title = f.opt_line("original_title", limits::TITLE_CHARS);
    let year = f.req_int("year", limits::YEAR_MIN, limits::YEAR_MAX);
    let directors = f.list(names, "directors", limits::DIRECTORS, limits::NAME_CHARS, false);
    let cast = f.list(names, "cast", limits::CAST, limits::NAME_CHARS, false);
    let genres = f.list(names, "genres", limits::GENRES, limits::LABEL_CHARS, false);
    let runtime_minutes = f.opt_int("runtime_minutes", 1, limits::RUNTIME_MAX);
    let countries = f.list(names, "countries", limits::COUNTRIES, limits::LABEL_CHARS, false);
    let rating = f.rating();
    // Facts that imports from Letterboxd or a blog often lack: the review still loads, and
    // the site leaves the line out (docs/dataset.md, "Facts that may be missing").
    let mut lacks = Vec::new();
    if directors.as_ref().is_some_and(Vec::is_empty) {
        lacks.push(Diagnostic::warning(f.at("directors"), "not given: the review shows no director"));
    }
    if genres.as_ref().is_some_and(Vec::is_empty) {
        lacks.push(Diagnostic::warning(
            f.at("genres"),
            "not given: the review is counted under \"Not given\" in the genre filter",
        ));
    }
    if matches!(rating, Ok(None)) {
        lacks.push(Diagnostic::warning(
            f.at("rating"),
            "not given: the review shows no stars, and a minimum-rating filter leaves it out",
        ));
    }
    let summary = f.opt_text("summary", limits::SUMMARY_CHARS);
    let body = match chunk_count {
        None => f.req_text("body", limits::BODY_CHARS).map(|body| (Body::from(body.into_owned()), Cow::Borrowed(""))),
        Some(count) => {
            let excerpt = f.opt_text("excerpt", limits::SUMMARY_CHARS).unwrap_or_default();
            let chunk = match count.checked_sub(1) {
                Some(last) => f.req_int("chunk", 0, u16::try_from(last).unwrap_or(u16::MAX)),
                None => f.fail(f.at("chunk"), "the index lists no body chunks"),
            };
            chunk.map(|chunk| (Body::InChunk(ChunkRef { chunk: u32::from(chunk) }), excerpt))
        }
    };
    let reviewed_on = f.opt_date("reviewed_on");
    let home_release = f.opt_date("home_release");
    let poster = f.poster();
    let tags = f.list(names, "tags", limits::TAGS, limits::LABEL_CHARS, false);
    let failed = !errors.is_empty();
    diagnostics.append(&mut errors);
    if failed {
        return None;
    }
    diagnostics.append(&mut lacks);
    let (body, excerpt) = body?;
    Some(
        ReviewParts {
            id: id?,
            title: title?,
            original_title,
            year: year?,
            directors: directors?,
            cast: cast?,
            genres: genres?,
            runtime_minutes,
            countries: countries?,
            rating: rating.ok()?,
            summary,
            body,
            excerpt,
            reviewed_on,
            home_release,
            poster,
            tags: tags?,
        }
        .into(),
    )
}

/// Reads the fields of one object, collecting an error for each bad one.
struct Fields<'a, 'j> {
    map: &'a mut Map<'j>,
    path: &'a str,
    errors: &'a mut Vec<Diagnostic>,
}

impl<'j> Fields<'_, 'j> {
    fn at(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    fn fail<T>(&mut self, path: String, message: impl Into<String>) -> Option<T> {
        self.errors.push(Diagnostic::error(path, message));
        None
    }

    /// Takes a field's value out of the map (each field is read once, so
    /// nothing is cloned), with `null` treated as absent.
    fn take(&mut self, field: &str) -> Option<Value<'j>> {
        self.map.remove(field).filter(|v| !v.is_null())
    }

    fn required(&mut self, field: &str, what: &str) -> Option<Value<'j>> {
        match self.map.remove(field) {
            Some(Value::Null) => self.fail(self.at(field), format!("is required ({what}), found null")),
            Some(v) => Some(v),
            None => self.fail(self.at(field), format!("is required ({what})")),
        }
    }

    /// A field's path, or with `Some(i)` its `i`th item's (built only for a message).
    fn place(&self, field: &str, item: Option<usize>) -> String {
        match item {
            None => self.at(field),
            Some(i) => format!("{}[{i}]", self.at(field)),
        }
    }

    fn string_at(
        &mut self,
        field: &str,
        item: Option<usize>,
        value: &Value<'_>,
        max: usize,
        multiline: bool,
    ) -> Option<String> {
        self.text_at(field, item, value, max, multiline).map(Cow::into_owned)
    }

    /// A string field (or a list's `i`th item) checked: borrowed from the document when
    /// nothing in it had to change.
    fn text_at<'v>(
        &mut self,
        field: &str,
        item: Option<usize>,
        value: &'v Value<'_>,
        max: usize,
        multiline: bool,
    ) -> Option<Cow<'v, str>> {
        let Value::String(raw) = value else {
            return self.fail(self.place(field, item), format!("expected a string, found {}", value.kind()));
        };
        match clean_str(raw, max, multiline) {
            Ok(s) if s.is_empty() => self.fail(self.place(field, item), "is empty"),
            Ok(s) => Some(s),
            Err(message) => self.fail(self.place(field, item), message),
        }
    }

    /// A string field's checked text, borrowed from the document (trimmed, which is a slice)
    /// unless it had escapes or line breaks to rewrite, so that a review can be packed
    /// without a copy per field.
    fn text_of(&mut self, field: &str, value: Value<'j>, max: usize, multiline: bool) -> Option<Cow<'j, str>> {
        match value {
            Value::String(Cow::Borrowed(raw)) => match clean_str(raw, max, multiline) {
                Ok(s) if s.is_empty() => self.fail(self.at(field), "is empty"),
                Ok(s) => Some(s),
                Err(message) => self.fail(self.at(field), message),
            },
            value => self.string_at(field, None, &value, max, multiline).map(Cow::Owned),
        }
    }

    fn req_line(&mut self, field: &str, max: usize) -> Option<Cow<'j, str>> {
        let value = self.required(field, "a string")?;
        self.text_of(field, value, max, false)
    }

    fn opt_line(&mut self, field: &str, max: usize) -> Option<Cow<'j, str>> {
        let value = self.take(field)?;
        self.text_of(field, value, max, false)
    }

    fn req_text(&mut self, field: &str, max: usize) -> Option<Cow<'j, str>> {
        let value = self.required(field, "Markdown text")?;
        self.text_of(field, value, max, true)
    }

    fn opt_text(&mut self, field: &str, max: usize) -> Option<Cow<'j, str>> {
        let value = self.take(field)?;
        self.text_of(field, value, max, true)
    }

    fn id(&mut self) -> Option<Cow<'j, str>> {
        let id = self.req_line("id", limits::ID_CHARS)?;
        if !is_slug(&id) {
            return self.fail(
                self.at("id"),
                format!("\"{}\" is not a URL slug: use lowercase letters, digits and single hyphens, like \"rust-and-bone-2012\"", clip(&id, 60)),
            );
        }
        Some(id)
    }

    fn int(&mut self, field: &str, value: &Value<'_>, min: u16, max: u16) -> Option<u16> {
        let Value::Number(n) = value else {
            return self.fail(self.at(field), format!("expected a whole number, found {}", value.kind()));
        };
        let Some(i) = n.whole() else {
            return self.fail(self.at(field), format!("{n} is not a whole number"));
        };
        if i < i64::from(min) || i > i64::from(max) {
            return self.fail(self.at(field), format!("{i} is out of range ({min} to {max})"));
        }
        Some(i as u16)
    }

    fn req_int(&mut self, field: &str, min: u16, max: u16) -> Option<u16> {
        let value = self.required(field, "a whole number")?;
        self.int(field, &value, min, max)
    }

    fn opt_int(&mut self, field: &str, min: u16, max: u16) -> Option<u16> {
        let value = self.take(field)?;
        self.int(field, &value, min, max)
    }

    /// The critic's rating: `Ok(None)` when not given, `Err(())` when given wrong (reported).
    fn rating(&mut self) -> Result<Option<Rating>, ()> {
        let Some(value) = self.take("rating") else { return Ok(None) };
        let path = self.at("rating");
        let Value::Number(stars) = &value else {
            return self
                .fail(path, format!("expected a number of stars from 0.5 to 5, found {}", value.kind()))
                .ok_or(());
        };
        if !stars.times_within(2, 1, 10) {
            return self.fail(path, format!("{stars} is out of range (0.5 to 5)")).ok_or(());
        }
        match stars.times(2).and_then(|h| u8::try_from(h).ok()).and_then(Rating::from_halves) {
            Some(r) => Ok(Some(r)),
            None => self.fail(path, format!("{stars} is not a multiple of 0.5")).ok_or(()),
        }
    }

    fn opt_date(&mut self, field: &str) -> Option<Date> {
        let value = self.take(field)?;
        let text = self.string_at(field, None, &value, limits::LABEL_CHARS, false)?;
        match Date::parse(&text) {
            Some(d) => Some(d),
            None => self.fail(self.at(field), format!("\"{}\" is not a date in the form YYYY-MM-DD", clip(&text, 20))),
        }
    }

    fn poster(&mut self) -> Option<Cow<'j, str>> {
        let url = self.opt_line("poster", limits::URL_CHARS)?;
        if is_safe_image_url(&url) {
            Some(url)
        } else {
            self.fail(
                self.at("poster"),
                format!("\"{}\" is neither an http(s) URL nor a relative path", clip(&url, 60)),
            )
        }
    }

    /// A list of short strings. `Some(vec![])` when absent and optional.
    fn list(
        &mut self,
        names: &mut Names,
        field: &str,
        max_items: usize,
        max_chars: usize,
        required: bool,
    ) -> Option<Vec<Name>> {
        let value = match (self.take(field), required) {
            (Some(v), _) => v,
            (None, false) => return Some(Vec::new()),
            (None, true) => return self.fail(self.at(field), "is required (a non-empty array of strings)"),
        };
        let Value::Array(items) = value else {
            return self.fail(self.at(field), format!("expected an array of strings, found {}", value.kind()));
        };
        if items.len() > max_items {
            return self.fail(self.at(field), format!("has {} entries; at most {max_items} are allowed", items.len()));
        }
        let before = self.errors.len();
        let mut out: Vec<Name> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(name) = self.text_at(field, Some(i), item, max_chars, false) else { continue };
            if !out.iter().any(|o| same_ignoring_case(o, &name)) {
                out.push(names.get(&name)); // a repeated entry adds nothing
            }
        }
        if self.errors.len() > before {
            return None;
        }
        if required && out.is_empty() {
            return self.fail(self.at(field), "needs at least one entry");
        }
        Some(out)
    }
}

/// Whether two strings are equal but for case, without allocating.
fn same_ignoring_case(a: &str, b: &str) -> bool {
    // Two names in a list mostly differ from their first letter on. (Only when both are
    // ASCII does that settle it: a non-ASCII letter such as the Kelvin sign lowercases to `k`.)
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first()) {
        if x.is_ascii() && y.is_ascii() && !x.eq_ignore_ascii_case(y) {
            return false;
        }
    }
    a.eq_ignore_ascii_case(b) || a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}
