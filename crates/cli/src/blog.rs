//! The plain-text form a reviewer exports from an old blog:
//!
//! ```text
//! Rust and Bone (2012)
//!
//! The review's paragraphs…
//!
//! Rust and Bone is out on DVD and Blu-ray on 25th February 2013.
//!
//! Director: Jacques Audiard
//! Stars: Matthias Schoenaerts, Marion Cotillard
//! Running time: 120min
//! Country: France/Belgium
//! Film Rating: ★★★★☆
//!
//! Leave A Reply
//! ```
//!
//! Curly quotes, non-breaking spaces, CRLF, `½` and half-star glyphs, and
//! "120 min" / "2h" / "1h 45m" are all understood. Blog furniture from
//! "Leave A Reply" (and similar) on is dropped.

use crate::front_matter::{ParseError, Parsed};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Lines that start the blog's furniture: everything from them on is dropped.
const FURNITURE: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "share this",
    "like this",
    "related",
    "posted in",
    "filed under",
    "comments",
    "cancel reply",
];

/// What a fact line sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fact {
    Directors,
    Cast,
    Runtime,
    Countries,
    Rating,
    Genres,
    Ignored,
}

fn fact_of(key: &str) -> Option<Fact> {
    let key = key.trim().to_lowercase();
    Some(match key.as_str() {
        "director" | "directors" | "directed by" => Fact::Directors,
        "stars" | "starring" | "cast" | "with" => Fact::Cast,
        "running time" | "runtime" | "run time" | "length" => Fact::Runtime,
        "country" | "countries" => Fact::Countries,
        "film rating" | "rating" | "my rating" | "verdict" => Fact::Rating,
        "genre" | "genres" => Fact::Genres,
        "certificate" | "cert" | "certification" | "language" | "writer" | "writers" | "screenplay" => Fact::Ignored,
        _ => return None,
    })
}

/// Typographic characters a blog editor inserts, as plain ones.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| match c {
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            other => other,
        })
        .collect()
}

/// A list of names: "a, b and c", "France/Belgium", "x & y".
fn names(value: &str) -> Vec<String> {
    value
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split([',', '/', ';'])
        .map(|s| s.trim().trim_end_matches('.').trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Minutes from "120min", "120 minutes", "2h", "2 hrs 10 mins", "1h45".
pub fn runtime(value: &str) -> Option<i64> {
    let v = value.to_lowercase().replace(' ', "");
    let number = |s: &str| -> Option<i64> {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    if let Some(h_at) = v.find('h') {
        let hours = number(&v)?;
        let rest = v[h_at..].trim_start_matches(|c: char| c.is_alphabetic());
        let minutes = number(rest).unwrap_or(0);
        return Some(hours * 60 + minutes);
    }
    number(&v)
}

/// Stars from "★★★★☆", "★★★½", "★★★⯪☆", "3.5/5", "4 stars", "3½".
pub fn stars(value: &str) -> Option<f64> {
    let is_half = |c: char| matches!(c, '½' | '⯪' | '⯨' | '✬');
    let glyphs = value.chars().any(|c| matches!(c, '★' | '☆' | '*' | '⯪' | '⯨' | '✬'));
    let has_digit = value.chars().any(|c| c.is_ascii_digit());
    if glyphs || (!has_digit && value.trim().chars().all(is_half) && !value.trim().is_empty()) {
        let full = value.chars().filter(|&c| c == '★' || c == '*').count() as f64;
        return Some(full + if value.chars().any(is_half) { 0.5 } else { 0.0 });
    }
    let v = value.trim().replace('½', ".5");
    let number: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let n: f64 = number.parse().ok()?;
    match v[number.len()..].trim_start().strip_prefix('/') {
        Some(scale) => {
            let scale: f64 = scale.split_whitespace().next()?.parse().ok()?;
            (scale > 0.0).then(|| (n / scale * 10.0).round() / 2.0)
        }
        None => Some(n),
    }
}

/// A date like "25th February 2013", "February 25, 2013" or "25 Feb 2013", as YYYY-MM-DD.
pub fn date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<String> =
        text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = MONTHS.iter().position(|m| w.starts_with(m)) else { continue };
        let day_of = |s: &str| -> Option<u32> {
            let d: String = s.chars().take_while(char::is_ascii_digit).collect();
            d.parse().ok().filter(|d| (1..=31).contains(d))
        };
        let year_of = |s: &str| -> Option<u32> {
            let y: String = s.chars().take_while(char::is_ascii_digit).collect();
            y.parse().ok().filter(|y| (1870..=2100).contains(y))
        };
        let before = i.checked_sub(1).and_then(|j| day_of(&words[j]));
        let (day, year) =
            match (before, words.get(i + 1).and_then(|s| day_of(s)), words.get(i + 1).and_then(|s| year_of(s))) {
                (Some(d), _, Some(y)) => (d, y),
                (None, Some(d), _) => (d, words.get(i + 2).and_then(|s| year_of(s))?),
                _ => continue,
            };
        return Some(format!("{year:04}-{:02}-{day:02}", month + 1));
    }
    None
}

/// The home-release date in a sentence like "X is out on DVD and Blu-ray on 25th February 2013".
fn home_release(paragraph: &str) -> Option<String> {
    let lower = paragraph.to_lowercase();
    let media = ["dvd", "blu-ray", "bluray", "digital download", "home video", "vod"];
    if !(lower.contains("out on") || lower.contains("released on") || lower.contains("available on"))
        || !media.iter().any(|m| lower.contains(m))
    {
        return None;
    }
    date(&lower[lower.find(" on ").map_or(0, |i| i + 4)..].replace(" on ", " "))
}

/// Parses a plain-text blog post into review fields, with the line of each.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    parse_with(text, true)
}

