//! `marquee import` from where reviewers keep their reviews today: a WordPress export, a
//! Letterboxd export (ZIP or folder), and Jekyll or Hugo front matter. Fixtures are in
//! tests/fixtures; every count below is what the closing note reports.
#![allow(clippy::unwrap_used)]

mod common;

use common::{marquee, repo, scratch, stderr, write};
use marquee_core::{load_dataset, Loaded, Rating};
use std::io::Write as _;
use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    repo("crates/cli/tests/fixtures").join(name)
}

/// Imports `source` into a scratch dataset, and loads it back as the site would.
fn import(name: &str, source: &Path) -> (Loaded, String) {
    let dir = scratch(name);
    let out = dir.join("reviews.json");
    let run = marquee(&["import", source.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    (load_dataset(&std::fs::read(&out).unwrap()).unwrap(), stderr(&run))
}

#[test]
fn a_wordpress_export_gives_its_published_posts_with_facts_and_text() {
    let (loaded, report) = import("wordpress", &fixture("blog-export.xml"));
    assert_eq!(loaded.catalog.reviews.len(), 2, "{report}");
    for skipped in [
        "\"About this blog\" is a page",
        "\"Heat (1995)\" is a draft",
        "\"orca-still.jpg\" is an attachment",
        "\"Notes to self (2016)\" is a private post",
        "\"Cats (2019)\" is in the trash",
    ] {
        assert!(report.contains(&format!("warning: skipped: {skipped}")), "{skipped}: {report}");
    }
    assert!(report.contains("2 valid reviews, 0 errors, 5 warnings"), "{report}");

    // The classic editor: raw paragraphs, facts on lines of the last one.
    let rust = loaded.catalog.get("rust-and-bone-2012").expect("the classic post");
    assert_eq!(rust.title(), "Rust and Bone");
    assert_eq!(strs(rust.directors()), ["Jacques Audiard"]);
    assert_eq!(strs(rust.cast()), ["Marion Cotillard", "Matthias Schoenaerts"]);
    assert_eq!(strs(rust.countries()), ["France", "Belgium"]);
    assert_eq!(rust.runtime_minutes, Some(120));
    assert_eq!(rust.rating, Rating::from_halves(8));
    assert_eq!(strs(rust.genres()), ["Drama", "Romance"], "categories that are genres");
    assert_eq!(strs(rust.tags()), ["Cannes 2012", "wp:rust-and-bone"], "the other terms, and the post's address");
    assert_eq!(rust.reviewed_on.map(|d| d.to_string()).as_deref(), Some("2013-02-20"));
    let body = rust.body().text().unwrap();
    assert_eq!(body.matches("\n\n").count(), 1, "two paragraphs: {body}");
    assert!(body.contains("treats her as *broken*."), "{body}");
    assert!(body.contains("plot insists on **one more** catastrophe"), "{body}");
    assert!(body.contains("[my Audiard retrospective](https://secondsight.example/audiard/)"), "{body}");
    assert!(body.contains("or this link that goes nowhere."), "an unsafe link keeps its text only: {body}");
    assert!(!body.contains("Director") && !body.contains("★") && !body.contains("javascript"), "{body}");
    assert!(body.contains("itself – a hand"), "entities decoded: {body}");

    // The block editor: comments gone, blocks kept, one fact per paragraph.
    let tokyo = loaded.catalog.get("tokyo-story-1953").expect("the block-editor post");
    assert_eq!(strs(tokyo.directors()), ["Yasujirō Ozu"]);
    assert_eq!(strs(tokyo.countries()), ["Japan"]);
    assert_eq!(tokyo.runtime_minutes, Some(136));
    assert_eq!(tokyo.rating, Some(Rating::MAX));
    assert_eq!(strs(tokyo.genres()), ["Drama"], "a tag that is a genre");
    assert_eq!(strs(tokyo.tags()), ["Ozu", "wp:tokyo-story"], "Uncategorized is no tag");
    let body = tokyo.body().text().unwrap();
    assert!(body.starts_with("An elderly couple"), "{body}");
    assert!(body.contains("Ozu's camera") && body.contains("simply waits…"), "{body}");
    assert!(body.contains("\n\n> Isn't life disappointing?\n\n## Why it lasts\n\n- Setsuko Hara's smile"), "{body}");
    assert!(body.contains("- The clock, the boats & the empty rooms"), "{body}");
    assert!(body.contains("<b>not bold</b>, 5 > 3, and a clapperboard 🎬."), "{body}");
    assert!(!body.contains("wp:") && !body.contains("Running time") && !body.contains("<p>"), "{body}");
}

#[test]
fn a_letterboxd_export_gives_its_reviews_from_the_zip_or_the_folder() {
    let folder = fixture("letterboxd");
    let dir = scratch("letterboxd-zip");
    let zip_path = dir.join("letterboxd-ann-2024-05-01-12-00-utc.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for name in ["reviews.csv", "ratings.csv"] {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(&std::fs::read(folder.join(name)).unwrap()).unwrap();
    }
    zip.finish().unwrap();

    for source in [folder.as_path(), zip_path.as_path()] {
        let (loaded, report) = import("letterboxd", source);
        let ids: Vec<&str> = loaded.catalog.reviews.iter().map(|r| r.id()).collect();
        assert_eq!(ids, ["paterson-2016", "heat-1995", "heat-1995-2", "stalker-1979"], "{report}");
        let paterson = &loaded.catalog.reviews[0];
        assert_eq!(
            paterson.body().text(),
            Some(
                "A bus driver writes poems in a notebook and nothing happens, beautifully.\n\n\
                 Adam Driver says \"water falls\" like it is news.\n\n*Twins* keep appearing; nobody remarks on it."
            ),
            "paragraphs kept, doubled quotes undone, its tags read"
        );
        assert_eq!(paterson.rating, Rating::from_halves(9));
        assert_eq!(paterson.reviewed_on.map(|d| d.to_string()).as_deref(), Some("2024-01-05"), "the watched date");
        assert_eq!(strs(paterson.tags()), ["poetry"]);
        let heat = &loaded.catalog.reviews[1];
        assert_eq!(strs(heat.tags()), ["crime", "los angeles", "rewatchable"]);
        assert_eq!(heat.reviewed_on.map(|d| d.to_string()).as_deref(), Some("2024-02-10"), "else the date");
        assert!(heat.directors().is_empty() && heat.genres().is_empty(), "Letterboxd has neither");
        assert_eq!(loaded.catalog.reviews[3].rating, None, "no stars given");
        assert!(report.contains("2 rated films without a review were not imported"), "{report}");
        assert!(report.contains("reviews.csv:9: warning: rating: not given"), "the row's line: {report}");
        assert!(report.contains("reviews.csv:2: warning: directors: not given"), "{report}");
        assert!(report.contains("4 valid reviews, 0 errors,"), "{report}");
        assert!(loaded.diagnostics.iter().all(|d| !d.is_error()));
    }
}

#[test]
fn jekyll_and_hugo_front_matter_maps_onto_the_dataset() {
    let dir = scratch("jekyll");
    write(
        &dir,
        "2024-01-05-local-hero.md",
        "---\nlayout: post\ntitle: Local Hero\nyear: 1983\ndate: 2024-01-05 10:00:00 +0000\ndirector: Bill Forsyth\n\
         stars: \"★★★★½\"\ncategories: [Reviews, Comedy]\ntags: scotland, oil\ncountry: UK\n---\nAn oil man falls for a village.\n",
    );
    write(
        &dir,
        "the-thing.md",
        "+++\ntitle = \"The Thing\"\nyear = 1982\ndate = 2023-10-31T22:00:00Z\ngenre = \"Horror\"\nrating = 4\n\
         stars = [\"Kurt Russell\", \"Keith David\"]\n+++\nParanoia on ice.\n",
    );
    write(&dir, "unfinished.md", "---\ntitle: Unfinished\nyear: 2020\ndraft: true\n---\nNot yet.\n");
    let out = dir.join("reviews.json");
    let run = marquee(&["import", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let report = stderr(&run);
    let loaded = load_dataset(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(loaded.catalog.reviews.len(), 2, "{report}");
    let hero = loaded.catalog.get("local-hero-1983").unwrap();
    assert_eq!(strs(hero.directors()), ["Bill Forsyth"]);
    assert_eq!(hero.rating, Rating::from_halves(9), "★ characters");
    assert_eq!(strs(hero.genres()), ["Comedy"], "a category that is a genre");
    assert_eq!(strs(hero.tags()), ["Reviews", "scotland", "oil"]);
    assert_eq!(strs(hero.countries()), ["UK"]);
    assert_eq!(hero.reviewed_on.map(|d| d.to_string()).as_deref(), Some("2024-01-05"));
    let thing = loaded.catalog.get("the-thing-1982").unwrap();
    assert_eq!(strs(thing.cast()), ["Kurt Russell", "Keith David"], "stars as names is the cast");
    assert_eq!((strs(thing.genres()), thing.rating), (vec!["Horror"], Rating::from_halves(8)));
    assert_eq!(thing.reviewed_on.map(|d| d.to_string()).as_deref(), Some("2023-10-31"));
    assert!(report.contains("unfinished.md:4: warning: draft: skipped: \"Unfinished\" is a draft"), "{report}");
    assert!(report.contains("2024-01-05-local-hero.md:2: warning: layout: unknown field"), "{report}");
}

/// A list of names as plain strings, to compare with a literal.
fn strs(names: &[marquee_core::Name]) -> Vec<&str> {
    names.iter().map(|n| &**n).collect()
}
