//! Exporting and importing the reader's ratings as a Letterboxd-compatible CSV:
//! `Date,Name,Year,Letterboxd URI,Rating`. On import, films are matched to the
//! catalog by title (or original title) and year, ignoring case and accents;
//! rows that match nothing are reported, never dropped silently.

use crate::date::Date;
use crate::model::{Catalog, Rating};
use crate::personal::{Personal, Rated};
use crate::text::fold;
use rustc_hash::FxHashMap as HashMap;

/// The header Letterboxd's importer reads.
pub const HEADER: &str = "Date,Name,Year,Letterboxd URI,Rating";

/// The reader's ratings as CSV, one row per rated film in the catalog, by title.
pub fn export(personal: &Personal, catalog: &Catalog) -> String {
    let rows: Vec<(&str, String)> = catalog
        .reviews
        .iter()
        .filter_map(|r| {
            let rated = personal.ratings.get(r.id())?;
            let date = rated.on.map(|d| d.to_string()).unwrap_or_default();
            Some((r.title(), format!("{date},{},{},,{}", quote(r.title()), r.year, rated.rating.decimal())))
        })
        .collect();
    let order = crate::sort::sorted_indices(rows.len(), &|a, b| rows[a as usize].0.cmp(rows[b as usize].0));
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for i in order {
        out.push_str(&rows[i as usize].1);
        out.push_str("\r\n");
    }
    out
}

/// What an import found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The ratings to add, by review id.
    pub personal: Personal,
    /// Rows whose film is not in the catalog: `line 3: "Heat" (1995)`.
    pub unmatched: Vec<Unmatched>,
    /// Rows that could not be read: `line 5: Rating "7" is not 0.5 to 5 in steps of 0.5`.
    pub errors: Vec<RowError>,
}

/// A row whose film is not in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: \"{title}\" ({year})")]
pub struct Unmatched {
    pub line: usize,
    pub title: String,
    pub year: u16,
}

/// A row that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RowError {
    pub line: usize,
    pub message: String,
}

/// Why a file is not a ratings CSV at all (nothing was imported).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("no \"{0}\" column in the header")]
    NoColumn(&'static str),
}

