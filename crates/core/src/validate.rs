//! Parsing and validating a `marquee/1` dataset.
//!
//! Validation never stops at the first problem: every invalid review is reported
//! with its path and reason, and every valid review is still loaded. Only a
//! document that is not JSON, or not shaped like a dataset at all, is fatal.

mod fields;
mod names;
mod reviews;
mod suggest;

use crate::diag::Diagnostic;
pub use crate::error::{DatasetError, MAX_DATASET_BYTES};
use crate::json::{self, Map, Value};
use crate::model::{Catalog, Site};
use crate::text::clean_text;
use fields::read_site;
pub use fields::{read_review, REVIEW_FIELDS};
use reviews::Reviews;
use rustc_hash::FxHashMap as HashMap;
use suggest::{clip, warn_unknown};

/// The `format` value of version 1 of the dataset format.
pub const FORMAT_V1: &str = "marquee/1";
/// The `format` of a card index.
pub const CARDS_FORMAT: &str = "marquee-cards/1";
/// The `format` of a body chunk.
pub const BODIES_FORMAT: &str = "marquee-bodies/1";
/// Whether `name` is a chunk file name: letters, digits, `-`, `_` and `.`, ending
/// in `.json` (or `.bin`, a binary full index), so that it can only name a file beside the index.
pub fn is_chunk_name(name: &str) -> bool {
    name.len() <= 100
        && (name.ends_with(".json") || name.ends_with(".bin"))
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Reviews' Markdown bodies by id, as body chunks hold them.
pub type Bodies = HashMap<String, String>;

/// Reads a body chunk: each id's Markdown body, checked as a dataset body is.
/// A body that fails the check is left out (its review then says its text
/// could not be loaded); a chunk that is not a chunk at all is an error.
pub fn read_bodies(bytes: &[u8]) -> Result<Bodies, DatasetError> {
    let value = json::parse(bytes)?.value;
    let shape = |message: String| DatasetError::Shape { path: String::new(), message };
    let Value::Object(mut top) = value else { return Err(shape("a body chunk is a JSON object".into())) };
    if top.get("format").and_then(Value::as_str) != Some(BODIES_FORMAT) {
        return Err(shape(format!("a body chunk has \"format\": \"{BODIES_FORMAT}\"")));
    }
    let Some(Value::Object(bodies)) = top.remove("bodies") else {
        return Err(shape("a body chunk has a \"bodies\" object".into()));
    };
    Ok(bodies
        .into_iter()
        .filter_map(|(id, body)| {
            let text = clean_text(body.as_str()?, limits::BODY_CHARS, true).ok()?;
            Some((id.into_owned(), text))
        })
        .collect())
}

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

const TOP_FIELDS: &[&str] = &["format", "site", "reviews"];
const CARDS_TOP_FIELDS: &[&str] = &["format", "site", "reviews", "chunks", "more", "total", "search"];

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

/// Parses and validates a dataset from its bytes.
pub fn load_dataset(bytes: &[u8]) -> Result<Loaded, DatasetError> {
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(DatasetError::TooLarge { bytes: bytes.len() });
    }
    let mut reviews = Reviews::default();
    let parsed = json::parse_streaming(bytes, "reviews", &mut |top, index, item| reviews.item(top, index, item))?;
    let mut loaded = load_top(parsed.value, reviews)?;
    let warnings = parsed.lone_surrogates.iter().map(|&(line, column)| {
        Diagnostic::warning(
            format!("line {line}, column {column}"),
            "a lone UTF-16 surrogate escape (half of a character) is not text; it shows as \u{FFFD}",
        )
    });
    loaded.diagnostics.extend(warnings);
    Ok(loaded)
}

