//! Turning a reviewer's existing reviews into a dataset: Markdown with front matter (Jekyll,
//! Hugo) or plain-text blog posts, one review per file, from files or folders; a WordPress
//! export; a Letterboxd export. Every problem is reported with the file and line it comes from.

pub mod genres;
pub mod html;
pub mod letterboxd;
pub mod wordpress;

use crate::front_matter;
use crate::report::Finding;
use marquee_core::text::is_slug;
use marquee_core::validate::read_review;
use marquee_core::{Catalog, Diagnostic, Review, Site};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// File extensions read as reviews.
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Options that fill in what files leave out.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Genres for reviews that give none.
    pub genres: Vec<String>,
}

/// The outcome of an import: the valid reviews, and findings located in the sources.
#[derive(Debug, Default)]
pub struct Imported {
    pub catalog: Catalog,
    pub findings: Vec<Finding>,
}

/// Every review file under the given paths (folders are searched recursively, following
/// symbolic links; a link back to a folder being walked is skipped, not followed round), sorted.
pub fn collect_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(path).follow_links(true) {
            let entry = match entry {
                Ok(entry) => entry,
                // A symlink loop: the folder it points to is being walked already.
                Err(e) if e.loop_ancestor().is_some() => continue,
                Err(e) => return Err(e.into()),
            };
            if entry.file_type().is_file() && is_review_file(entry.path()) {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn is_review_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A URL slug from a title and year: "Rust and Bone", 2012 → "rust-and-bone-2012". Titles in
/// any script are transliterated first ("東京物語", 1953 → "dong-jing-wu-yu-1953"), so that a
/// title never vanishes from its own id.
pub fn slug(title: &str, year: Option<i64>) -> String {
    // Apostrophes join words ("Gregory's" → "gregorys"), other punctuation separates them.
    let mut ascii = String::with_capacity(title.len());
    for c in title.chars().filter(|c| !matches!(c, '\'' | '’')) {
        match deunicode::deunicode_char(c) {
            _ if c.is_ascii() => ascii.push(c),
            // Letters transliterate in place ("é" → "e"); other signs stand apart ("8½" → "8 1/2").
            Some(latin) if c.is_alphabetic() => ascii.push_str(latin),
            Some(latin) => ascii.extend([" ", latin, " "]),
            None => ascii.push(' '),
        }
    }
    let folded = marquee_core::text::fold(&ascii);
    let mut words: Vec<&str> =
        marquee_core::text::words(&folded).filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric())).collect();
    let year = year.map(|y| y.to_string());
    if let Some(y) = &year {
        words.push(y);
    }
    words.join("-")
}

/// A review read from a source, before it is validated: its fields as a dataset gives them,
/// and where it came from, for findings that name the file and line.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub file: PathBuf,
    pub fields: Map<String, Value>,
    /// The line of each field, where the source has one.
    pub lines: HashMap<String, usize>,
    /// The line the review starts on (its title's, its CSV row's, its item's).
    pub line: usize,
    /// Whether a second review of the same film gets a numbered id (`heat-1995-2`) instead of an
    /// error: a Letterboxd diary or a blog may review a film twice; two files may not share an id.
    pub numbered: bool,
}

/// What a source gives: reviews to validate, and what it found on the way (skipped items,
/// rows that cannot be reviews).
#[derive(Debug, Default)]
pub struct Read {
    pub drafts: Vec<Draft>,
    pub findings: Vec<Finding>,
}

/// Imports every source named: a Letterboxd export (`.zip`, or its folder), a WordPress export
/// (`.xml`), or review files and folders of them (Markdown with front matter, plain-text posts).
/// A source that cannot be read at all is one error finding; the others are still read.
pub fn import_sources(paths: &[PathBuf], options: &Options) -> Imported {
    let mut read = Read::default();
    let mut files = Vec::new();
    for path in paths {
        let source = if letterboxd::is_export(path) {
            letterboxd::read(path)
        } else if wordpress::is_export(path) {
            wordpress::read(path)
        } else {
            match collect_files(std::slice::from_ref(path)) {
                Ok(found) => {
                    files.extend(found);
                    continue;
                }
                Err(e) => Err(Finding::at(path, None, Diagnostic::error("", format!("cannot be read: {e}")))),
            }
        };
        match source {
            Ok(source) => {
                read.drafts.extend(source.drafts);
                read.findings.extend(source.findings);
            }
            Err(finding) => read.findings.push(finding),
        }
    }
    read_files(&files, &mut read);
    finish(read, options)
}

