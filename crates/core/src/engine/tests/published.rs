//! A published collection's text queries, answered by its full-text shards alone.

use super::*;
use crate::search::shards::{BodyIndex, Manifest};

#[test]
fn a_published_index_answers_text_alone_and_the_search_index_is_never_built() {
    // In the default order, as the split writes it, so that review numbers agree.
    let mut full = crate::split::in_default_order(&crate::synth::generate(40, 9));
    full.reviews[3].edit(|p| p.title = "Zeppelin Nights".into());
    full.reviews[11].set_body("Opening words.\n\nLater a zeppelin crashes.".into());
    let files = crate::split::split(&full, 1024);
    let engine = Engine::new(crate::load_dataset(files.cards.as_bytes()).unwrap().catalog);
    engine.answer_text_from_published(true);
    engine.warm_search();
    let search = |text: &str| engine.run(&Query { text: text.into(), ..Query::default() }, &Personal::default()).order;
    assert!(search("zeppelin").is_empty(), "nothing yet: the manifest is on its way");
    assert_eq!(search("z").len(), 40, "a single letter searches nothing, so everything matches");

    let published = crate::search::shards::build(&full.reviews, 256);
    assert!(engine.set_body_index(BodyIndex::new(Manifest::read(published.manifest.as_bytes()).unwrap())));
    let shards = engine.body_index().unwrap();
    let fetch = |text: &str| {
        for i in shards.missing(text) {
            assert!(shards.add(i, &published.shards[i].bytes).unwrap());
        }
    };
    fetch("zeppelin");
    assert_eq!(search("zeppelin"), [3, 11], "the title's match ranks above the body's");
    assert!(search("zepp nights").is_empty(), "the shard for \"nights\" has not arrived");
    fetch("zepp nights");
    assert_eq!(search("zepp nights"), [3], "every word must match, as prefixes");
    assert!(engine.search.get().is_none(), "the search index was never built");

    // Pieces that could not be fetched: the cards are searched instead.
    engine.answer_text_from_published(false);
    assert_eq!(search("zeppelin nig"), [3]);
    assert!(engine.search.get().is_some());
}
