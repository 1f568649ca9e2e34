//! The bundled collection (`assets/collection.json`) must load with no diagnostics
//! and cover every filter.

use marquee_core::engine::Engine;
use marquee_core::personal::Personal;
use marquee_core::query::Query;
use marquee_core::{load_dataset, Date, Rating};
use std::collections::BTreeSet;

fn bundled() -> marquee_core::Loaded {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/collection.json");
    let bytes = std::fs::read(path).expect("the bundled collection exists");
    load_dataset(&bytes).expect("the bundled collection is a dataset")
}

#[test]
fn loads_with_zero_diagnostics() {
    let loaded = bundled();
    let shown: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{shown:#?}");
    assert!(loaded.catalog.reviews.len() >= 60, "at least 60 films");
}

#[test]
fn rust_and_bone_has_its_facts() {
    let loaded = bundled();
    let r = loaded.catalog.get("rust-and-bone-2012").expect("Rust and Bone is bundled");
    assert_eq!(r.title(), "Rust and Bone");
    assert_eq!(r.original_title(), Some("De rouille et d'os"));
    assert_eq!(r.year, 2012);
    assert_eq!(strs(r.directors()), ["Jacques Audiard"]);
    assert_eq!(
        strs(r.cast()),
        ["Matthias Schoenaerts", "Marion Cotillard", "Armand Verdure", "Corinne Masiero", "Bouli Lanners"]
    );
    assert_eq!(r.runtime_minutes, Some(120));
    assert_eq!(strs(r.countries()), ["France", "Belgium"]);
    assert_eq!(strs(r.genres()), ["Drama", "Romance"]);
    assert_eq!(r.rating, Rating::from_halves(8));
    assert_eq!(r.home_release, Date::new(2013, 2, 25));
}

#[test]
fn spreads_across_every_filter() {
    let loaded = bundled();
    let reviews = &loaded.catalog.reviews;
    let decades: BTreeSet<u16> = reviews.iter().map(|r| r.year / 10 * 10).collect();
    assert!((1920..=2020).step_by(10).all(|d| decades.contains(&d)), "every decade from the 1920s: {decades:?}");
    let ratings: BTreeSet<u8> = reviews.iter().filter_map(|r| r.rating.map(Rating::halves)).collect();
    assert_eq!(ratings.len(), 10, "every rating from ½ to 5 occurs: {ratings:?}");
    let genres: BTreeSet<&str> = reviews.iter().flat_map(|r| r.genres().iter().map(|n| &**n)).collect();
    assert!(genres.len() >= 12, "{genres:?}");
    let countries: BTreeSet<&str> = reviews.iter().flat_map(|r| r.countries().iter().map(|n| &**n)).collect();
    assert!(countries.len() >= 10, "{countries:?}");
    let runtimes: Vec<u16> = reviews.iter().filter_map(|r| r.runtime_minutes).collect();
    assert!(runtimes.iter().any(|&m| m < 90) && runtimes.iter().any(|&m| m >= 150));
    let spoilers = reviews.iter().filter(|r| r.body().text().unwrap_or_default().contains(":::spoiler")).count();
    assert!(spoilers >= 5, "some reviews mark spoilers");
    for r in reviews {
        let paragraphs = r
            .body()
            .text()
            .unwrap_or_default()
            .split("\n\n")
            .filter(|p| !p.trim().is_empty() && !p.starts_with(":::"))
            .count();
        assert!((2..=5).contains(&paragraphs), "{}: {paragraphs} paragraphs", r.id());
    }
}

#[test]
fn the_search_examples_work_on_the_bundled_collection() {
    let engine = Engine::new(bundled().catalog);
    let me = Personal::default();
    let titles = |text: &str| -> Vec<String> {
        let q = Query { text: text.into(), ..Query::default() };
        engine.run(&q, &me).order.iter().map(|&i| engine.reviews()[i as usize].title().to_string()).collect()
    };
    // "stephanie" finds Stéphanie (in the Rust and Bone review), "audiard" finds Audiard.
    assert!(titles("stephanie").contains(&"Rust and Bone".to_string()));
    let audiard = titles("audiard");
    assert!(
        audiard.contains(&"Rust and Bone".to_string()) && audiard.contains(&"A Prophet".to_string()),
        "{audiard:?}"
    );
}

/// A list of names as plain strings, to compare with a literal.
fn strs(names: &[marquee_core::Name]) -> Vec<&str> {
    names.iter().map(|n| &**n).collect()
}
