use super::*;
use crate::date::Date;
use crate::model::{Rating, ReviewParts};
use crate::personal::Rated;
use crate::query::{GenreMode, Mine, Query, Sort, SortKey};

struct R {
    id: &'static str,
    title: &'static str,
    year: u16,
    genres: &'static [&'static str],
    countries: &'static [&'static str],
    rating: u8,
    runtime: Option<u16>,
    reviewed: Option<&'static str>,
    people: &'static [&'static str],
}

fn catalog() -> Catalog {
    let rows = [
        R {
            id: "rust",
            title: "Rust and Bone",
            year: 2012,
            genres: &["Drama", "Romance"],
            countries: &["France", "Belgium"],
            rating: 8,
            runtime: Some(120),
            reviewed: Some("2013-02-20"),
            people: &["Jacques Audiard", "Marion Cotillard"],
        },
        R {
            id: "prophet",
            title: "A Prophet",
            year: 2009,
            genres: &["Crime", "Drama"],
            countries: &["France"],
            rating: 9,
            runtime: Some(155),
            reviewed: Some("2010-01-10"),
            people: &["Jacques Audiard", "Tahar Rahim"],
        },
        R {
            id: "general",
            title: "The General",
            year: 1926,
            genres: &["Comedy", "Action"],
            countries: &["United States"],
            rating: 10,
            runtime: Some(78),
            reviewed: Some("2021-06-03"),
            people: &["Buster Keaton"],
        },
        R {
            id: "tokyo",
            title: "Tokyo Story",
            year: 1953,
            genres: &["Drama"],
            countries: &["Japan"],
            rating: 10,
            runtime: Some(136),
            reviewed: None,
            people: &["Yasujirō Ozu"],
        },
        R {
            id: "amelie",
            title: "Amélie",
            year: 2001,
            genres: &["Comedy", "Romance"],
            countries: &["France"],
            rating: 7,
            runtime: None,
            reviewed: Some("2002-05-01"),
            people: &["Jean-Pierre Jeunet", "Audrey Tautou"],
        },
        R {
            id: "room",
            title: "The Room",
            year: 2003,
            genres: &["drama", "Romance"],
            countries: &["United States"],
            rating: 1,
            runtime: Some(99),
            reviewed: Some("2019-04-01"),
            people: &["Tommy Wiseau"],
        },
    ];
    let reviews = rows
        .into_iter()
        .map(|r| {
            ReviewParts {
                id: r.id.into(),
                title: r.title.into(),
                original_title: None,
                year: r.year,
                directors: r.people[..1].iter().map(|s| crate::Name::from(*s)).collect(),
                cast: r.people[1..].iter().map(|s| crate::Name::from(*s)).collect(),
                genres: r.genres.iter().map(|s| crate::Name::from(*s)).collect(),
                runtime_minutes: r.runtime,
                countries: r.countries.iter().map(|s| crate::Name::from(*s)).collect(),
                rating: Rating::from_halves(r.rating),
                summary: None,
                body: format!("A review of {}.", r.title).into(),
                reviewed_on: r.reviewed.and_then(Date::parse),
                home_release: None,
                poster: None,
                ..ReviewParts::default()
            }
            .into()
        })
        .collect();
    Catalog { site: Default::default(), reviews }
}

fn ids(engine: &Engine, q: &Query) -> Vec<&'static str> {
    ids_with(engine, q, &Personal::default())
}