/// [`parse`] for a post's own text, as an export gives it: no comments or share buttons
/// follow it, so no line is taken for the blog's furniture.
pub fn parse_post(text: &str) -> Result<Parsed, ParseError> {
    parse_with(text, false)
}

fn parse_with(text: &str, furniture: bool) -> Result<Parsed, ParseError> {
    let text = plain(text.trim_start_matches('\u{feff}'));
    let lines: Vec<&str> = text.split('\n').collect();
    let title_at = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .ok_or(ParseError { line: 1, message: "the file is empty".into() })?;
    let heading = lines[title_at].trim();
    let (title, year) = heading
        .strip_suffix(')')
        .and_then(|h| h.rsplit_once('('))
        .and_then(|(t, y)| Some((t.trim(), y.trim().parse::<i64>().ok()?)))
        .ok_or(ParseError {
            line: title_at + 1,
            message: format!("the first line should be \"Title (Year)\", not \"{heading}\""),
        })?;

    let mut fields = Map::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    fields.insert("title".into(), Value::from(title));
    fields.insert("year".into(), Value::from(year));
    at.insert("title".into(), title_at + 1);
    at.insert("year".into(), title_at + 1);

    let mut paragraphs: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, raw) in lines.iter().enumerate().skip(title_at + 1) {
        let line = raw.trim();
        let lower = line.to_lowercase();
        if furniture && FURNITURE.iter().any(|f| lower.starts_with(f)) {
            break;
        }
        let fact = line.split_once(':').and_then(|(k, v)| Some((fact_of(k)?, v.trim())));
        if line.is_empty() || fact.is_some() {
            paragraphs.extend(current.take());
        }
        if let Some((fact, value)) = fact {
            let (name, value) = match fact {
                Fact::Directors => ("directors", Value::from(names(value))),
                Fact::Cast => ("cast", Value::from(names(value))),
                Fact::Countries => ("countries", Value::from(names(value))),
                Fact::Genres => ("genres", Value::from(names(value))),
                Fact::Runtime => ("runtime_minutes", runtime(value).map_or_else(|| Value::from(value), Value::from)),
                Fact::Rating => ("rating", stars(value).map_or_else(|| Value::from(value), Value::from)),
                Fact::Ignored => continue,
            };
            fields.insert(name.into(), value);
            at.insert(name.into(), i + 1);
        } else if !line.is_empty() {
            match &mut current {
                Some((_, text)) => {
                    text.push('\n');
                    text.push_str(line);
                }
                None => current = Some((i + 1, line.to_string())),
            }
        }
    }
    paragraphs.extend(current);
    // A paragraph that only announces the home release becomes `home_release`.
    paragraphs.retain(|(line, p)| match home_release(p) {
        Some(d) if p.len() < 200 => {
            fields.insert("home_release".into(), Value::from(d));
            at.insert("home_release".into(), *line);
            false
        }
        _ => true,
    });
    let body_line = paragraphs.first().map_or(title_at + 2, |(l, _)| *l);
    let body: Vec<String> = paragraphs.into_iter().map(|(_, p)| p).collect();
    fields.insert("body".into(), Value::from(body.join("\n\n")));
    at.insert("body".into(), body_line);
    Ok(Parsed { fields, lines: at, body_line, skip: false, warnings: Vec::new() })
}

#[cfg(test)]
mod tests;
