//! Parsing and validating a `marquee/1` dataset.
//!
//! Validation never stops at the first problem: every invalid review is reported
//! with its path and reason, and every valid review is still loaded. Only a
//! document that is not JSON, or not shaped like a dataset at all, is fatal.

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::{Catalog, Rating, Review, Site, SplitRef};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The `format` value of version 1 of the dataset format.
pub const FORMAT_V1: &str = "marquee/1";

/// The largest dataset document accepted, in bytes.
pub const MAX_DATASET_BYTES: usize = 256 * 1024 * 1024;

/// Limits on single fields, so that absurd input is rejected with a clear message.
pub mod limits {
    pub const ID_CHARS: usize = 120;
    pub const TITLE_CHARS: usize = 300;
    pub const NAME_CHARS: usize = 200;
    pub const LABEL_CHARS: usize = 80;
    pub const SUMMARY_CHARS: usize = 400;
    pub const BODY_CHARS: usize = 200_000;
    pub const URL_CHARS: usize = 2_048;
    pub const SITE_TEXT_CHARS: usize = 300;
    pub const DIRECTORS: usize = 20;
    pub const CAST: usize = 200;
    pub const GENRES: usize = 20;
    pub const COUNTRIES: usize = 40;
    pub const TAGS: usize = 50;
    pub const YEAR_MIN: u16 = 1870;
    pub const YEAR_MAX: u16 = 2100;
    pub const RUNTIME_MAX: u16 = 1000;
}

/// A problem that stops the whole dataset from loading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatasetError {
    /// The bytes are not JSON.
    #[error("the dataset is not valid JSON: {message} at line {line}, column {column}")]
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but not shaped like a Marquee dataset.
    #[error("{path}: {message}")]
    Shape { path: String, message: String },
    /// Larger than [`MAX_DATASET_BYTES`].
    #[error("the dataset is {bytes} bytes, more than the {MAX_DATASET_BYTES}-byte limit")]
    TooLarge { bytes: usize },
    /// A binary card index ([`crate::cards_bin`]) that is damaged or not one at all.
    #[error("the card index is damaged at byte {offset}: {message}")]
    Damaged { offset: usize, message: String },
}

/// The outcome of loading a dataset: the valid reviews and what was wrong with the rest.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
    /// For a card index ([`crate::split`]): the body chunk files, relative to the
    /// index; each review's `split.chunk` points into this list. Empty otherwise.
    pub chunks: Vec<String>,
    /// For a first-screen card index: the file name of the full index, beside it.
    pub more: Option<String>,
    /// For a first-screen card index: how many reviews the full index has.
    pub total: Option<usize>,
    /// For a card index: the file name of its full-text index's manifest
    /// ([`crate::search::shards`]), beside it.
    pub search: Option<String>,
}

impl Loaded {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

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
const TOP_FIELDS: &[&str] = &["format", "site", "reviews"];
const CARDS_TOP_FIELDS: &[&str] = &["format", "site", "reviews", "chunks", "more", "total", "search"];
/// A card-index review has every review field but `body`, and says where its body is.
static CARD_FIELDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    REVIEW_FIELDS.iter().copied().filter(|f| *f != "body").chain(["excerpt", "chunk"]).collect()
});
const SITE_FIELDS: &[&str] = &["title", "tagline", "author"];

/// Parses and validates a dataset from its bytes.
pub fn load_dataset(bytes: &[u8]) -> Result<Loaded, DatasetError> {
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(DatasetError::TooLarge { bytes: bytes.len() });
    }
    let (bytes, repaired) = repair_lone_surrogates(bytes);
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| DatasetError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    let mut loaded = load_value(value)?;
    let warnings = repaired.iter().map(|&(line, column)| {
        Diagnostic::warning(
            format!("line {line}, column {column}"),
            "a lone UTF-16 surrogate escape (half of a character) is not text; it shows as \u{FFFD}",
        )
    });
    loaded.diagnostics.extend(warnings);
    Ok(loaded)
}