fn ids_with(engine: &Engine, q: &Query, me: &Personal) -> Vec<&'static str> {
    let results = engine.run(q, me);
    results.order.iter().map(|&i| leak(engine.reviews()[i as usize].id())).collect()
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn sorted(mut v: Vec<&'static str>) -> Vec<&'static str> {
    v.sort();
    v
}

fn q() -> Query {
    Query::default()
}

#[test]
fn no_filters_returns_everything_newest_review_first_with_undated_last() {
    let e = Engine::new(catalog());
    assert_eq!(ids(&e, &q()), ["general", "room", "rust", "prophet", "amelie", "tokyo"]);
}

#[test]
fn genres_any_of_by_default_and_all_of_as_an_option_case_insensitive() {
    let e = Engine::new(catalog());
    let any = Query { genres: vec!["romance".into(), "crime".into()], ..q() };
    assert_eq!(sorted(ids(&e, &any)), ["amelie", "prophet", "room", "rust"]);
    let all = Query { genres: vec!["drama".into(), "romance".into()], genre_mode: GenreMode::All, ..q() };
    assert_eq!(sorted(ids(&e, &all)), ["room", "rust"], "\"drama\" matches \"Drama\" and \"drama\"");
}

#[test]
fn minimum_rating_in_half_stars() {
    let e = Engine::new(catalog());
    let q4 = Query { min_rating: Rating::from_halves(8), ..q() };
    assert_eq!(sorted(ids(&e, &q4)), ["general", "prophet", "rust", "tokyo"]);
    let q45 = Query { min_rating: Rating::from_halves(9), ..q() };
    assert_eq!(sorted(ids(&e, &q45)), ["general", "prophet", "tokyo"]);
}

#[test]
fn year_range_is_inclusive_and_open_ended() {
    let e = Engine::new(catalog());
    assert_eq!(
        sorted(ids(&e, &Query { year_from: Some(2001), year_to: Some(2009), ..q() })),
        ["amelie", "prophet", "room"]
    );
    assert_eq!(sorted(ids(&e, &Query { year_to: Some(1953), ..q() })), ["general", "tokyo"]);
}

#[test]
fn countries_any_of() {
    let e = Engine::new(catalog());
    let q = Query { countries: vec!["belgium".into(), "japan".into()], ..q() };
    assert_eq!(sorted(ids(&e, &q)), ["rust", "tokyo"]);
}

#[test]
fn runtime_range_excludes_films_without_a_runtime() {
    let e = Engine::new(catalog());
    assert_eq!(sorted(ids(&e, &Query { runtime_min: Some(100), runtime_max: Some(140), ..q() })), ["rust", "tokyo"]);
    assert_eq!(sorted(ids(&e, &Query { runtime_max: Some(99), ..q() })), ["general", "room"]);
}

#[test]
fn person_matches_directors_and_cast_by_word_prefix_without_accents() {
    let e = Engine::new(catalog());
    assert_eq!(sorted(ids(&e, &Query { person: Some("audiard".into()), ..q() })), ["prophet", "rust"]);
    assert_eq!(ids(&e, &Query { person: Some("marion cot".into()), ..q() }), ["rust"]);
    assert_eq!(ids(&e, &Query { person: Some("yasujiro".into()), ..q() }), ["tokyo"]);
    assert!(ids(&e, &Query { person: Some("marion rahim".into()), ..q() }).is_empty(), "words must match one person");
}

#[test]
fn the_readers_own_state_filters() {
    let e = Engine::new(catalog());
    let mut me = Personal::default();
    me.ratings.insert("rust".into(), Rated { rating: Rating::MAX, on: None });
    me.toggle_watchlist("tokyo");
    assert_eq!(ids_with(&e, &Query { mine: Some(Mine::Rated), ..q() }, &me), ["rust"]);
    assert_eq!(ids_with(&e, &Query { mine: Some(Mine::Watchlist), ..q() }, &me), ["tokyo"]);
    assert_eq!(ids_with(&e, &Query { mine: Some(Mine::Unrated), ..q() }, &me).len(), 5);
    let results = e.run(&q(), &me);
    assert_eq!(results.facets.mine, [1, 5, 1]);
}

#[test]
fn search_is_accent_insensitive_and_ranks_title_hits_first() {
    let e = Engine::new(catalog());
    assert_eq!(ids(&e, &Query { text: "amelie".into(), ..q() }), ["amelie"]);
    assert_eq!(sorted(ids(&e, &Query { text: "audiard".into(), ..q() })), ["prophet", "rust"]);
    // "room" is in The Room's title; every body says "A review of …", so the title wins.
    assert_eq!(ids(&e, &Query { text: "room".into(), ..q() }), ["room"]);
    assert_eq!(ids(&e, &Query { text: "ro".into(), ..q() })[0], "room", "prefix while typing");
}

#[test]
fn filters_combine_with_and() {
    let e = Engine::new(catalog());
    let q = Query {
        genres: vec!["drama".into()],
        countries: vec!["france".into()],
        min_rating: Rating::from_halves(8),
        text: "audiard".into(),
        year_from: Some(2010),
        ..q()
    };
    assert_eq!(ids(&e, &q), ["rust"]);
}

#[test]
fn facet_counts_ignore_their_own_filter_disjunctively() {
    let e = Engine::new(catalog());
    let q = Query { genres: vec!["crime".into()], countries: vec!["france".into()], ..q() };
    let r = e.run(&q, &Personal::default());
    assert_eq!(ids(&e, &q), ["prophet"]);
    let count = |key: &str| r.facets.genres.iter().find(|g| g.key == key).map(|g| (g.count, g.selected));
    // Genre counts apply the country filter but not the genre filter.
    assert_eq!(count("drama"), Some((2, false)), "rust and prophet are French dramas");
    assert_eq!(count("comedy"), Some((1, false)));
    assert_eq!(count("crime"), Some((1, true)));
    assert_eq!(count("action"), Some((0, false)), "zero counts are present so the UI can disable them");
    let country = |key: &str| r.facets.countries.iter().find(|c| c.key == key).map(|c| c.count);
    // Country counts apply the genre filter (crime) but not the country filter.
    assert_eq!(country("france"), Some(1));
    assert_eq!(country("japan"), Some(0));
    // The rating facet: how many would match with each minimum.
    assert_eq!(r.facets.min_rating[0], 1);
    assert_eq!(r.facets.min_rating[9], 1);
    assert_eq!(r.facets.min_rating[10], 0);
}

#[test]
fn facet_labels_keep_the_first_spelling() {
    let e = Engine::new(catalog());
    let r = e.run(&q(), &Personal::default());
    let labels: Vec<&str> = r.facets.genres.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Action", "Comedy", "Crime", "Drama", "Romance"]);
    let drama = &r.facets.genres[3];
    assert_eq!(drama.count, 4, "Drama and drama are one genre");
    assert_eq!(r.facets.decades, [(1920, 1), (1950, 1), (2000, 3), (2010, 1)]);
    assert_eq!(r.facets.runtime, [1, 1, 2, 1]);
}

#[test]
fn all_of_genre_counts_are_within_the_current_results() {
    let e = Engine::new(catalog());
    let q = Query { genres: vec!["romance".into()], genre_mode: GenreMode::All, ..q() };
    let r = e.run(&q, &Personal::default());
    let count = |key: &str| r.facets.genres.iter().find(|g| g.key == key).map(|g| g.count);
    assert_eq!(count("drama"), Some(2), "romance and drama: rust, room");
    assert_eq!(count("comedy"), Some(1));
    assert_eq!(count("crime"), Some(0));
}

#[test]
fn without_counts_say_what_each_filter_costs() {
    let e = Engine::new(catalog());
    let q = Query { genres: vec!["crime".into()], min_rating: Some(Rating::MAX), ..q() };
    let r = e.run(&q, &Personal::default());
    assert!(r.order.is_empty());
    assert_eq!(r.without, [(Group::Genre, 2), (Group::Rating, 1)]);
}

mod orders;
mod published;
