//! Criterion benchmarks of the engine at 1k, 10k and 100k synthetic reviews:
//! parse + validate, engine and search-index build, one keystroke (query + all facet counts), and
//! a sort change. Run with `cargo bench -p marquee-core` (see the README).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use marquee_core::engine::Engine;
use marquee_core::personal::Personal;
use marquee_core::query::{Query, Sort, SortKey};
use marquee_core::search::SearchIndex;
use marquee_core::{load_dataset, synth, Rating};
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn bench(c: &mut Criterion) {
    let me = Personal::default();
    for n in SIZES {
        let catalog = synth::generate(n, 42);
        let json = synth::to_json(&catalog);
        let mut group = c.benchmark_group(format!("{n} reviews"));
        group.sample_size(if n >= 100_000 { 10 } else { 30 });
        group.measurement_time(Duration::from_secs(if n >= 100_000 { 8 } else { 4 }));

        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function("parse + validate", |b| {
            b.iter(|| load_dataset(black_box(json.as_bytes())).map(|l| l.catalog.reviews.len()));
        });
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function("engine build (facets, sort keys)", |b| {
            b.iter_batched(|| catalog.clone(), Engine::new, criterion::BatchSize::LargeInput);
        });
        group.bench_function("search index build", |b| {
            b.iter(|| SearchIndex::build(black_box(&catalog.reviews)).vocabulary());
        });

        let engine = Engine::new(catalog.clone());
        engine.warm_search();
        // A reader typing "the sil" with two genres and a minimum rating set:
        // the query, the sort and every facet count, as one keystroke costs.
        let keystroke = Query {
            text: "the sil".into(),
            genres: vec!["drama".into(), "romance".into()],
            min_rating: Rating::from_halves(6),
            ..Query::default()
        };
        group.bench_function(BenchmarkId::new("keystroke: query + facets", "text+2 genres+rating"), |b| {
            b.iter(|| engine.run(black_box(&keystroke), &me).order.len());
        });
        let browse = Query { genres: vec!["drama".into()], ..Query::default() };
        group.bench_function(BenchmarkId::new("keystroke: query + facets", "genre only"), |b| {
            b.iter(|| engine.run(black_box(&browse), &me).order.len());
        });
        // A sort change: the first use of an order sorts every review once.
        group.bench_function("sort change (first use)", |b| {
            b.iter_batched(
                || Engine::new(catalog.clone()),
                |fresh| {
                    fresh
                        .run(&Query { sort: Some(Sort::new(SortKey::Title, false)), ..Query::default() }, &me)
                        .order
                        .len()
                },
                criterion::BatchSize::LargeInput,
            );
        });
        let sorted = Query { sort: Some(Sort::new(SortKey::Rating, true)), ..browse.clone() };
        engine.run(&sorted, &me);
        group.bench_function("sort change (cached order)", |b| {
            b.iter(|| engine.run(black_box(&sorted), &me).order.len());
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