/// JSON allows `\uD800`-style escapes of half a surrogate pair, which are not
/// text and which serde_json rightly refuses. Rather than lose the whole
/// document, each lone half is replaced by `\uFFFD` (the same length, so
/// positions hold) and its line and column are returned for a warning.
/// Borrowed unchanged when there is nothing to repair, which is the usual case.
pub fn repair_lone_surrogates(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, Vec<(usize, usize)>) {
    fn escape_at(bytes: &[u8], i: usize) -> Option<u16> {
        let hex = bytes.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    }
    let is_high = |u: u16| (0xD800..0xDC00).contains(&u);
    let is_low = |u: u16| (0xDC00..0xE000).contains(&u);
    let mut lone = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'\\')) {
        i += offset;
        match escape_at(bytes, i) {
            Some(u) if is_high(u) && escape_at(bytes, i + 6).is_some_and(is_low) => i += 12,
            Some(u) if is_high(u) || is_low(u) => {
                lone.push(i);
                i += 6;
            }
            Some(_) => i += 6,
            // Any other escape, `\\` included, is two bytes long.
            None => i += 2,
        }
    }
    if lone.is_empty() {
        return (std::borrow::Cow::Borrowed(bytes), Vec::new());
    }
    let mut fixed = bytes.to_vec();
    let mut places = Vec::with_capacity(lone.len());
    // Positions are in order, so lines are counted in one pass over the bytes.
    let (mut line, mut line_start, mut counted) = (1, 0, 0);
    for &at in &lone {
        fixed[at + 2..at + 6].copy_from_slice(b"FFFD");
        for (k, &b) in bytes[counted..at].iter().enumerate() {
            if b == b'\n' {
                line += 1;
                line_start = counted + k + 1;
            }
        }
        counted = at;
        let column = String::from_utf8_lossy(&bytes[line_start..at]).chars().count() + 1;
        places.push((line, column));
    }
    (std::borrow::Cow::Owned(fixed), places)
}

pub(crate) fn syntax_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json appends " at line L column C"; we say that ourselves.
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Validates an already parsed JSON document.
pub fn load_value(value: Value) -> Result<Loaded, DatasetError> {
    let Value::Object(mut top) = value else {
        return Err(shape(
            "",
            format!("expected a JSON object with \"format\" and \"reviews\", found {}", kind(&value)),
        ));
    };
    let mut diagnostics = Vec::new();
    let mut cards = false;
    match top.get("format") {
        None => diagnostics.push(Diagnostic::warning("format", format!("missing; assuming \"{FORMAT_V1}\""))),
        Some(Value::String(f)) if f.trim() == FORMAT_V1 => {}
        Some(Value::String(f)) if f.trim() == crate::split::CARDS_FORMAT => cards = true,
        Some(Value::String(f)) => {
            return Err(shape(
                "format",
                format!("\"{}\" is not supported; this version of Marquee reads \"{FORMAT_V1}\"", clip(f, 40)),
            ))
        }
        Some(other) => {
            return Err(shape("format", format!("expected the string \"{FORMAT_V1}\", found {}", kind(other))))
        }
    }
    let reviews = match top.remove("reviews") {
        Some(Value::Array(items)) => items,
        Some(other) => return Err(shape("reviews", format!("expected an array of reviews, found {}", kind(&other)))),
        None => return Err(shape("reviews", "missing: a dataset needs a \"reviews\" array")),
    };
    let chunks = if cards { read_chunk_names(top.remove("chunks"))? } else { Vec::new() };
    let (more, total) = if cards { read_more(&mut top)? } else { (None, None) };
    let search = match top.remove("search").filter(|_| cards) {
        None => None,
        Some(Value::String(name)) if crate::split::is_chunk_name(&name) => Some(name),
        Some(_) => return Err(shape("search", "expected the file name of the full-text index, beside the card index")),
    };
    warn_unknown(&top, if cards { CARDS_TOP_FIELDS } else { TOP_FIELDS }, "", &mut diagnostics);
    let site = match top.get_mut("site") {
        None | Some(Value::Null) => Site::default(),
        Some(Value::Object(map)) => read_site(map, &mut diagnostics),
        Some(other) => {
            diagnostics.push(Diagnostic::error(
                "site",
                format!("expected an object, found {}; site information ignored", kind(other)),
            ));
            Site::default()
        }
    };

    let mut catalog = Catalog { site, reviews: Vec::with_capacity(reviews.len()) };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(reviews.len());
    for (index, item) in reviews.into_iter().enumerate() {
        let path = format!("reviews[{index}]");
        let chunk_count = cards.then_some(chunks.len());
        let Some(review) = read_review_as(item, &path, &mut diagnostics, chunk_count) else { continue };
        if let Some(first) = seen.get(&review.id) {
            diagnostics.push(Diagnostic::error(
                format!("{path}.id"),
                format!("\"{}\" is already used by reviews[{first}]", review.id),
            ));
            continue;
        }
        seen.insert(review.id.clone(), index);
        catalog.reviews.push(review);
    }
    Ok(Loaded { catalog, diagnostics, chunks, more, total, search })
}

