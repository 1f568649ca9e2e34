//! Property tests: whatever the input, loading never panics, and what loads is valid.

use super::super::*;
use crate::text::is_slug;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// JSON-ish text built from the pieces datasets are made of, hostile ones included.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\\ud800".to_string()),
        Just("\\udfff".to_string()),
        Just("\"format\":\"marquee/1\"".to_string()),
        Just("\"reviews\":".to_string()),
        Just("\"rating\":4.5".to_string()),
        Just("\"genres\":[\"Drama\"]".to_string()),
        Just("null".to_string()),
        Just("1e999".to_string()),
        "[a-z ]{0,6}".prop_map(|s| format!("\"{s}\"")),
        any::<i64>().prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn review_value() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        Just(Value::Null),
        any::<String>().prop_map(Value::String),
        any::<f64>().prop_map(|f| serde_json::json!(f))
    ];
    (
        proptest::option::of("[a-z0-9-]{0,12}"),
        proptest::option::of(any::<String>()),
        proptest::option::of(1800u32..2200),
        proptest::option::of(-2.0f64..7.0),
        proptest::collection::vec(any::<String>(), 0..3),
        text,
    )
        .prop_map(|(id, title, year, rating, genres, body)| {
            let mut map = Map::new();
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    map.insert(k.to_string(), v);
                }
            };
            put("id", id.map(Value::String));
            put("title", title.map(Value::String));
            put("year", year.map(|y| serde_json::json!(y)));
            put("rating", rating.map(|r| serde_json::json!((r * 2.0).round() / 2.0)));
            put("genres", Some(serde_json::json!(genres)));
            put("directors", Some(serde_json::json!(["Someone"])));
            put("body", Some(body));
            Value::Object(map)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any bytes: a result or a located error, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = load_dataset(&bytes);
    }

    /// Near-JSON text: errors name a line and column inside the document.
    #[test]
    fn near_json_fails_with_a_place_inside_the_document(text in jsonish()) {
        if let Err(DatasetError::Syntax { line, column, .. }) = load_dataset(text.as_bytes()) {
            prop_assert!(line >= 1 && line <= text.lines().count().max(1));
            prop_assert!(column <= text.len() + 1);
        }
    }

    /// Review-shaped values: every record is either loaded or named by an error, and
    /// what loads obeys the documented limits.
    #[test]
    fn every_record_loads_or_is_named(reviews in proptest::collection::vec(review_value(), 0..8)) {
        let doc = serde_json::json!({ "format": FORMAT_V1, "reviews": reviews }).to_string();
        let loaded = load_dataset(doc.as_bytes()).expect("the shape is a dataset");
        for (i, _) in reviews.iter().enumerate() {
            let named = loaded.diagnostics.iter().any(|d| d.is_error() && d.path.starts_with(&format!("reviews[{i}]")));
            let id = reviews[i].get("id").and_then(Value::as_str);
            let kept = id.is_some_and(|id| loaded.catalog.reviews.iter().any(|r| *r.id() == *id));
            prop_assert!(named || kept, "reviews[{}] vanished: {:?}", i, loaded.diagnostics);
        }
        for r in &loaded.catalog.reviews {
            prop_assert!(is_slug(r.id()));
            prop_assert!(r.title().chars().count() <= limits::TITLE_CHARS && !r.title().trim().is_empty());
            prop_assert!((limits::YEAR_MIN..=limits::YEAR_MAX).contains(&r.year));
            prop_assert!(r.genres().len() <= limits::GENRES);
        }
    }

    /// Lone surrogate escapes are warned about at places inside the document.
    #[test]
    fn lone_surrogate_warnings_point_inside_the_document(text in jsonish()) {
        if let Ok(parsed) = json::parse(text.as_bytes()) {
            for (line, column) in parsed.lone_surrogates {
                let line_text = text.lines().nth(line - 1).unwrap_or_default();
                prop_assert_eq!(line_text.chars().nth(column - 1), Some('\\'));
            }
        }
    }
}
