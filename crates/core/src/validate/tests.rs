use super::*;
use crate::text::is_safe_image_url;
use serde_json::{json, Value};

fn review(id: &str) -> Value {
    json!({
        "id": id, "title": "Rust and Bone", "original_title": "De rouille et d'os",
        "year": 2012, "directors": ["Jacques Audiard"],
        "cast": ["Matthias Schoenaerts", "Marion Cotillard"],
        "genres": ["Drama", "Romance"], "runtime_minutes": 120,
        "countries": ["France", "Belgium"], "rating": 4,
        "body": "First paragraph.\n\nSecond.", "home_release": "2013-02-25",
        "poster": "posters/rust-and-bone.jpg"
    })
}

fn load(reviews: Vec<Value>) -> Loaded {
    let doc = json!({ "format": "marquee/1", "reviews": reviews });
    load_dataset(doc.to_string().as_bytes()).expect("dataset shape is valid")
}

fn with(id: &str, field: &str, value: Value) -> Value {
    let mut r = review(id);
    r[field] = value;
    r
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn a_valid_review_loads_with_no_diagnostics() {
    let loaded = load(vec![review("rust-and-bone-2012")]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let r = &loaded.catalog.reviews[0];
    assert_eq!(r.rating.map(crate::model::Rating::halves), Some(8));
    assert_eq!(r.home_release.map(|d| d.to_string()).as_deref(), Some("2013-02-25"));
    assert_eq!(strs(r.countries()), ["France", "Belgium"]);
}

#[test]
fn not_json_is_one_error_with_line_and_column() {
    let err = load_dataset(b"{\n  \"format\": \"marquee/1\",\n  \"reviews\": [,]\n}").unwrap_err();
    match &err {
        DatasetError::Syntax { line, column, .. } => assert_eq!((*line, *column), (3, 15)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(err.to_string().contains("line 3, column 15"), "{err}");
}

#[test]
fn wrong_top_level_shapes_are_fatal_and_named() {
    let cases: [(&[u8], &str); 5] = [
        (b"[]", "expected a JSON object"),
        (b"{\"format\":\"marquee/1\"}", "reviews: missing"),
        (b"{\"format\":\"marquee/1\",\"reviews\":{}}", "reviews: expected an array of reviews, found an object"),
        (b"{\"format\":\"marquee/9\",\"reviews\":[]}", "format: \"marquee/9\" is not supported"),
        (b"{\"format\":3,\"reviews\":[]}", "format: expected the string"),
    ];
    for (doc, expected) in cases {
        let err = load_dataset(doc).unwrap_err().to_string();
        assert!(err.contains(expected), "{err:?} should contain {expected:?}");
    }
}

#[test]
fn a_missing_format_is_a_warning_not_an_error() {
    let loaded = load_dataset(br#"{"reviews":[]}"#).unwrap();
    assert_eq!(messages(&loaded), ["format: missing; assuming \"marquee/1\""]);
}

#[test]
fn each_invalid_review_is_named_and_valid_ones_still_load() {
    let loaded = load(vec![
        review("a"),
        with("b", "rating", json!(4.3)),
        review("c"),
        with("d", "year", json!("2012")),
        json!("not a review"),
    ]);
    let ids: Vec<&str> = loaded.catalog.reviews.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(
        messages(&loaded),
        [
            "reviews[1].rating: 4.3 is not a multiple of 0.5",
            "reviews[3].year: expected a whole number, found a string",
            "reviews[4]: expected a review object, found a string",
        ]
    );
}

#[test]
fn duplicate_ids_name_the_first_use() {
    let mut reviews: Vec<Value> = (0..7).map(|i| review(&format!("film-{i}"))).collect();
    reviews[2] = review("rust-and-bone-2012");
    reviews.push(review("rust-and-bone-2012"));
    let loaded = load(reviews);
    assert_eq!(messages(&loaded), ["reviews[7].id: \"rust-and-bone-2012\" is already used by reviews[2]"]);
    assert_eq!(loaded.catalog.reviews.len(), 7);
}

#[test]
fn unknown_fields_warn_with_the_closest_known_field_and_still_load() {
    let mut r = review("a");
    r["raiting"] = json!(3);
    r["colour"] = json!("red");
    r["Directors"] = json!(["Jacques Audiard"]);
    r["YEAR"] = json!(2012);
    let loaded = load(vec![json!({}), json!({}), json!({}), json!({}), json!({}), r]);
    let warnings: Vec<String> = loaded.diagnostics.iter().filter(|d| !d.is_error()).map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "reviews[5].Directors: unknown field, did you mean \"directors\"?",
            "reviews[5].YEAR: unknown field, did you mean \"year\"?",
            "reviews[5].colour: unknown field; it is ignored",
            "reviews[5].raiting: unknown field, did you mean \"rating\"?"
        ]
    );
    assert_eq!(loaded.catalog.reviews.len(), 1);
}

#[test]
fn required_fields_are_reported_each() {
    let loaded = load(vec![json!({ "id": "x" })]);
    let got = messages(&loaded);
    for field in ["title", "year", "body"] {
        assert!(
            got.iter().any(|m| m.starts_with(&format!("reviews[0].{field}: is required"))),
            "{field} missing from {got:?}"
        );
    }
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn facts_that_imports_lack_are_warnings_and_the_review_loads() {
    let mut review = with("a", "rating", Value::Null);
    review.as_object_mut().unwrap().remove("directors");
    review.as_object_mut().unwrap().insert("genres".into(), json!([]));
    let loaded = load(vec![review]);
    assert_eq!(loaded.catalog.reviews.len(), 1, "{:?}", loaded.diagnostics);
    let r = &loaded.catalog.reviews[0];
    assert!(r.directors().is_empty() && r.genres().is_empty() && r.rating.is_none());
    let warnings: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "reviews[0].directors: not given: the review shows no director",
            "reviews[0].genres: not given: the review is counted under \"Not given\" in the genre filter",
            "reviews[0].rating: not given: the review shows no stars, and a minimum-rating filter leaves it out",
        ]
    );
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn field_rules_reject_with_precise_messages() {
    let cases = [
        ("id", json!("Rust and Bone"), "reviews[0].id: \"Rust and Bone\" is not a URL slug"),
        ("id", json!("a--b"), "not a URL slug"),
        ("title", json!("   "), "reviews[0].title: is empty"),
        ("title", json!("x".repeat(301)), "reviews[0].title: is 301 characters long; at most 300"),
        ("title", json!("Bad\u{0007}bell"), "control character (U+0007)"),
        ("title", json!("evil\u{202E}txt"), "bidirectional control character (U+202E)"),
        ("year", json!(1869), "reviews[0].year: 1869 is out of range (1870 to 2100)"),
        ("year", json!(2012.5), "2012.5 is not a whole number"),
        ("directors", json!(["Audiard", 3]), "reviews[0].directors[1]: expected a string, found a number"),
        ("genres", json!("Drama"), "reviews[0].genres: expected an array of strings, found a string"),
        ("genres", json!(vec!["g"; 100_000]), "reviews[0].genres: has 100000 entries; at most 20"),
        ("runtime_minutes", json!(0), "reviews[0].runtime_minutes: 0 is out of range (1 to 1000)"),
        ("rating", json!(0), "reviews[0].rating: 0 is out of range (0.5 to 5)"),
        ("rating", json!(5.5), "5.5 is out of range"),
        ("rating", json!("4"), "expected a number of stars from 0.5 to 5, found a string"),
        ("summary", json!("s".repeat(401)), "reviews[0].summary: is 401 characters long; at most 400"),
        (
            "home_release",
            json!("25 Feb 2013"),
            "reviews[0].home_release: \"25 Feb 2013\" is not a date in the form YYYY-MM-DD",
        ),
        ("reviewed_on", json!("2023-02-30"), "not a date"),
        (
            "poster",
            json!("javascript:alert(1)"),
            "reviews[0].poster: \"javascript:alert(1)\" is neither an http(s) URL nor a relative path",
        ),
        ("poster", json!("data:image/png;base64,AAAA"), "neither an http(s) URL"),
        ("poster", json!("//evil.example/x.png"), "neither an http(s) URL"),
        ("body", json!("b".repeat(limits::BODY_CHARS + 1)), "reviews[0].body: is 200001 characters long"),
    ];
    for (field, value, expected) in cases {
        let loaded = load(vec![with("a", field, value)]);
        let got = messages(&loaded);
        assert!(loaded.catalog.reviews.is_empty(), "{field} should reject the review");
        assert!(got.iter().any(|m| m.contains(expected)), "{got:?} should contain {expected:?}");
    }
}

#[test]
fn a_ten_megabyte_title_is_rejected_quickly_with_its_size() {
    let loaded = load(vec![with("a", "title", json!("t".repeat(10_000_000)))]);
    assert_eq!(messages(&loaded), ["reviews[0].title: is 10000000 characters long; at most 300 are allowed"]);
}

#[test]
fn strings_are_trimmed_and_line_breaks_normalised() {
    let mut r = with("a", "title", json!("  Rust and Bone \n"));
    r["body"] = json!("One.\r\n\r\nTwo.\t");
    r["genres"] = json!([" Drama ", "drama", "Romance"]);
    let loaded = load(vec![r]);
    let got = &loaded.catalog.reviews[0];
    assert_eq!(got.title(), "Rust and Bone");
    assert_eq!(got.body().text(), Some("One.\n\nTwo."));
    assert_eq!(strs(got.genres()), ["Drama", "Romance"], "case-insensitive repeats are dropped");
}

#[test]
fn repeats_are_found_by_unicode_case_too() {
    // The Kelvin sign lowercases to an ASCII `k`, and `Σ` to `σ`.
    let r = with("a", "cast", json!(["\u{212A}ira Nova", "kira nova", "Kira Nova", "ΣOFIA", "σofia", "Kiro"]));
    let loaded = load(vec![r]);
    assert_eq!(strs(loaded.catalog.reviews[0].cast()), ["\u{212A}ira Nova", "ΣOFIA", "Kiro"]);
}

#[test]
fn optional_fields_accept_null_as_absent() {
    let mut r = review("a");
    for field in [
        "original_title",
        "cast",
        "runtime_minutes",
        "countries",
        "summary",
        "reviewed_on",
        "home_release",
        "poster",
        "tags",
    ] {
        r[field] = Value::Null;
    }
    let loaded = load(vec![r]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.catalog.reviews[0].runtime_minutes, None);
}

#[test]
fn site_information_is_read_and_checked() {
    let doc = br#"{"format":"marquee/1","site":{"title":" Marquee ","autor":"me"},"reviews":[]}"#;
    let loaded = load_dataset(doc).unwrap();
    assert_eq!(loaded.catalog.site.title.as_deref(), Some("Marquee"));
    assert_eq!(messages(&loaded), ["site.autor: unknown field, did you mean \"author\"?"]);
}

#[test]
fn poster_urls() {
    for ok in [
        "https://img.example/p.jpg",
        "http://x.y/p.png?s=1",
        "posters/a.jpg",
        "./a.jpg",
        "../a.jpg",
        "/abs/a.jpg",
        "a:b/../x",
    ] {
        let expected = ok != "a:b/../x";
        assert_eq!(is_safe_image_url(ok), expected, "{ok}");
    }
    for bad in
        ["https://", "javascript:alert(1)", "JAVASCRIPT:x", "data:x", "vbscript:x", "a b.jpg", "x\\y", "//h/p", ""]
    {
        assert!(!is_safe_image_url(bad), "{bad}");
    }
}

#[test]
fn a_lone_surrogate_escape_is_replaced_and_reported_while_the_rest_loads() {
    let doc = r#"{"format":"marquee/1","reviews":[
{"id":"a","title":"Half \ud800 a pair","year":2000,"directors":["X"],"genres":["Drama"],"rating":3,"body":"b \udc00 \\ud800 \ud83c\udfac"},
{"id":"b","title":"Fine","year":2000,"directors":["X"],"genres":["Drama"],"rating":3,"body":"b"}]}"#;
    let loaded = load_dataset(doc.as_bytes()).expect("repaired, it loads");
    assert_eq!(loaded.catalog.reviews.len(), 2);
    assert_eq!(loaded.catalog.reviews[0].title(), "Half \u{FFFD} a pair");
    // The low half alone is repaired; an escaped backslash and a real pair are not touched.
    assert_eq!(loaded.catalog.reviews[0].body().text(), Some("b \u{FFFD} \\ud800 \u{1F3AC}"));
    let places: Vec<&str> = loaded.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(places, ["line 2, column 25", "line 2, column 110"]);
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn escaped_backslashes_and_whole_pairs_are_not_lone_surrogates() {
    let parsed = json::parse(br#"{"a":"\n\\u\u00e9\ud83c\udfac \\ud800"}"#).unwrap();
    assert!(parsed.lone_surrogates.is_empty());
    assert_eq!(parsed.value.get("a").and_then(json::Value::as_str), Some("\n\\u\u{e9}\u{1F3AC} \\ud800"));
    // A truncated escape at the very end is a syntax error with its place.
    assert!(matches!(load_dataset(br#"{"a":"\ud8"#), Err(DatasetError::Syntax { line: 1, column: 7, .. })));
}

mod properties;

#[test]
fn reviews_read_the_same_whatever_the_order_of_the_top_level_fields() {
    let r = review("ikiru-1952").to_string();
    let first = load_dataset(format!(r#"{{"format":"marquee/1","reviews":[{r}]}}"#).as_bytes()).unwrap();
    // Reviews before `format`: they wait until the top level is known, then read alike.
    let last = load_dataset(format!(r#"{{"reviews":[{r}],"format":"marquee/1"}}"#).as_bytes()).unwrap();
    assert_eq!(first.catalog, last.catalog);
    assert!(last.diagnostics.is_empty(), "{:?}", last.diagnostics);
    // A card index's reviews need its chunks, which may come after them.
    let card = r#"{"id":"a-1","title":"A","year":2000,"directors":["D"],"genres":["Drama"],"rating":3,"excerpt":"x","chunk":1}"#;
    let index = format!(r#"{{"reviews":[{card}],"format":"marquee-cards/1","chunks":["b-0.json","b-1.json"]}}"#);
    let loaded = load_dataset(index.as_bytes()).unwrap();
    assert_eq!(loaded.catalog.reviews.len(), 1, "{:?}", loaded.diagnostics);
    let index = format!(r#"{{"format":"marquee-cards/1","chunks":["b-0.json"],"reviews":[{card}]}}"#);
    let loaded = load_dataset(index.as_bytes()).unwrap();
    assert_eq!(messages(&loaded), ["reviews[0].chunk: 1 is out of range (0 to 0)"]);
}

#[test]
fn reviews_given_twice_is_an_error() {
    let doc = br#"{"format":"marquee/1","reviews":[],"reviews":[]}"#;
    assert_eq!(
        load_dataset(doc).unwrap_err().to_string(),
        "reviews: is given twice; a dataset has one \"reviews\" array"
    );
}

/// A list of names as plain strings, to compare with a literal.
fn strs(names: &[crate::Name]) -> Vec<&str> {
    names.iter().map(|n| &**n).collect()
}