/// A first-screen index's `more` (the full index's file name) and `total`, both or neither.
fn read_more(top: &mut Map<String, Value>) -> Result<(Option<String>, Option<usize>), DatasetError> {
    match (top.remove("more"), top.remove("total")) {
        (None, None) => Ok((None, None)),
        (Some(Value::String(name)), Some(Value::Number(n))) if crate::split::is_chunk_name(&name) => {
            let total = n.as_u64().and_then(|t| usize::try_from(t).ok());
            Ok((Some(name), Some(total.ok_or_else(|| shape("total", "expected a count of reviews"))?)))
        }
        _ => Err(shape("more", "a first-screen index needs \"more\" (the full index's file name) and \"total\"")),
    }
}

/// A card index's `chunks`: plain file names next to the index, nothing that could leave its folder.
fn read_chunk_names(value: Option<Value>) -> Result<Vec<String>, DatasetError> {
    let Some(Value::Array(items)) = value else {
        return Err(shape("chunks", "a card index needs a \"chunks\" array of body file names"));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(name) if crate::split::is_chunk_name(&name) => Ok(name),
            other => Err(shape(
                &format!("chunks[{i}]"),
                format!("expected a file name such as \"bodies-0-1a2b.json\", found {}", kind(&other)),
            )),
        })
        .collect()
}

fn shape(path: &str, message: impl Into<String>) -> DatasetError {
    DatasetError::Shape { path: path.to_string(), message: message.into() }
}

fn read_site(map: &mut Map<String, Value>, diagnostics: &mut Vec<Diagnostic>) -> Site {
    warn_unknown(map, SITE_FIELDS, "site", diagnostics);
    let mut errors = Vec::new();
    let mut fields = Fields { map, path: "site", errors: &mut errors };
    let site = Site {
        title: fields.opt_line("title", limits::SITE_TEXT_CHARS),
        tagline: fields.opt_line("tagline", limits::SITE_TEXT_CHARS),
        author: fields.opt_line("author", limits::SITE_TEXT_CHARS),
    };
    diagnostics.extend(errors);
    site
}

/// Validates one review given as a JSON value (as an importer builds from a
/// Markdown file's front matter), appending its diagnostics under `path`.
/// Returns the review if it has no errors. Uniqueness of ids is the caller's business.
pub fn read_review(item: Value, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Review> {
    read_review_as(item, path, diagnostics, None)
}

/// [`read_review`], or with `Some(chunk_count)` a card-index review: no `body`,
/// but an `excerpt` and the `chunk` that holds its body.
fn read_review_as(
    item: Value,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
    chunk_count: Option<usize>,
) -> Option<Review> {
    let Value::Object(mut map) = item else {
        diagnostics.push(Diagnostic::error(path, format!("expected a review object, found {}", kind(&item))));
        return None;
    };
    warn_unknown(&map, if chunk_count.is_some() { &CARD_FIELDS } else { REVIEW_FIELDS }, path, diagnostics);
    let mut errors = Vec::new();
    let mut f = Fields { map: &mut map, path, errors: &mut errors };
    let id = f.id();
    let title = f.req_line("title", limits::TITLE_CHARS);
    let original_title = f.opt_line("original_title", limits::TITLE_CHARS);
    let year = f.req_int("year", limits::YEAR_MIN, limits::YEAR_MAX);
    let directors = f.list("directors", limits::DIRECTORS, limits::NAME_CHARS, true);
    let cast = f.list("cast", limits::CAST, limits::NAME_CHARS, false);
    let genres = f.list("genres", limits::GENRES, limits::LABEL_CHARS, true);
    let runtime_minutes = f.opt_int("runtime_minutes", 1, limits::RUNTIME_MAX);
    let countries = f.list("countries", limits::COUNTRIES, limits::LABEL_CHARS, false);
    let rating = f.rating();
    let summary = f.opt_text("summary", limits::SUMMARY_CHARS);
    let (body, split) = match chunk_count {
        None => (f.req_text("body", limits::BODY_CHARS), None),
        Some(count) => {
            let excerpt = f.opt_text("excerpt", limits::SUMMARY_CHARS).unwrap_or_default();
            let chunk = match count.checked_sub(1) {
                Some(last) => f.req_int("chunk", 0, u16::try_from(last).unwrap_or(u16::MAX)),
                None => f.fail(f.at("chunk"), "the index lists no body chunks"),
            };
            (Some(String::new()), chunk.map(|chunk| SplitRef { chunk: u32::from(chunk), excerpt }))
        }
    };
    let reviewed_on = f.opt_date("reviewed_on");
    let home_release = f.opt_date("home_release");
    let poster = f.poster();
    let tags = f.list("tags", limits::TAGS, limits::LABEL_CHARS, false);
    let failed = !errors.is_empty();
    diagnostics.append(&mut errors);
    if failed {
        return None;
    }
    Some(Review {
        id: id?,
        title: title?,
        original_title,
        year: year?,
        directors: directors?,
        cast: cast?,
        genres: genres?,
        runtime_minutes,
        countries: countries?,
        rating: rating?,
        summary,
        body: body?,
        reviewed_on,
        home_release,
        poster,
        tags: tags?,
        split,
    })
}

/// Reads the fields of one object, collecting an error for each bad one.
struct Fields<'a> {
    map: &'a mut Map<String, Value>,
    path: &'a str,
    errors: &'a mut Vec<Diagnostic>,
}