/// Reads a Letterboxd-style CSV (its `ratings.csv`, or our export). Columns are
/// found by header name (`Name`, `Year`, `Rating`, and `Date` or `Watched Date`), in any order.
pub fn import(csv: &str, catalog: &Catalog) -> Result<ImportReport, ImportError> {
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    let mut rows = rows.into_iter();
    let (_, header) = rows.next().ok_or(ImportError::Empty)?;
    let column = |names: &[&str]| header.iter().position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)));
    let name_col = column(&["Name", "Title"]).ok_or(ImportError::NoColumn("Name"))?;
    let year_col = column(&["Year"]).ok_or(ImportError::NoColumn("Year"))?;
    let rating_col = column(&["Rating"]).ok_or(ImportError::NoColumn("Rating"))?;
    let date_col = column(&["Date", "Watched Date", "Rated Date"]);

    let mut by_title_year: HashMap<(String, u16), &str> = HashMap::default();
    for r in &catalog.reviews {
        by_title_year.entry((fold(r.title()), r.year)).or_insert(r.id());
        if let Some(original) = &r.original_title() {
            by_title_year.entry((fold(original), r.year)).or_insert(r.id());
        }
    }

    let mut report = ImportReport::default();
    for (line, fields) in rows {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |i: usize| fields.get(i).map(|f| f.trim()).unwrap_or("");
        let name = field(name_col);
        let Ok(year) = field(year_col).parse::<u16>() else {
            report.errors.push(RowError { line, message: format!("Year \"{}\" is not a year", field(year_col)) });
            continue;
        };
        let rating_text = field(rating_col);
        let Some(rating) = Rating::parse(rating_text) else {
            let message = format!("Rating \"{rating_text}\" is not 0.5 to 5 in steps of 0.5");
            report.errors.push(RowError { line, message });
            continue;
        };
        let on = date_col.map(field).and_then(Date::parse);
        match by_title_year.get(&(fold(name), year)) {
            Some(id) => {
                report.personal.ratings.insert(id.to_string(), Rated { rating, on });
            }
            None => report.unmatched.push(Unmatched { line, title: name.to_string(), year }),
        }
    }
    Ok(report)
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into
/// `(line number, fields)` rows, numbered from 1.
pub fn parse_csv(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => in_quotes = false,
            ('"', false) if field.is_empty() => in_quotes = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) | ('\r', false) => {
                fields.push(std::mem::take(&mut field));
                rows.push((row_line, std::mem::take(&mut fields)));
                line += 1;
                row_line = line;
            }
            ('\n', true) => {
                field.push('\n');
                line += 1;
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push((row_line, fields));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Review, Site};

    fn film(id: &str, title: &str, original: Option<&str>, year: u16) -> Review {
        crate::model::ReviewParts {
            original_title: original.map(Into::into),
            ..crate::model::test_parts(id, title, year)
        }
        .into()
    }

    fn catalog() -> Catalog {
        Catalog {
            site: Site::default(),
            reviews: vec![
                film("rust-and-bone-2012", "Rust and Bone", Some("De rouille et d'os"), 2012),
                film("amelie-2001", "Amélie", None, 2001),
                film("comma-1999", "Yes, \"Quoted\"", None, 1999),
            ],
        }
    }

    #[test]
    fn export_then_import_round_trips() {
        let mut p = Personal::default();
        p.set_rating("rust-and-bone-2012", Rating::from_halves(7), Date::new(2026, 11, 2));
        p.set_rating("comma-1999", Rating::from_halves(1), None);
        let csv = export(&p, &catalog());
        assert_eq!(
            csv,
            "Date,Name,Year,Letterboxd URI,Rating\r\n2026-11-02,Rust and Bone,2012,,3.5\r\n,\"Yes, \"\"Quoted\"\"\",1999,,0.5\r\n"
        );
        let report = import(&csv, &catalog()).unwrap();
        assert_eq!(report.personal, p);
        assert!(report.unmatched.is_empty() && report.errors.is_empty());
    }

    #[test]
    fn imports_letterboxd_files_matching_title_or_original_title_and_reports_the_rest() {
        let csv = "\u{feff}Date,Name,Year,Letterboxd URI,Rating\n\
                   2024-01-05,amelie,2001,https://boxd.it/x,4.5\n\
                   2024-01-06,De Rouille et d’Os,2012,,4\n\
                   2024-01-07,Heat,1995,,5\n\
                   2024-01-08,Rust and Bone,2012,,4.3\n\
                   2024-01-09,Rust and Bone,twenty,,4\n";
        let report = import(csv, &catalog()).unwrap();
        assert_eq!(report.personal.rating("amelie-2001"), Rating::from_halves(9));
        assert_eq!(report.personal.ratings.get("amelie-2001").and_then(|r| r.on), Date::new(2024, 1, 5));
        assert_eq!(report.unmatched.iter().map(ToString::to_string).collect::<Vec<_>>(), ["line 4: \"Heat\" (1995)"]);
        assert_eq!(
            report.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["line 5: Rating \"4.3\" is not 0.5 to 5 in steps of 0.5", "line 6: Year \"twenty\" is not a year"]
        );
        assert_eq!(
            report.personal.rating("rust-and-bone-2012"),
            Rating::from_halves(8),
            "matched by original title, with a curly apostrophe and other case"
        );
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let csv = "Rating,Year,Name\r\n3,2001,Amélie\r\n";
        let report = import(csv, &catalog()).unwrap();
        assert_eq!(report.personal.rating("amelie-2001"), Rating::from_halves(6));
        assert_eq!(import("Title,Rating\n", &catalog()).unwrap_err(), ImportError::NoColumn("Year"));
        assert_eq!(import("Title,Rating\n", &catalog()).unwrap_err().to_string(), "no \"Year\" column in the header");
        assert_eq!(import("", &catalog()).unwrap_err(), ImportError::Empty);
    }

    #[test]
    fn csv_quotes_and_line_breaks() {
        let rows = parse_csv("a,\"b,\"\"c\"\"\nd\"\r\ne,f");
        assert_eq!(
            rows,
            [(1, vec!["a".to_string(), "b,\"c\"\nd".to_string()]), (3, vec!["e".to_string(), "f".to_string()])]
        );
    }
}
