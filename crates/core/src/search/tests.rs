use super::*;

fn review(id: &str, title: &str, people: &[&str], body: &str) -> Review {
    crate::model::ReviewParts {
        directors: people.iter().map(|p| crate::Name::from(*p)).collect(),
        body: body.into(),
        ..crate::model::test_parts(id, title, 2000)
    }
    .into()
}

fn hits(index: &SearchIndex, q: &str) -> Vec<usize> {
    let scores = index.scores(q).expect("the query has words");
    let mut hits: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] > 0).collect();
    hits.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
    hits
}

#[test]
fn accent_and_case_insensitive_both_ways() {
    let index = SearchIndex::build(&[
        review("a", "Rust and Bone", &["Jacques Audiard"], "Stéphanie trains orcas."),
        review("b", "Other", &["Someone"], "Nothing here."),
    ]);
    assert_eq!(hits(&index, "stephanie"), [0]);
    assert_eq!(hits(&index, "STÉPHANIE"), [0]);
    assert_eq!(hits(&index, "audiard"), [0]);
    assert_eq!(hits(&index, "Audiard"), [0]);
}

#[test]
fn matches_word_prefixes_while_typing() {
    let index = SearchIndex::build(&[review("a", "Rust and Bone", &["Jacques Audiard"], "")]);
    for typed in ["a", "au", "aud", "audi", "audiar", "audiard"] {
        assert_eq!(hits(&index, typed), [0], "{typed}");
    }
    assert!(hits(&index, "audiardx").is_empty());
    assert!(hits(&index, "udiard").is_empty(), "matches start at word starts");
}

#[test]
fn all_words_must_match() {
    let index = SearchIndex::build(&[
        review("a", "Rust and Bone", &["Jacques Audiard"], ""),
        review("b", "A Prophet", &["Jacques Audiard"], ""),
    ]);
    assert_eq!(hits(&index, "audiard rust"), [0]);
    assert_eq!(hits(&index, "audiard").len(), 2);
    assert!(hits(&index, "audiard nothing").is_empty());
}

#[test]
fn title_hits_rank_above_people_and_body_hits() {
    let index = SearchIndex::build(&[
        review("body", "Something", &["X"], "A story about a prophet."),
        review("title", "A Prophet", &["Y"], "Prison drama."),
        review("person", "Else", &["Prophet Jones"], "Unrelated."),
    ]);
    assert_eq!(hits(&index, "prophet"), [1, 2, 0]);
}

#[test]
fn a_word_in_several_fields_of_a_review_counts_in_its_strongest() {
    let index = SearchIndex::build(&[
        review("person", "Else", &["Rain Jones"], "Unrelated."),
        review("title", "Rain", &["Y"], "The rain falls, and the rain stays."),
    ]);
    assert_eq!(hits(&index, "rain"), [1, 0]);
}

#[test]
fn exact_words_rank_above_prefixes_in_the_same_field() {
    let index = SearchIndex::build(&[review("a", "Bones", &["X"], ""), review("b", "Bone", &["Y"], "")]);
    assert_eq!(hits(&index, "bone"), [1, 0]);
}

#[test]
fn a_query_without_words_matches_everything() {
    let index = SearchIndex::build(&[review("a", "T", &["X"], "")]);
    assert!(index.scores("").is_none());
    assert!(index.scores("  ?! ").is_none());
}