impl Fields<'_> {
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
    fn take(&mut self, field: &str) -> Option<Value> {
        self.map.remove(field).filter(|v| !v.is_null())
    }

    fn required(&mut self, field: &str, what: &str) -> Option<Value> {
        match self.map.remove(field) {
            Some(Value::Null) => self.fail(self.at(field), format!("is required ({what}), found null")),
            Some(v) => Some(v),
            None => self.fail(self.at(field), format!("is required ({what})")),
        }
    }

    fn string_at(&mut self, path: String, value: &Value, max: usize, multiline: bool) -> Option<String> {
        let Value::String(raw) = value else {
            return self.fail(path, format!("expected a string, found {}", kind(value)));
        };
        match clean_text(raw, max, multiline) {
            Ok(s) if s.is_empty() => self.fail(path, "is empty"),
            Ok(s) => Some(s),
            Err(message) => self.fail(path, message),
        }
    }

    fn req_line(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.required(field, "a string")?;
        self.string_at(self.at(field), &value, max, false)
    }

    fn opt_line(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.take(field)?;
        self.string_at(self.at(field), &value, max, false)
    }

    fn req_text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.required(field, "Markdown text")?;
        self.string_at(self.at(field), &value, max, true)
    }

    fn opt_text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.take(field)?;
        self.string_at(self.at(field), &value, max, true)
    }

    fn id(&mut self) -> Option<String> {
        let id = self.req_line("id", limits::ID_CHARS)?;
        if !is_slug(&id) {
            return self.fail(
                self.at("id"),
                format!("\"{}\" is not a URL slug: use lowercase letters, digits and single hyphens, like \"rust-and-bone-2012\"", clip(&id, 60)),
            );
        }
        Some(id)
    }

    fn int(&mut self, field: &str, value: &Value, min: u16, max: u16) -> Option<u16> {
        let path = self.at(field);
        let Value::Number(n) = value else {
            return self.fail(path, format!("expected a whole number, found {}", kind(value)));
        };
        let Some(i) =
            n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64))
        else {
            return self.fail(path, format!("{n} is not a whole number"));
        };
        if i < i64::from(min) || i > i64::from(max) {
            return self.fail(path, format!("{i} is out of range ({min} to {max})"));
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

    fn rating(&mut self) -> Option<Rating> {
        let value = self.required("rating", "a number of stars from 0.5 to 5")?;
        let path = self.at("rating");
        let Some(stars) = value.as_f64() else {
            return self.fail(path, format!("expected a number of stars from 0.5 to 5, found {}", kind(&value)));
        };
        if !(0.5..=5.0).contains(&stars) {
            return self.fail(path, format!("{value} is out of range (0.5 to 5)"));
        }
        match Rating::from_stars(stars) {
            Some(r) => Some(r),
            None => self.fail(path, format!("{value} is not a multiple of 0.5")),
        }
    }

    fn opt_date(&mut self, field: &str) -> Option<Date> {
        let value = self.take(field)?;
        let text = self.string_at(self.at(field), &value, limits::LABEL_CHARS, false)?;
        match Date::parse(&text) {
            Some(d) => Some(d),
            None => self.fail(self.at(field), format!("\"{}\" is not a date in the form YYYY-MM-DD", clip(&text, 20))),
        }
    }

    fn poster(&mut self) -> Option<String> {
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
    fn list(&mut self, field: &str, max_items: usize, max_chars: usize, required: bool) -> Option<Vec<String>> {
        let path = self.at(field);
        let value = match (self.take(field), required) {
            (Some(v), _) => v,
            (None, false) => return Some(Vec::new()),
            (None, true) => return self.fail(path, "is required (a non-empty array of strings)"),
        };
        let Value::Array(items) = value else {
            return self.fail(path, format!("expected an array of strings, found {}", kind(&value)));
        };
        if items.len() > max_items {
            return self.fail(path, format!("has {} entries; at most {max_items} are allowed", items.len()));
        }
        let before = self.errors.len();
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(s) = self.string_at(format!("{path}[{i}]"), item, max_chars, false) else { continue };
            if out.iter().any(|o| o.to_lowercase() == s.to_lowercase()) {
                continue; // a repeated entry adds nothing
            }
            out.push(s);
        }
        if self.errors.len() > before {
            return None;
        }
        if required && out.is_empty() {
            return self.fail(path, "needs at least one entry");
        }
        Some(out)
    }
}

