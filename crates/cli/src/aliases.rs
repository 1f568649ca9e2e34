//! The front matter Jekyll and Hugo sites use, mapped onto Marquee's fields: `date` is
//! `reviewed_on`, `draft: true` is skipped, `tags` and `categories` are tags (or genres, when
//! they name film genres), singular and plural keys are one field, and a rating may be a
//! number or ★ characters. Any other key stays as it is, for validation to name it.

use crate::front_matter::Parsed;
use crate::import::genres::split_genres;
use marquee_core::Diagnostic;
use serde_json::Value;

/// Rewrites a parsed file's fields in place.
pub fn normalize(parsed: &mut Parsed) {
    // `stars` is a rating when it is a number or ★ characters, the cast when it is names.
    let stars_is_rating =
        parsed.fields.get("stars").is_some_and(|v| v.is_number() || v.as_str().is_some_and(is_star_text));
    for (from, to) in [
        ("director", "directors"),
        ("genre", "genres"),
        ("country", "countries"),
        ("date", "reviewed_on"),
        ("description", "summary"),
        (if stars_is_rating { "stars" } else { "" }, "rating"),
        ("stars", "cast"),
    ] {
        rename(parsed, from, to);
    }
    let fields = &mut parsed.fields;
    let lines = &mut parsed.lines;

    for list in ["directors", "genres", "countries", "cast", "tags", "categories"] {
        if let Some(Value::String(text)) = fields.get(list) {
            let items: Vec<Value> = text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(Value::from).collect();
            fields.insert(list.to_string(), Value::Array(items));
        }
    }
    if let Some(Value::String(text)) = fields.get("rating") {
        if let Some(stars) = crate::blog::stars(text) {
            fields.insert("rating".into(), Value::from(stars));
        }
    }
    // Jekyll's `2024-01-05 10:00:00 +0000`, Hugo's `2024-01-05T10:00:00Z`: the day is the date.
    if let Some(Value::String(date)) = fields.get("reviewed_on") {
        if date.len() > 10 && date.is_char_boundary(10) && marquee_core::Date::parse(&date[..10]).is_some() {
            let day = date[..10].to_string();
            fields.insert("reviewed_on".into(), Value::from(day));
        }
    }
    // Tags and categories: film genres among them are genres when the file gives none.
    let mut labels: Vec<String> = Vec::new();
    for key in ["categories", "tags"] {
        if let Some(Value::Array(items)) = fields.remove(key) {
            labels.extend(items.into_iter().filter_map(|v| v.as_str().map(str::to_string)));
        }
    }
    if !labels.is_empty() {
        let line = lines.get("tags").or_else(|| lines.get("categories")).copied();
        let (genres, tags) = split_genres(&labels);
        if !fields.contains_key("genres") && !genres.is_empty() {
            fields.insert("genres".into(), Value::from(genres));
            if let Some(line) = line {
                lines.insert("genres".into(), line);
            }
        }
        if !tags.is_empty() {
            fields.insert("tags".into(), Value::from(tags));
            if let Some(line) = line {
                lines.insert("tags".into(), line);
            }
        }
    }
    if fields.get("draft").is_some_and(|d| d.as_bool() == Some(true) || d.as_str() == Some("true")) {
        parsed.skip = true;
        let title = fields.get("title").and_then(Value::as_str).unwrap_or("untitled").to_string();
        let line = lines.get("draft").copied().unwrap_or(1);
        parsed.warnings.push((line, Diagnostic::warning("draft", format!("skipped: \"{title}\" is a draft"))));
    }
    fields.remove("draft");
}

/// Moves field `from` (and its line) to `to`, unless the file gives `to` itself.
fn rename(parsed: &mut Parsed, from: &str, to: &str) {
    if parsed.fields.contains_key(to) {
        return;
    }
    if let Some(value) = parsed.fields.remove(from) {
        parsed.fields.insert(to.to_string(), value);
        if let Some(line) = parsed.lines.remove(from) {
            parsed.lines.insert(to.to_string(), line);
        }
    }
}

/// "★★★½", "****": a rating written in stars.
fn is_star_text(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().all(|c| matches!(c, '★' | '☆' | '*' | '½' | '⯪' | ' '))
}
