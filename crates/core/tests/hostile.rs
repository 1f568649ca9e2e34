//! The hostile-input corpus (tests/hostile, from generate.mjs): every valid
//! record loads, every invalid one is reported, nothing panics, and whole
//! documents that cannot load fail with one clear error.

use marquee_core::engine::Engine;
use marquee_core::personal::Personal;
use marquee_core::query::Query;
use marquee_core::{load_dataset, markdown, DatasetError};
use std::collections::BTreeSet;

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/hostile/").to_string() + name)
        .expect("the corpus file")
}

#[test]
fn valid_records_load_and_each_invalid_record_is_reported() {
    let expected: serde_json::Value = serde_json::from_slice(&corpus("expected.json")).unwrap();
    let loaded = load_dataset(&corpus("records.json")).expect("the corpus is a dataset");
    assert_eq!(loaded.catalog.reviews.len() as u64, expected["valid"].as_u64().unwrap());
    let rejected: BTreeSet<&str> =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.path.split(']').next().unwrap_or("")).collect();
    assert_eq!(rejected.len() as u64, expected["invalid"].as_u64().unwrap(), "{:#?}", loaded.diagnostics);
    assert!(loaded.diagnostics.iter().all(|d| d.message.chars().count() < 300), "messages quote input briefly");
    // Lone surrogate escapes are repaired with a warning that gives the line and column.
    let warnings: Vec<&str> = loaded.diagnostics.iter().filter(|d| !d.is_error()).map(|d| d.path.as_str()).collect();
    assert_eq!(warnings.len() as u64, expected["warnings"].as_u64().unwrap(), "{warnings:?}");
    assert!(warnings.iter().all(|p| p.starts_with("line 1, column ")), "{warnings:?}");
    let lone = loaded.catalog.reviews.iter().find(|r| r.title.starts_with("Lone high")).expect("the record loads");
    assert_eq!(lone.title, "Lone high \u{FFFD} surrogate");
    // The site title's script is just text: it is a valid string.
    assert!(loaded.catalog.site.title.as_deref().unwrap().starts_with("<script>"));

    // Rendering and querying every valid record must not panic.
    for review in &loaded.catalog.reviews {
        let blocks = markdown::parse(&review.body);
        let _ = markdown::first_paragraph_text(&blocks);
        let _ = review.excerpt();
    }
    let engine = Engine::new(loaded.catalog);
    for text in ["script", "<img", "javascript", "&lt;", "\u{202E}"] {
        let _ = engine.run(&Query { text: text.into(), ..Query::default() }, &Personal::default());
    }
}

#[test]
fn markdown_links_in_the_corpus_are_never_anything_but_http() {
    let loaded = load_dataset(&corpus("records.json")).unwrap();
    fn links(inlines: &[markdown::Inline], out: &mut Vec<String>) {
        for i in inlines {
            match i {
                markdown::Inline::Link { href, content } => {
                    out.push(href.clone());
                    links(content, out);
                }
                markdown::Inline::Emphasis(c) | markdown::Inline::Strong(c) | markdown::Inline::Spoiler(c) => {
                    links(c, out)
                }
                markdown::Inline::Text(_) => {}
            }
        }
    }
    fn blocks(bs: &[markdown::Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                markdown::Block::Paragraph(c) | markdown::Block::Heading { content: c, .. } => links(c, out),
                markdown::Block::Quote(inner) | markdown::Block::Spoiler { blocks: inner, .. } => blocks(inner, out),
                markdown::Block::List { items, .. } => items.iter().for_each(|i| links(i, out)),
            }
        }
    }
    let mut hrefs = Vec::new();
    for review in &loaded.catalog.reviews {
        blocks(&markdown::parse(&review.body), &mut hrefs);
    }
    assert!(!hrefs.is_empty(), "the corpus has a valid link");
    for href in hrefs {
        assert!(href.starts_with("https://") || href.starts_with("http://"), "{href}");
        assert!(!href.contains(['"', '<', '>']), "{href}");
    }
}

#[test]
fn documents_that_cannot_load_give_one_clear_error() {
    match load_dataset(&corpus("deep-nesting.json")) {
        Err(DatasetError::Syntax { line, column, message }) => {
            assert_eq!(line, 1);
            assert!(column > 0);
            assert!(message.contains("recursion limit"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let err = load_dataset(&corpus("not-a-dataset.json")).unwrap_err().to_string();
    assert!(err.contains("expected a JSON object"), "{err}");
}
