use super::*;
use crate::engine::Engine;
use crate::personal::Personal;

fn facets_for(q: &Query) -> Facets {
    let engine = Engine::new(crate::synth::generate(200, 5));
    engine.run(q, &Personal::default()).facets
}

#[test]
fn counts_read_in_words() {
    assert_eq!(count_label(0), "0 reviews");
    assert_eq!(count_label(1), "1 review");
    assert_eq!(count_label(2), "2 reviews");
}

#[test]
fn rating_choices_count_what_each_minimum_leaves_and_mark_the_chosen_one() {
    let q = Query { min_rating: Rating::from_halves(7), ..Query::default() };
    let facets = facets_for(&q);
    let choices = min_rating_choices(&q, &facets);
    assert_eq!(choices.len(), 11);
    assert_eq!(choices[0].text(), format!("Any rating ({})", facets.min_rating[0]));
    assert_eq!(choices[7].text(), format!("3½ stars or more ({})", facets.min_rating[7]));
    assert_eq!((choices[7].label.as_str(), choices[7].count), ("3½ stars or more", Some(facets.min_rating[7])));
    assert_eq!(choices.iter().filter(|c| c.selected).map(|c| c.value.as_str()).collect::<Vec<_>>(), ["7"]);
    assert_eq!(min_rating_of("7"), Rating::from_halves(7));
    assert_eq!(min_rating_of(""), None);
    assert_eq!(min_rating_of("11"), None);
}

#[test]
fn runtime_choices_name_the_bands_and_keep_a_shared_links_own_range() {
    let facets = facets_for(&Query::default());
    let labels: Vec<String> = runtime_choices(&Query::default(), &facets).iter().map(Choice::text).collect();
    assert_eq!(labels[0], "Any length");
    assert!(labels[1].starts_with("Under 90 minutes ("), "{labels:?}");
    assert!(labels[2].starts_with("90–119 minutes ("), "{labels:?}");
    assert!(labels[4].starts_with("150 minutes or more ("), "{labels:?}");
    assert_eq!(labels.len(), 5);
    let odd = Query { runtime_min: Some(100), runtime_max: Some(130), ..Query::default() };
    let choices = runtime_choices(&odd, &facets);
    let last = choices.last().unwrap();
    assert_eq!((last.value.as_str(), last.label.as_str(), last.selected), ("100-130", "100–130 minutes", true));
    assert_eq!(runtime_of("90-119"), (Some(90), Some(119)));
    assert_eq!(runtime_of("1-89"), (None, Some(89)), "the open ends are no bound");
    assert_eq!(runtime_of("150-1000"), (Some(150), None));
    assert_eq!(runtime_of(""), (None, None));
}

#[test]
fn mine_choices_follow_the_query() {
    let q = Query { mine: Some(Mine::Watchlist), ..Query::default() };
    let choices = mine_choices(&q, &facets_for(&q));
    let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["All films", "Rated by you", "Not rated by you", "On your watchlist"]);
    assert!(choices[3].selected && !choices[0].selected);
}

#[test]
fn each_active_filter_is_a_chip_whose_query_drops_only_it() {
    let q = Query {
        genres: vec!["drama".into(), "western".into()],
        genre_mode: GenreMode::All,
        min_rating: Rating::from_halves(8),
        year_from: Some(1950),
        runtime_max: Some(119),
        person: Some("Audiard".into()),
        mine: Some(Mine::Rated),
        text: "  whale ".into(),
        ..Query::default()
    };
    let facets = facets_for(&q);
    let chips = chips(&q, &facets);
    let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Drama",
            "Western",
            "All genres must match",
            "4 stars or more",
            "From 1950",
            "1–119 minutes",
            "With “Audiard”",
            "Rated by you",
            "“whale”"
        ]
    );
    assert_eq!(chips[0].without.genres, ["western"]);
    assert_eq!(chips[2].without.genre_mode, GenreMode::Any);
    assert_eq!(chips[8].without, Query { text: String::new(), ..q });
    assert!(super::chips(&Query::default(), &facets).is_empty());
}

#[test]
fn the_filter_button_counts_the_filters_on_but_not_the_search() {
    assert_eq!(filters_label(&Query::default()), "Filters");
    let q = Query {
        genres: vec!["drama".into(), "western".into()],
        year_from: Some(1950),
        year_to: Some(1959),
        text: "whale".into(),
        ..Query::default()
    };
    assert_eq!(active_filter_count(&q), 3, "two genres and one year range");
    assert_eq!(filters_label(&q), "Filters · 3");
}
