//! Runs the `marquee` binary as a reviewer would.

mod common;

use common::{marquee, repo, scratch, stderr, write};
use std::path::Path;

const GOOD: &str = "---\ntitle: Alpha\nyear: 2001\ndirectors: [A]\ngenres: [Drama]\nrating: 4\n---\nA review.\n";

#[test]
fn imports_the_example_folder_into_a_dataset_the_core_accepts() {
    let dir = scratch("example");
    let out = dir.join("dataset.json");
    let run = marquee(&[
        "import",
        repo("examples/reviews").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--title",
        "Examples",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("3 valid reviews, 0 errors, 0 warnings"), "{}", stderr(&run));
    let loaded = marquee_core::load_dataset(&std::fs::read(&out).unwrap()).expect("a dataset");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ids: Vec<&str> = loaded.catalog.reviews.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["m-1931", "rust-and-bone-2012", "tokyo-story-1953"], "ids default to title + year");
    let bundled = marquee_core::load_dataset(&std::fs::read(repo("assets/collection.json")).unwrap()).unwrap();
    let original = bundled.catalog.get("rust-and-bone-2012").unwrap();
    assert_eq!(loaded.catalog.get("rust-and-bone-2012").unwrap(), original, "the example matches the bundled review");
    assert_eq!(loaded.catalog.site.title.as_deref(), Some("Examples"));
}