/// Validates the top level of a dataset whose reviews `reviews` has read (or holds, waiting).
fn load_top<'a>(value: Value<'a>, mut reviews: Reviews<'a>) -> Result<Loaded, DatasetError> {
    let Value::Object(mut top) = value else {
        return Err(shape(
            "",
            format!("expected a JSON object with \"format\" and \"reviews\", found {}", value.kind()),
        ));
    };
    let mut diagnostics = Vec::new();
    let mut cards = false;
    match top.get("format") {
        None => diagnostics.push(Diagnostic::warning("format", format!("missing; assuming \"{FORMAT_V1}\""))),
        Some(Value::String(f)) if f.trim() == FORMAT_V1 => {}
        Some(Value::String(f)) if f.trim() == CARDS_FORMAT => cards = true,
        Some(Value::String(f)) => {
            return Err(shape(
                "format",
                format!("\"{}\" is not supported; this version of Marquee reads \"{FORMAT_V1}\"", clip(f, 40)),
            ))
        }
        Some(other) => {
            return Err(shape("format", format!("expected the string \"{FORMAT_V1}\", found {}", other.kind())))
        }
    }
    if top.keys().filter(|k| *k == "reviews").count() > 1 {
        return Err(shape("reviews", "is given twice; a dataset has one \"reviews\" array"));
    }
    match top.remove("reviews") {
        // Streamed: the parser passed each review to `reviews` instead of keeping it here.
        Some(Value::Array(_)) => {}
        Some(other) => return Err(shape("reviews", format!("expected an array of reviews, found {}", other.kind()))),
        None => return Err(shape("reviews", "missing: a dataset needs a \"reviews\" array")),
    }
    let chunks = if cards { read_chunk_names(top.remove("chunks"))? } else { Vec::new() };
    let (more, total) = if cards { read_more(&mut top)? } else { (None, None) };
    let search = match top.remove("search").filter(|_| cards) {
        None => None,
        Some(Value::String(name)) if is_chunk_name(&name) => Some(name.into_owned()),
        Some(_) => return Err(shape("search", "expected the file name of the full-text index, beside the card index")),
    };
    warn_unknown(&top, if cards { CARDS_TOP_FIELDS } else { TOP_FIELDS }, "", &mut diagnostics);
    let site = match top.get_mut("site") {
        None | Some(Value::Null) => Site::default(),
        Some(Value::Object(map)) => read_site(map, &mut diagnostics),
        Some(other) => {
            diagnostics.push(Diagnostic::error(
                "site",
                format!("expected an object, found {}; site information ignored", other.kind()),
            ));
            Site::default()
        }
    };
    reviews.finish(cards.then_some(chunks.len()));
    diagnostics.append(&mut reviews.diagnostics);
    let catalog = Catalog { site, reviews: reviews.reviews };
    Ok(Loaded { catalog, diagnostics, chunks, more, total, search })
}

/// A first-screen index's `more` (the full index's file name) and `total`, both or neither.
fn read_more(top: &mut Map<'_>) -> Result<(Option<String>, Option<usize>), DatasetError> {
    match (top.remove("more"), top.remove("total")) {
        (None, None) => Ok((None, None)),
        (Some(Value::String(name)), Some(Value::Number(n))) if is_chunk_name(&name) => {
            let total = n.whole().and_then(|t| usize::try_from(t).ok());
            Ok((Some(name.into_owned()), Some(total.ok_or_else(|| shape("total", "expected a count of reviews"))?)))
        }
        _ => Err(shape("more", "a first-screen index needs \"more\" (the full index's file name) and \"total\"")),
    }
}

/// A card index's `chunks`: plain file names next to the index, nothing that could leave its folder.
fn read_chunk_names(value: Option<Value<'_>>) -> Result<Vec<String>, DatasetError> {
    let Some(Value::Array(items)) = value else {
        return Err(shape("chunks", "a card index needs a \"chunks\" array of body file names"));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(name) if is_chunk_name(&name) => Ok(name.into_owned()),
            other => Err(shape(
                &format!("chunks[{i}]"),
                format!("expected a file name such as \"bodies-0-1a2b.json\", found {}", other.kind()),
            )),
        })
        .collect()
}

fn shape(path: &str, message: impl Into<String>) -> DatasetError {
    DatasetError::Shape { path: path.to_string(), message: message.into() }
}

#[cfg(test)]
mod tests;
