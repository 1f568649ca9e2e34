//! Sort orders, surprise picks, previous/next, and a split dataset's search.

use super::*;

#[test]
fn sorts_both_ways_with_missing_values_last_and_stable_ties() {
    let e = Engine::new(catalog());
    let by = |key, descending| ids(&e, &Query { sort: Some(Sort::new(key, descending)), ..q() });
    assert_eq!(
        by(SortKey::Title, false),
        ["amelie", "general", "prophet", "room", "rust", "tokyo"],
        "ignores The/A and accents"
    );
    assert_eq!(by(SortKey::Title, true), ["tokyo", "rust", "room", "prophet", "general", "amelie"]);
    assert_eq!(by(SortKey::Rating, true), ["general", "tokyo", "prophet", "rust", "amelie", "room"], "ties by title");
    assert_eq!(
        by(SortKey::Rating, false),
        ["room", "amelie", "rust", "prophet", "general", "tokyo"],
        "ties by title both ways"
    );
    assert_eq!(by(SortKey::Year, false), ["general", "tokyo", "amelie", "room", "prophet", "rust"]);
    assert_eq!(by(SortKey::Runtime, false), ["general", "room", "rust", "tokyo", "prophet", "amelie"]);
    assert_eq!(
        by(SortKey::Runtime, true),
        ["prophet", "tokyo", "rust", "room", "general", "amelie"],
        "no runtime: last both ways"
    );
    assert_eq!(by(SortKey::Reviewed, false), ["amelie", "prophet", "rust", "room", "general", "tokyo"]);
}

#[test]
fn titles_that_sort_alike_share_a_rank_and_fall_back_to_year_then_id() {
    let mut c = catalog();
    // "The Rust and Bone" sorts as "rust and bone", like "Rust and Bone" (2012).
    let mut twin = c.reviews[0].clone();
    twin.edit(|p| (p.id, p.title, p.year) = ("rust-remake".into(), "The Rust and Bone".into(), 2030));
    let mut older = c.reviews[0].clone();
    older.edit(|p| (p.id, p.title, p.year) = ("rust-older".into(), "RUST AND BONE".into(), 2012));
    c.reviews.extend([twin, older]);
    let ranks = order::title_ranks(&c.reviews);
    assert_eq!(ranks[0], ranks[6]);
    assert_eq!(ranks[0], ranks[7]);
    assert!(c.reviews.iter().zip(&ranks).all(|(r, &rank)| r.id().starts_with("rust") == (rank == ranks[0])));
    let e = Engine::new(c);
    let by_title = ids(&e, &Query { sort: Some(Sort::new(SortKey::Title, false)), ..q() });
    assert_eq!(by_title, ["amelie", "general", "prophet", "room", "rust", "rust-older", "rust-remake", "tokyo"]);
}

#[test]
fn surprise_pick_is_deterministic_and_within_results() {
    let results = [3u32, 7, 9];
    let first = Engine::pick(&results, 42);
    assert_eq!(first, Engine::pick(&results, 42));
    assert!(results.contains(&first.unwrap()));
    assert_eq!(Engine::pick(&[], 42), None);
    let picks: std::collections::BTreeSet<u32> = (0..50).filter_map(|s| Engine::pick(&results, s)).collect();
    assert_eq!(picks.len(), 3, "different seeds reach every result");
}

