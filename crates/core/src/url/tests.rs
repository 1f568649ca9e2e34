use super::*;
use crate::query::{GenreMode, Mine, Sort, SortKey};
use proptest::prelude::*;

#[test]
fn the_default_query_is_the_empty_string() {
    assert_eq!(encode(&Query::default()), "");
    assert_eq!(decode(""), Query::default());
    assert_eq!(decode("?"), Query::default());
}

#[test]
fn readable_compact_form() {
    let q = decode("?genre=Romance&genre=drama&min=3.5&q=audiard&sort=-rating");
    assert_eq!(q.genres, ["drama", "romance"]);
    assert_eq!(encode(&q), "?genre=drama&genre=romance&min=3.5&q=audiard&sort=-rating");
    let full = decode("?genre=science+fiction&genres=all&from=1990&to=1999&country=france&runtime=90-120&person=Audiard&mine=watchlist&q=rust+bone&sort=title&pick=7");
    assert_eq!(full.genres, ["science fiction"]);
    assert_eq!(full.genre_mode, GenreMode::All);
    assert_eq!((full.year_from, full.year_to), (Some(1990), Some(1999)));
    assert_eq!((full.runtime_min, full.runtime_max), (Some(90), Some(120)));
    assert_eq!(full.person.as_deref(), Some("audiard"));
    assert_eq!(full.mine, Some(Mine::Watchlist));
    assert_eq!(full.text, "rust bone");
    assert_eq!(full.sort, Some(Sort::new(SortKey::Title, false)));
    assert_eq!(full.pick, Some(7));
    assert_eq!(
        encode(&full),
        "?genre=science+fiction&genres=all&from=1990&to=1999&country=france&runtime=90-120&person=audiard&mine=watchlist&q=rust+bone&sort=title&pick=7"
    );
}

#[test]
fn open_runtime_ranges() {
    let q = decode("runtime=-95");
    assert_eq!((q.runtime_min, q.runtime_max), (None, Some(95)));
    assert_eq!(encode(&q), "?runtime=-95");
    assert_eq!(decode("runtime=150-").runtime_min, Some(150));
}

#[test]
fn unknown_and_garbled_parameters_are_ignored() {
    let q = decode("?utm_source=x&min=4.3&min=&from=abc&to=99999&sort=-bogus&mine=yours&pick=-1&runtime=x-y&genres=some&%%%&=&&q=%E2%28%A1&genre=");
    assert_eq!(q.min_rating, None, "4.3 is not a half step and the last min is empty");
    assert_eq!(q.year_from, None);
    assert_eq!(q.year_to, None);
    assert_eq!(q.sort, None);
    assert_eq!(q.mine, None);
    assert_eq!(q.pick, None);
    assert_eq!((q.runtime_min, q.runtime_max), (None, None));
    assert_eq!(q.genre_mode, GenreMode::Any);
    assert!(q.genres.is_empty(), "an empty genre is dropped");
    assert_eq!(q.text, "\u{FFFD}(\u{FFFD}", "invalid UTF-8 is replaced, not a panic");
}

#[test]
fn the_default_sort_for_the_text_is_not_written() {
    assert_eq!(encode(&decode("sort=-reviewed")), "");
    assert_eq!(encode(&decode("q=x&sort=-relevance")), "?q=x");
    assert_eq!(encode(&decode("q=x&sort=-reviewed")), "?q=x&sort=-reviewed");
}

#[test]
fn reversed_ranges_are_swapped() {
    let q = decode("from=2000&to=1990&runtime=150-90");
    assert_eq!((q.year_from, q.year_to), (Some(1990), Some(2000)));
    assert_eq!((q.runtime_min, q.runtime_max), (Some(90), Some(150)));
}

#[test]
fn huge_values_are_capped() {
    let long = "a".repeat(10_000);
    assert_eq!(decode(&format!("q={long}")).text.len(), MAX_TEXT_CHARS);
    let many: Vec<String> = (0..1000).map(|i| format!("genre=g{i}")).collect();
    assert_eq!(decode(&many.join("&")).genres.len(), MAX_LIST_VALUES);
}

fn arb_sort() -> impl Strategy<Value = Option<Sort>> {
    proptest::option::of((0..SortKey::ALL.len(), any::<bool>()).prop_map(|(k, d)| Sort::new(SortKey::ALL[k], d)))
}

fn arb_query() -> impl Strategy<Value = Query> {
    let label = "\\PC{0,12}";
    (
        (proptest::collection::vec(label, 0..4), any::<bool>(), proptest::option::of(1u8..=10)),
        (proptest::option::of(1870u16..=2100), proptest::option::of(1870u16..=2100)),
        proptest::collection::vec(label, 0..3),
        (proptest::option::of(1u16..=1000), proptest::option::of(1u16..=1000)),
        proptest::option::of(label),
        proptest::option::of(0..3usize),
        "\\PC{0,30}",
        arb_sort(),
        (proptest::option::of(any::<u64>()), any::<bool>()),
    )
        .prop_map(
            |((genres, all, min), (from, to), countries, (rmin, rmax), person, mine, text, sort, (pick, posters))| {
                Query {
                    genres,
                    genre_mode: if all { GenreMode::All } else { GenreMode::Any },
                    min_rating: min.and_then(Rating::from_halves),
                    year_from: from,
                    year_to: to,
                    countries,
                    runtime_min: rmin,
                    runtime_max: rmax,
                    person,
                    mine: mine.map(|m| Mine::ALL[m]),
                    text,
                    sort,
                    pick,
                    view: if posters { View::Posters } else { View::List },
                }
                .normalized()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn round_trips_exactly(q in arb_query()) {
        let encoded = encode(&q);
        prop_assert_eq!(decode(&encoded), q, "via {}", encoded);
        prop_assert_eq!(encode(&decode(&encoded)), encoded);
    }

    #[test]
    fn decoding_anything_never_panics_and_is_stable(s in "\\PC{0,80}") {
        let q = decode(&s);
        prop_assert_eq!(decode(&encode(&q)), q);
    }

    #[test]
    fn decoding_plausible_garbage_never_panics(
        pairs in proptest::collection::vec(("(genre|genres|min|from|to|country|runtime|person|mine|q|sort|pick|x)", "[-%0-9a-zA-Z.+&=]{0,10}"), 0..8)
    ) {
        let s: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let q = decode(&s.join("&"));
        prop_assert_eq!(decode(&encode(&q)), q);
    }
}

#[test]
fn the_poster_wall_is_in_the_url_and_the_list_is_the_default() {
    let q = Query { view: View::Posters, genres: vec!["drama".into()], ..Query::default() };
    assert_eq!(encode(&q), "?genre=drama&view=posters");
    assert_eq!(decode("?view=posters").view, View::Posters);
    assert_eq!(decode("?view=list").view, View::List);
    assert_eq!(encode(&decode("?view=list")), "");
    assert!(!decode("?view=posters").is_filtered(), "a view is not a filter");
}
