//! Any bytes as a dataset (single-file or card index) and as a body chunk:
//! parse, validate, build the engine, run a query and render every excerpt.
//! A panic anywhere here is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marquee_core::engine::Engine;
use marquee_core::personal::Personal;
use marquee_core::query::Query;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(bodies) = marquee_core::split::read_bodies(bytes) {
        assert!(bodies.values().all(|b| !b.contains('\0')));
    }
    let Ok(loaded) = marquee_core::load_dataset(bytes) else { return };
    for review in &loaded.catalog.reviews {
        let _ = review.excerpt();
    }
    let engine = Engine::new(loaded.catalog);
    let query = Query { text: "a".into(), ..Query::default() };
    let _ = engine.run(&query, &Personal::default());
});