#[test]
fn a_split_dataset_searches_excerpts_then_the_full_text_through_the_shards_its_words_need() {
    use crate::search::shards::{BodyIndex, Manifest};
    // In the default order, as the split writes it, so that review numbers agree.
    let mut full = crate::split::in_default_order(&crate::synth::generate(30, 5));
    full.reviews[7].set_body("Opening words.\n\nLater the zeppelin crashes.".into());
    full.reviews[7].edit(|p| p.summary = None);
    let files = crate::split::split(&full, 1024);
    let index = crate::load_dataset(files.cards.as_bytes()).unwrap();
    assert_eq!(index.search.as_deref(), Some(files.search.manifest_name.as_str()));
    let engine = Engine::new(index.catalog);
    let search = |text: &str| engine.run(&Query { text: text.into(), ..Query::default() }, &Personal::default()).order;
    assert!(engine.needs_bodies());
    assert_eq!(engine.body(7), None);
    assert_eq!(search("opening"), [7], "the excerpt is searched");
    assert!(search("zeppelin").is_empty(), "the rest of the body is not there yet");

    // Small shards, so that a query needs only some of them.
    let published = crate::search::shards::build(&full.reviews, 512);
    let manifest = Manifest::read(published.manifest.as_bytes()).unwrap();
    assert!(!engine.set_body_index(BodyIndex::new(Manifest { docs: 29, ..manifest.clone() })), "another index");
    assert!(engine.set_body_index(BodyIndex::new(manifest)));
    let shards = engine.body_index().unwrap();
    assert!(search("zeppelin").is_empty(), "its shard has not arrived");
    let needed = shards.missing("the zeppelin");
    assert!(!needed.is_empty() && needed.len() < published.shards.len(), "{needed:?}");
    for &i in &needed {
        assert!(shards.add(i, &published.shards[i].bytes).unwrap());
    }
    assert!(shards.missing("zeppelin the").is_empty());
    assert_eq!(search("zeppelin"), [7]);
    assert_eq!(search("zepp"), [7], "a prefix matches as it does on cards");

    // Bodies, given for reading, do not change what search finds.
    let mut bodies = crate::validate::Bodies::default();
    for chunk in &files.chunks {
        bodies.extend(crate::validate::read_bodies(chunk.json.as_bytes()).unwrap());
    }
    assert!(engine.set_bodies(bodies.clone()));
    assert!(!engine.set_bodies(bodies), "bodies are given once");
    assert!(!engine.needs_bodies());
    assert_eq!(engine.body(7), Some("Opening words.\n\nLater the zeppelin crashes."));
    assert_eq!(search("zeppelin"), [7]);

    let whole = Engine::new(full);
    assert!(!whole.needs_bodies());
    assert_eq!(whole.body(7), Some("Opening words.\n\nLater the zeppelin crashes."));
    assert_eq!(whole.run(&Query { text: "zeppelin".into(), ..Query::default() }, &Personal::default()).order, [7]);
}

#[test]
fn the_default_order_function_is_the_engines_default_order() {
    let catalog = crate::synth::generate(300, 21);
    let engine = Engine::new(catalog.clone());
    let run = engine.run(&Query::default(), &Personal::default());
    assert_eq!(default_order(&catalog.reviews), run.order);
}

#[test]
fn neighbours_are_the_reviews_around_one_in_the_results() {
    let engine = Engine::new(crate::synth::generate(50, 8));
    let me = Personal::default();
    let order = engine.run(&Query::default(), &me).order;
    let middle = order[10] as usize;
    assert_eq!(engine.neighbours(&Query::default(), &me, middle), (Some(order[9]), Some(order[11])));
    assert_eq!(engine.neighbours(&Query::default(), &me, order[0] as usize), (None, Some(order[1])));
    // A text query with the relevance sort but no text means the default order.
    let by_title = Query { sort: Some(Sort::new(SortKey::Title, false)), ..Query::default() };
    let titles = engine.run(&by_title, &me).order;
    assert_eq!(engine.neighbours(&by_title, &me, titles[3] as usize), (Some(titles[2]), Some(titles[4])));
    let filtered = Query { min_rating: Rating::from_halves(8), ..Query::default() };
    let kept = engine.run(&filtered, &me).order;
    assert_eq!(engine.neighbours(&filtered, &me, kept[1] as usize), (Some(kept[0]), kept.get(2).copied()));
    let outside = order.iter().find(|i| !kept.contains(i)).unwrap();
    assert_eq!(engine.neighbours(&filtered, &me, *outside as usize), (None, None), "not in the results");
}

#[test]
fn reviews_without_genres_countries_or_a_rating_are_counted_honestly() {
    let mut catalog = crate::synth::generate(30, 4);
    for r in &mut catalog.reviews[..3] {
        r.edit(|p| p.genres = Vec::new());
        r.edit(|p| p.countries = Vec::new());
        r.rating = None;
    }
    let engine = Engine::new(catalog);
    let me = Personal::default();
    let all = engine.run(&Query::default(), &me);
    let not_given = all.facets.genres.last().unwrap();
    assert_eq!((not_given.key.as_str(), not_given.label.as_str(), not_given.count), ("~", "Not given", 3));
    assert_eq!(all.facets.countries.last().unwrap().count, 3);
    assert_eq!(all.facets.min_rating[0], 30, "\"Any rating\" counts them");
    assert_eq!(all.facets.min_rating[1], 27, "a minimum leaves them out");
    // Choosing "Not given" finds them.
    let q = Query { genres: vec!["~".into()], ..Query::default() };
    let mut found = engine.run(&q, &me).order;
    found.sort_unstable();
    assert_eq!(found, [0, 1, 2]);
    let by_rating = Query { sort: Some(Sort::new(SortKey::Rating, true)), ..Query::default() };
    let order = engine.run(&by_rating, &me).order;
    assert!(order[27..].iter().all(|&i| i < 3), "unrated reviews sort last: {order:?}");
    let by_rating = Query { sort: Some(Sort::new(SortKey::Rating, false)), ..Query::default() };
    assert!(engine.run(&by_rating, &me).order[27..].iter().all(|&i| i < 3), "last both ways");
}
