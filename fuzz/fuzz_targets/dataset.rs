//! Any bytes as a dataset (single-file or card index), as a binary card index
//! (with and without its magic in front) and as a body chunk: parse, validate,
//! build the engine, run a query and render every excerpt.
//! A panic anywhere here is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marquee_core::engine::Engine;
use marquee_core::personal::Personal;
use marquee_core::query::Query;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(bodies) = marquee_core::validate::read_bodies(bytes) {
        assert!(bodies.values().all(|b| !b.contains('\0')));
    }
    let mut binary = marquee_core::cards_bin::MAGIC.to_vec();
    binary.extend_from_slice(bytes);
    for candidate in [bytes, &binary[..]] {
        if let Ok(loaded) = marquee_core::cards_bin::decode(candidate) {
            let engine = Engine::new(loaded.catalog);
            let _ = engine.run(&Query { text: "a".into(), ..Query::default() }, &Personal::default());
        }
    }
    let Ok(loaded) = marquee_core::load_dataset(bytes) else { return };
    for review in &loaded.catalog.reviews {
        let _ = review.excerpt();
    }
    let engine = Engine::new(loaded.catalog);
    let query = Query { text: "a".into(), ..Query::default() };
    let _ = engine.run(&query, &Personal::default());
});