/// Trims a string and checks its characters and length.
///
/// Single-line text may hold no control characters at all; multi-line text may
/// hold line breaks and tabs (CRLF becomes LF). Bidirectional override and
/// isolate characters are refused everywhere: they can make text display
/// differently from what it says.
pub fn clean_text(raw: &str, max_chars: usize, multiline: bool) -> Result<String, String> {
    // Check the length before anything else, so a 10 MB string costs one pass.
    let count = raw.trim().chars().count();
    if count > max_chars {
        return Err(format!("is {count} characters long; at most {max_chars} are allowed"));
    }
    for (i, c) in raw.trim().chars().enumerate() {
        let allowed_break = multiline && matches!(c, '\n' | '\r' | '\t');
        if c.is_control() && !allowed_break {
            return Err(format!("contains a control character (U+{:04X}) at character {}", c as u32, i + 1));
        }
        if is_bidi_control(c) {
            return Err(format!(
                "contains a bidirectional control character (U+{:04X}) at character {}",
                c as u32,
                i + 1
            ));
        }
    }
    let text = raw.trim();
    Ok(if multiline && text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() })
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An `http(s)://host…` URL, or a relative path with no scheme. Whitespace,
/// backslashes, quotes and protocol-relative `//host` forms are refused.
pub fn is_safe_image_url(url: &str) -> bool {
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || matches!(c, '\\' | '"' | '\'' | '<' | '>')) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        return rest.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty());
    }
    if url.starts_with("//") {
        return false;
    }
    // Relative: a colon before the first slash would make it a scheme.
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

fn warn_unknown(map: &Map<String, Value>, known: &[&str], path: &str, diagnostics: &mut Vec<Diagnostic>) {
    for key in map.keys() {
        if known.contains(&key.as_str()) {
            continue;
        }
        let at = if path.is_empty() { clip(key, 60) } else { format!("{path}.{}", clip(key, 60)) };
        let message = match closest(key, known) {
            Some(best) => format!("unknown field, did you mean \"{best}\"?"),
            None => "unknown field; it is ignored".to_string(),
        };
        diagnostics.push(Diagnostic::warning(at, message));
    }
}

/// The known name nearest to `name` by edit distance, if it is close enough to be a typo.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let name = name.to_lowercase();
    if name.chars().count() > 40 {
        return None;
    }
    known
        .iter()
        .map(|k| (edit_distance(&name, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The first `max` characters of `s`, with `…` when cut (for quoting input in messages).
fn clip(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).filter(|c| !c.is_control()).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