#[test]
fn errors_name_file_and_line_and_nothing_is_written() {
    let dir = scratch("errors");
    write(&dir, "good.md", GOOD);
    let bad = write(
        &dir,
        "bad.md",
        "---\ntitle: Beta\nyear: 2002\ndirectors: [B]\ngenres: [Drama]\nrating: 4.3\nraiting: 4\n---\nBody.\n",
    );
    let out = dir.join("dataset.json");
    let run = marquee(&["import", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!run.status.success());
    let text = stderr(&run);
    assert!(text.contains(&format!("{}:6: error: rating: 4.3 is not a multiple of 0.5", bad.display())), "{text}");
    assert!(
        text.contains(&format!("{}:7: warning: raiting: unknown field, did you mean \"rating\"?", bad.display())),
        "{text}"
    );
    assert!(text.contains("nothing written"), "{text}");
    assert!(!out.exists(), "nothing is written when the input has errors");

    let run = marquee(&["import", dir.to_str().unwrap(), "-o", out.to_str().unwrap(), "--allow-errors"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let loaded = marquee_core::load_dataset(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(loaded.catalog.reviews.len(), 1, "the valid review is written");
}

#[test]
fn duplicate_ids_across_files_name_the_first_use() {
    let dir = scratch("duplicates");
    let first = write(&dir, "a.md", GOOD);
    let second = write(&dir, "b.md", GOOD);
    let run = marquee(&["validate", dir.to_str().unwrap()]);
    assert!(!run.status.success());
    let expected =
        format!("{}:2: error: id: \"alpha-2001\" is already used by {}:2", second.display(), first.display());
    assert!(stderr(&run).contains(&expected), "{}", stderr(&run));
}

#[test]
fn validate_exits_zero_on_warnings_only_and_speaks_json() {
    let dir = scratch("warnings");
    write(&dir, "a.md", &GOOD.replace("rating: 4", "rating: 4\ncolour: red"));
    let run = marquee(&["validate", dir.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("1 valid review, 0 errors, 1 warning"));
    let run = marquee(&["validate", dir.to_str().unwrap(), "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON on stdout");
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(findings[0]["line"], 7);
    assert_eq!(findings[0]["path"], "colour");
    assert!(findings[0]["file"].as_str().unwrap().ends_with("a.md"));
}

#[test]
fn validate_a_dataset_file_with_json_paths() {
    let run = marquee(&["validate", repo("assets/collection.json").to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let dir = scratch("dataset");
    let bad = write(
        &dir,
        "d.json",
        r#"{"format":"marquee/1","reviews":[{"id":"x","title":"X","year":1800,"directors":["A"],"genres":["G"],"rating":3,"body":"b"}]}"#,
    );
    let run = marquee(&["validate", bad.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("error: reviews[0].year: 1800 is out of range (1870 to 2100)"), "{}", stderr(&run));
    let broken = write(&dir, "broken.json", "{\n  \"reviews\": [,]\n}");
    let run = marquee(&["validate", broken.to_str().unwrap()]);
    assert!(
        stderr(&run).contains(&format!("{}:2: error: the dataset is not valid JSON", broken.display())),
        "{}",
        stderr(&run)
    );
}

#[test]
fn missing_genres_are_a_warning_and_can_be_given_on_the_command_line() {
    let dir = scratch("genres");
    let file = write(&dir, "a.md", &GOOD.replace("genres: [Drama]\n", ""));
    let run = marquee(&["validate", dir.to_str().unwrap()]);
    assert!(run.status.success(), "a missing fact is no error: {}", stderr(&run));
    let lacks = format!("{}:2: warning: genres: not given", file.display());
    assert!(stderr(&run).contains(&lacks), "{}", stderr(&run));
    let run = marquee(&["validate", dir.to_str().unwrap(), "--genre", "Documentary"]);
    assert!(run.status.success() && !stderr(&run).contains("genres"), "{}", stderr(&run));
}

#[test]
fn every_command_has_help() {
    for args in [&["--help"][..], &["import", "--help"], &["validate", "--help"]] {
        let run = marquee(args);
        assert!(run.status.success());
        assert!(String::from_utf8_lossy(&run.stdout).contains("Usage: marquee"));
    }
}

#[test]
fn imports_plain_text_blog_posts_and_says_which_lack_genres() {
    let posts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blog-posts");
    let dir = scratch("blog");
    let out = dir.join("dataset.json");
    let run = marquee(&["import", posts.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "Gregory's Girl has no genre line, which is no error: {}", stderr(&run));
    let missing = format!("{}:1: warning: genres: not given", posts.join("gregorys-girl.txt").display());
    assert!(stderr(&run).contains(&missing), "{}", stderr(&run));

    let run = marquee(&["import", posts.to_str().unwrap(), "-o", out.to_str().unwrap(), "--genre", "Comedy"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let loaded = marquee_core::load_dataset(&std::fs::read(&out).unwrap()).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let hero = loaded.catalog.get("local-hero-1983").expect("Local Hero");
    assert_eq!(strs(hero.directors()), ["Bill Forsyth"]);
    assert_eq!(strs(hero.cast()), ["Peter Riegert", "Burt Lancaster", "Denis Lawson", "Fulton Mackay"]);
    assert_eq!(strs(hero.genres()), ["Comedy", "Drama"], "its own genre line wins over --genre");
    assert_eq!(hero.runtime_minutes, Some(111));
    assert_eq!(hero.rating.map(marquee_core::Rating::words).as_deref(), Some("4½ stars"));
    assert_eq!(hero.home_release.map(|d| d.to_string()).as_deref(), Some("2019-06-03"));
    assert!(hero.body().text().unwrap_or_default().starts_with("An oil company"));
    assert!(
        hero.body().text().unwrap_or_default().contains("Burt Lancaster's astronomy-mad tycoon"),
        "curly apostrophes straightened"
    );
    assert!(
        !hero.body().text().unwrap_or_default().contains("Leave")
            && !hero.body().text().unwrap_or_default().contains("Twitter"),
        "blog furniture dropped"
    );
    assert!(!hero.body().text().unwrap_or_default().contains("out on DVD"), "the release sentence became home_release");
    let gregory = loaded.catalog.get("gregorys-girl-1980").expect("Gregory's Girl");
    assert_eq!(strs(gregory.genres()), ["Comedy"]);
    assert_eq!(gregory.rating.map(marquee_core::Rating::words).as_deref(), Some("3½ stars"));
    assert_eq!(gregory.runtime_minutes, Some(91));
    assert_eq!(gregory.title(), "Gregory's Girl");
}

/// A list of names as plain strings, to compare with a literal.
fn strs(names: &[marquee_core::Name]) -> Vec<&str> {
    names.iter().map(|n| &**n).collect()
}
