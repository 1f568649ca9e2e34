//! Markdown files with front matter, the documented way to author a review:
//!
//! ```text
//! ---
//! title: Rust and Bone
//! year: 2012
//! directors: [Jacques Audiard]
//! genres: [Drama, Romance]
//! rating: 4
//! ---
//! The review, in Markdown.
//! ```
//!
//! YAML between `---` lines, or TOML between `+++` lines. The fields are the
//! dataset's review fields; the text after the front matter is the `body`.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// A parsed file: its fields (body included), and the line each field starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub fields: Map<String, Value>,
    /// Field name → 1-based line in the file.
    pub lines: HashMap<String, usize>,
    /// The line the body starts on.
    pub body_line: usize,
    /// A draft (`draft: true`) or otherwise not for publishing: left out, with a warning.
    pub skip: bool,
    /// What reading it noticed, with the line: keys mapped or dropped, a skipped draft.
    pub warnings: Vec<(usize, marquee_core::Diagnostic)>,
}

/// Why a file could not be read as front matter + Markdown: a line and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

fn error(line: usize, message: impl Into<String>) -> ParseError {
    ParseError { line, message: message.into() }
}

/// Parses a Markdown file with YAML or TOML front matter.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let fence = lines.first().map(|l| l.trim_end()).unwrap_or("");
    let toml = match fence {
        "---" => false,
        "+++" => true,
        _ => return Err(error(1, "expected front matter: a first line of --- (YAML) or +++ (TOML)")),
    };
    let close = lines[1..]
        .iter()
        .position(|l| l.trim_end() == fence || (!toml && l.trim_end() == "..."))
        .map(|i| i + 1)
        .ok_or_else(|| error(1, format!("the front matter opened with {fence} on line 1 is never closed")))?;
    let source = lines[1..close].join("\n");
    let value = if toml { parse_toml(&source)? } else { parse_yaml(&source)? };
    let Value::Object(mut fields) = value else {
        return Err(error(2, "the front matter must be a set of fields (key: value)"));
    };
    let mut field_lines = HashMap::new();
    for (i, line) in lines[1..close].iter().enumerate() {
        if let Some(key) = key_of(line, toml) {
            field_lines.entry(key.to_string()).or_insert(i + 2);
        }
    }
    let blank = lines[close + 1..].iter().take_while(|l| l.trim().is_empty()).count();
    let body_line = close + 2 + blank;
    let body = lines[close + 1..].join("\n").trim().to_string();
    if !fields.contains_key("body") {
        fields.insert("body".into(), Value::String(body));
        field_lines.insert("body".into(), body_line);
    }
    let mut parsed = Parsed { fields, lines: field_lines, body_line, skip: false, warnings: Vec::new() };
    crate::aliases::normalize(&mut parsed);
    Ok(parsed)
}

/// The key a top-level front-matter line sets, if any.
fn key_of(line: &str, toml: bool) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-', '[']) {
        return None;
    }
    let (key, _) = line.split_once(if toml { '=' } else { ':' })?;
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')).then_some(key)
}

fn parse_yaml(source: &str) -> Result<Value, ParseError> {
    if source.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    serde_saphyr::from_str::<Value>(source).map_err(|e| {
        // The front matter starts on the file's second line: its line 1 is the file's line 2.
        let line = e.location().and_then(|at| usize::try_from(at.line()).ok()).map_or(2, |n| n + 1);
        let options = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off, line_offset: 1 };
        let message = e.without_snippet().render_with_options(options);
        error(line, format!("the YAML front matter does not parse: {message}"))
    })
}

fn parse_toml(source: &str) -> Result<Value, ParseError> {
    let table: toml::Table = source.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map_or(2, |span| source[..span.start].matches('\n').count() + 2);
        error(line, format!("the TOML front matter does not parse: {}", e.message()))
    })?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

/// TOML values as JSON; dates become `YYYY-MM-DD` strings.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_front_matter_and_body_with_field_lines() {
        let text = "---\ntitle: Rust and Bone\nyear: 2012\ngenres:\n  - Drama\n  - Romance\nrating: 4\nhome_release: 2013-02-25\n---\n\nFirst *paragraph*.\n\nSecond.\n";
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.fields["title"], json!("Rust and Bone"));
        assert_eq!(parsed.fields["year"], json!(2012));
        assert_eq!(parsed.fields["genres"], json!(["Drama", "Romance"]));
        assert_eq!(parsed.fields["home_release"], json!("2013-02-25"));
        assert_eq!(parsed.fields["body"], json!("First *paragraph*.\n\nSecond."));
        assert_eq!(parsed.lines["rating"], 7);
        assert_eq!(parsed.lines["genres"], 4);
        assert_eq!(parsed.body_line, 11);
    }

    #[test]
    fn toml_front_matter_with_a_date() {
        let text =
            "+++\r\ntitle = \"Amélie\"\r\nyear = 2001\r\nrating = 3.5\r\nreviewed_on = 2011-05-21\r\n+++\r\nBody.\r\n";
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.fields["rating"], json!(3.5));
        assert_eq!(parsed.fields["reviewed_on"], json!("2011-05-21"));
        assert_eq!(parsed.fields["body"], json!("Body."));
        assert_eq!(parsed.lines["reviewed_on"], 5);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(parse("no front matter").unwrap_err().line, 1);
        assert!(parse("---\ntitle: x\n").unwrap_err().message.contains("never closed"));
        let bad = parse("---\ntitle: x\nyear: [1, 2\n---\nbody").unwrap_err();
        assert!(bad.message.contains("YAML"), "{bad:?}");
        // The position comes from the parser's location, counted from the file's first line.
        let bad = parse("---\ntitle: x\ngenres:\n  - Drama\n bad: [\n---\nbody").unwrap_err();
        assert_eq!(bad.line, 5, "{bad:?}");
        assert!(bad.message.contains("line 5"), "the message counts lines as the file does: {bad:?}");
        let bad = parse("+++\ntitle = \"x\"\nyear = = 3\n+++\nbody").unwrap_err();
        assert_eq!(bad.line, 3, "{bad:?}");
        assert_eq!(
            parse("---\n- a\n- b\n---\n").unwrap_err().message,
            "the front matter must be a set of fields (key: value)"
        );
    }
}
