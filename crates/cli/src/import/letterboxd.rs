//! A Letterboxd data export (the ZIP from Settings → Data → Export, or its folder): each row of
//! `reviews.csv` is a review. Letterboxd knows no directors, genres, runtimes or countries, so
//! those are left out (warnings say so, and the site shows the reviews without them). Films in
//! `ratings.csv` without a review are counted, not imported: a rating alone is not a review.

use super::{html, Draft, Read};
use crate::report::Finding;
use marquee_core::Diagnostic;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Whether `path` is a Letterboxd export: a `.zip`, or a folder with a `reviews.csv`.
pub fn is_export(path: &Path) -> bool {
    if path.is_dir() {
        return path.join("reviews.csv").is_file();
    }
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The export's CSV files by name (`reviews.csv`, `ratings.csv`), from the ZIP or the folder.
fn files(path: &Path) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    if path.is_dir() {
        for name in ["reviews.csv", "ratings.csv"] {
            if let Ok(text) = std::fs::read_to_string(path.join(name)) {
                out.insert(name.to_string(), text);
            }
        }
        return Ok(out);
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| format!("is not a ZIP file Letterboxd wrote: {e}"))?;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| format!("is damaged: {e}"))?;
        // Top-level files only: the export keeps older files (deleted/, likes/) in folders.
        let name = entry.name().to_string();
        if name == "reviews.csv" || name == "ratings.csv" {
            let mut text = String::new();
            entry.read_to_string(&mut text).map_err(|e| format!("{name} cannot be read: {e}"))?;
            out.insert(name, text);
        }
    }
    Ok(out)
}

/// Reads the export's reviews.
pub fn read(path: &Path) -> Result<Read, Finding> {
    let fail = |message: String| Finding::at(path, None, Diagnostic::error("", message));
    let files = files(path).map_err(fail)?;
    let csv_path: PathBuf = path.join("reviews.csv");
    let Some(reviews) = files.get("reviews.csv") else {
        return Err(fail("has no reviews.csv: is it a Letterboxd data export?".into()));
    };
    let mut read = Read::default();
    // The header is read as a row of its own, so that each row's position is its own line.
    let text = reviews.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(text.as_bytes());
    // The line a row starts on, from its byte offset (after the previous row's line break,
    // which the reader may count as the row's own when the file uses CRLF).
    let line_at = |byte: u64| {
        let rest = text.get(byte as usize..).unwrap_or_default();
        let skipped = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
        let start = (byte as usize + skipped).min(text.len());
        1 + text.as_bytes()[..start].iter().filter(|&&b| b == b'\n').count()
    };
    let mut headers = csv::StringRecord::new();
    match reader.read_record(&mut headers) {
        Ok(true) => {}
        Ok(false) => return Err(Finding::at(&csv_path, Some(1), Diagnostic::error("", "is empty"))),
        Err(e) => return Err(Finding::at(&csv_path, Some(1), Diagnostic::error("", e.to_string()))),
    }
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(name_col), Some(year_col), Some(review_col)) = (column("Name"), column("Year"), column("Review")) else {
        let message = "the header needs Name, Year and Review columns (Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date)";
        return Err(Finding::at(&csv_path, Some(1), Diagnostic::error("", message)));
    };
    let (rating_col, tags_col, date_col, watched_col) =
        (column("Rating"), column("Tags"), column("Date"), column("Watched Date"));
    let mut reviewed = std::collections::HashSet::new();
    let mut record = csv::StringRecord::new();
    loop {
        // Where the next row starts: a review's text may span lines.
        let line = line_at(reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                read.findings.push(Finding::at(&csv_path, Some(line), Diagnostic::error("", e.to_string())));
                continue;
            }
        }
        let field = |col: Option<usize>| col.and_then(|c| record.get(c)).map(str::trim).filter(|s| !s.is_empty());
        let mut fields = Map::new();
        let title = field(Some(name_col)).unwrap_or_default();
        fields.insert("title".into(), Value::from(title));
        match field(Some(year_col)).map(str::parse::<i64>) {
            Some(Ok(year)) => {
                fields.insert("year".into(), Value::from(year));
            }
            Some(Err(_)) => {
                fields.insert("year".into(), Value::from(field(Some(year_col)).unwrap_or_default()));
            }
            None => {}
        }
        if let Some(rating) = field(rating_col) {
            // "3.5"; a number the validator checks (0.5 to 5 in halves).
            let value = rating.parse::<f64>().map_or_else(|_| Value::from(rating), Value::from);
            fields.insert("rating".into(), value);
        }
        if let Some(tags) = field(tags_col) {
            let tags: Vec<&str> = tags.split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
            fields.insert("tags".into(), Value::from(tags));
        }
        // The day the film was watched, else the day it was logged.
        if let Some(day) = field(watched_col).or(field(date_col)) {
            fields.insert("reviewed_on".into(), Value::from(day));
        }
        // Letterboxd keeps line breaks and a few tags (<i>, <b>, <a>, <blockquote>) in review text.
        let text = record.get(review_col).unwrap_or_default();
        fields.insert("body".into(), Value::from(html::to_markdown(text)));
        reviewed.insert((marquee_core::text::fold(title), field(Some(year_col)).unwrap_or_default().to_string()));
        read.drafts.push(Draft { file: csv_path.clone(), fields, lines: HashMap::new(), line, numbered: true });
    }
    if let Some(ratings) = files.get("ratings.csv") {
        let unreviewed = ratings_without_review(ratings, &reviewed);
        if unreviewed > 0 {
            let message = format!(
                "{unreviewed} rated film{} without a review {} not imported: a rating alone is not a review",
                if unreviewed == 1 { "" } else { "s" },
                if unreviewed == 1 { "was" } else { "were" }
            );
            read.findings.push(Finding::at(&path.join("ratings.csv"), None, Diagnostic::warning("", message)));
        }
    }
    Ok(read)
}

/// How many films `ratings.csv` rates that no review covers.
fn ratings_without_review(csv_text: &str, reviewed: &std::collections::HashSet<(String, String)>) -> usize {
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let Ok(headers) = reader.headers().cloned() else { return 0 };
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(name), Some(year)) = (column("Name"), column("Year")) else { return 0 };
    reader
        .records()
        .filter_map(Result::ok)
        .filter(|r| {
            let key = (
                marquee_core::text::fold(r.get(name).unwrap_or_default().trim()),
                r.get(year).unwrap_or_default().trim().to_string(),
            );
            !reviewed.contains(&key)
        })
        .count()
}