/// Reads review files (Markdown with front matter, plain-text posts) into drafts, one per file.
fn read_files(files: &[PathBuf], read: &mut Read) {
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                read.findings.push(Finding::at(file, None, Diagnostic::error("", format!("cannot be read: {e}"))));
                continue;
            }
        };
        let first = text.trim_start_matches('\u{feff}').lines().next().unwrap_or("").trim_end();
        let parsed =
            if first == "---" || first == "+++" { front_matter::parse(&text) } else { crate::blog::parse(&text) };
        match parsed {
            Ok(parsed) => {
                read.findings.extend(parsed.warnings.iter().map(|(line, d)| Finding::at(file, Some(*line), d.clone())));
                if parsed.skip {
                    continue;
                }
                let line = parsed.lines.get("title").copied().unwrap_or(1);
                read.drafts.push(Draft {
                    file: file.clone(),
                    fields: parsed.fields,
                    lines: parsed.lines,
                    line,
                    numbered: false,
                });
            }
            Err(e) => read.findings.push(Finding::at(file, Some(e.line), Diagnostic::error("", e.message))),
        }
    }
}

/// Validates drafts into a catalog: ids from title and year where they have none, `--genre`
/// for reviews without genres, every problem located in its source. Ids are unique.
pub fn finish(read: Read, options: &Options) -> Imported {
    let mut imported = Imported { findings: read.findings, ..Imported::default() };
    let mut first_use: HashMap<String, (PathBuf, usize)> = HashMap::new();
    for draft in read.drafts {
        let Draft { file, mut fields, lines, line, numbered } = draft;
        let given_genres = fields.get("genres").is_some_and(|g| g.as_array().is_some_and(|a| !a.is_empty()));
        if !given_genres && !options.genres.is_empty() {
            fields.insert("genres".into(), Value::from(options.genres.clone()));
        }
        if !fields.contains_key("id") {
            if let Some(title) = fields.get("title").and_then(Value::as_str) {
                let id = slug(title, fields.get("year").and_then(Value::as_i64));
                if is_slug(&id) {
                    fields.insert("id".into(), Value::String(id));
                }
            }
        }
        if numbered {
            if let Some(Value::String(id)) = fields.get_mut("id") {
                let base = id.clone();
                let mut n = 2;
                while first_use.contains_key(id.as_str()) {
                    *id = format!("{base}-{n}");
                    n += 1;
                }
            }
        }
        let mut diagnostics = Vec::new();
        let review = read_review(Value::Object(fields).into(), "", &mut diagnostics);
        for d in diagnostics {
            // "genres[1]" and ".rating" both point at their field's line.
            let field = d.path.split(['.', '[']).find(|s| !s.is_empty()).unwrap_or("").to_string();
            // A missing field has no line of its own: point at the review's start.
            let at = lines.get(&field).copied().unwrap_or(line);
            imported.findings.push(Finding::at(&file, Some(at), d));
        }
        let Some(review) = review else { continue };
        let at = lines.get("id").copied().unwrap_or(line);
        if let Some((other, other_line)) = first_use.get(review.id()) {
            let message = format!("\"{}\" is already used by {}:{}", review.id(), other.display(), other_line);
            imported.findings.push(Finding::at(&file, Some(at), Diagnostic::error("id", message)));
            continue;
        }
        first_use.insert(review.id().to_string(), (file.clone(), at));
        imported.catalog.reviews.push(review);
    }
    imported
}

/// The dataset document for a catalog.
pub fn dataset_json(reviews: &[Review], site: &Site) -> String {
    let doc = serde_json::json!({ "format": marquee_core::FORMAT_V1, "site": site, "reviews": reviews });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_every_title_in_ascii() {
        assert_eq!(slug("Rust and Bone", Some(2012)), "rust-and-bone-2012");
        assert_eq!(slug("Gregory's Girl", Some(1980)), "gregorys-girl-1980");
        assert_eq!(slug("Amélie", Some(2001)), "amelie-2001");
        assert_eq!(slug("東京物語", Some(1953)), "dong-jing-wu-yu-1953");
        assert_eq!(slug("Иди и смотри", Some(1985)), "idi-i-smotri-1985");
        assert_eq!(slug("8½", None), "8-1-2");
        for title in ["東京物語", "Иди и смотри", "Amélie", "ΖΗΤΩ", "الرسالة"] {
            assert!(is_slug(&slug(title, Some(1999))), "{title}: {}", slug(title, Some(1999)));
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_walk_follows_links_but_not_round_a_loop() {
        let dir = std::env::temp_dir().join(format!("marquee-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("reviews/2024")).unwrap();
        std::fs::write(dir.join("reviews/a.md"), "x").unwrap();
        std::fs::write(dir.join("reviews/2024/b.txt"), "x").unwrap();
        std::fs::write(dir.join("reviews/notes.pdf"), "x").unwrap();
        // A link to the folder's own parent: a naive walk never ends.
        std::os::unix::fs::symlink(dir.join("reviews"), dir.join("reviews/2024/again")).unwrap();
        let files = collect_files(&[dir.join("reviews")]).unwrap();
        let names: Vec<_> =
            files.iter().map(|f| f.strip_prefix(&dir).unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["reviews/2024/b.txt", "reviews/a.md"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
