use super::*;
use proptest::prelude::*;

fn value(text: &str) -> Value<'_> {
    parse(text.as_bytes()).unwrap().value
}

fn error(text: &str) -> SyntaxError {
    parse(text.as_bytes()).unwrap_err()
}

#[test]
fn reads_every_kind_of_value() {
    let doc = value(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": ""} "#);
    assert_eq!(doc.get("e").and_then(Value::as_str), Some(""));
    assert_eq!(doc.get("b").and_then(|b| b.get("c")).and_then(Value::as_str), Some("d"));
    let a = doc.get("a").and_then(Value::as_array).unwrap();
    assert_eq!(a[0].as_number().and_then(Number::whole), Some(1));
    assert_eq!(a[1].as_number().and_then(Number::whole), Some(-2500));
    assert_eq!(&a[2..], [Value::Bool(true), Value::Bool(false), Value::Null]);
}

#[test]
fn strings_without_escapes_are_borrowed() {
    let Value::Array(items) = value(r#"["plain", "with \"escapes\" \u00e9 \ud83c\udfac"]"#) else { panic!() };
    assert!(matches!(&items[0], Value::String(Cow::Borrowed("plain"))));
    assert_eq!(items[1].as_str(), Some("with \"escapes\" é 🎬"));
}

#[test]
fn lone_surrogates_read_as_the_replacement_character_and_are_located() {
    let parsed = parse(b"[\n  \"a\\ud800b\", \"\\udc00\"]").unwrap();
    assert_eq!(parsed.value.as_array().unwrap()[0].as_str(), Some("a\u{FFFD}b"));
    assert_eq!(parsed.value.as_array().unwrap()[1].as_str(), Some("\u{FFFD}"));
    assert_eq!(parsed.lone_surrogates, [(2, 5), (2, 16)]);
}

#[test]
fn syntax_errors_say_what_and_where() {
    let cases = [
        ("{\n  \"a\": [,]\n}", 2, 9, "expected a value"),
        ("[1, 2", 1, 6, "the document ends inside a list"),
        ("[1 2]", 1, 4, "expected `,` or `]`"),
        ("[1,]", 1, 4, "trailing comma"),
        ("{\"a\" 1}", 1, 6, "expected `:`"),
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("{a: 1}", 1, 2, "expected a key in double quotes"),
        ("\"tab\there\"", 1, 5, "a control character"),
        ("\"\\x\"", 1, 2, "an unknown escape"),
        ("\"\\u12\"", 1, 2, "four hex digits"),
        ("01", 1, 1, "may not start with 0"),
        ("1.", 1, 3, "after its decimal point"),
        ("-", 1, 2, "a number needs digits"),
        ("{} x", 1, 4, "after the end of the document"),
        ("", 1, 1, "the document ends where a value should be"),
        ("tru", 1, 1, "expected a value"),
        ("\"é\" é", 1, 5, "after the end"),
    ];
    for (text, line, column, message) in cases {
        let e = error(text);
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e:?}");
        assert!(e.message.contains(message), "{text:?}: {e:?}");
    }
    let e = parse(b"[\"\xff\"]").unwrap_err();
    assert_eq!((e.line, e.column, e.message), (1, 3, "the file is not UTF-8 text"));
}

#[test]
fn nesting_has_a_limit() {
    let deep = "[".repeat(200);
    assert_eq!(error(&deep).message, "recursion limit exceeded");
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(parse(fine.as_bytes()).is_ok());
}

#[test]
fn a_byte_order_mark_is_skipped() {
    assert_eq!(value("\u{FEFF}[]"), Value::Array(Vec::new()));
}

#[test]
fn a_key_given_twice_means_its_last_value() {
    let Value::Object(mut map) = value(r#"{"a": 1, "b": 2, "a": 3}"#) else { panic!() };
    assert_eq!(map.get("a").and_then(Value::as_number).and_then(Number::whole), Some(3));
    assert_eq!(map.remove("a").and_then(|v| v.as_number().and_then(Number::whole)), Some(3));
    assert_eq!(map.keys().collect::<Vec<_>>(), ["b"]);
}

#[test]
fn numbers_are_read_exactly() {
    let n = |text: &str| Number(Cow::Owned(text.to_string()));
    assert_eq!(n("1994").whole(), Some(1994));
    assert_eq!(n("1994.0").whole(), Some(1994));
    assert_eq!(n("1.994e3").whole(), Some(1994));
    assert_eq!(n("19940E-1").whole(), Some(1994));
    assert_eq!(n("-0").whole(), Some(0));
    assert_eq!(n("0.0e99999").whole(), Some(0));
    assert_eq!(n("1994.5").whole(), None);
    assert_eq!(n("1e16").whole(), None, "past 10^15");
    assert_eq!(n("1e99999").whole(), None);
    assert_eq!(n("3.5").times(2), Some(7));
    assert_eq!(n("0.5").times(2), Some(1));
    assert_eq!(n("4.50").times(2), Some(9));
    assert_eq!(n("3.3").times(2), None);
    assert_eq!(n("0.25").times(2), None);
    assert_eq!(n("0.05e1").times(2), Some(1));
    assert!(n("3.3").times_within(2, 1, 10));
    assert!(n("0.5").times_within(2, 1, 10));
    assert!(n("5").times_within(2, 1, 10));
    assert!(!n("5.01").times_within(2, 1, 10));
    assert!(!n("0.49").times_within(2, 1, 10));
    assert!(!n("-3").times_within(2, 1, 10));
    assert!(!n("1e400").times_within(2, 1, 10));
    assert!(!n("1e-400").times_within(2, 1, 10));
}

#[test]
fn the_writer_escapes_what_json_needs() {
    let mut out = String::new();
    write_string(&mut out, "a \"quote\", a \\ and\na line\u{1}, é");
    assert_eq!(out, r#""a \"quote\", a \\ and\na line\u0001, é""#);
    assert_eq!(value(&out).as_str(), Some("a \"quote\", a \\ and\na line\u{1}, é"));
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        (-1e6f64..1e6).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Whatever serde_json writes, this reads back to the same value.
    #[test]
    fn reads_what_serde_json_writes(doc in any_json()) {
        for text in [doc.to_string(), serde_json::to_string_pretty(&doc).unwrap()] {
            prop_assert_eq!(parse(text.as_bytes()).unwrap().value, Value::from(doc.clone()));
        }
    }

    /// Plain whole numbers take a short cut, which answers as the exact reading does.
    #[test]
    fn whole_numbers_read_at_once_as_exactly(digits in "[0-9]{1,18}", k in 1u8..=3) {
        let n = Number(Cow::Owned(digits));
        prop_assert_eq!(n.times(k), n.times_exact(k));
    }

    /// Any bytes: a value or an error inside the document, never a panic, and the same
    /// verdict as serde_json (which refuses lone surrogates, where this reads U+FFFD).
    #[test]
    fn agrees_with_serde_json_on_any_bytes(bytes in proptest::collection::vec(
        prop_oneof![Just(b'['), Just(b']'), Just(b'{'), Just(b'}'), Just(b'"'), Just(b','), Just(b':'),
            Just(b'\\'), Just(b'u'), Just(b'1'), Just(b'.'), Just(b'e'), Just(b'-'), Just(b' '), Just(b'\n'),
            Just(b'n'), any::<u8>()], 0..40)) {
        let ours = parse(&bytes);
        if let Err(e) = &ours {
            prop_assert!(e.line >= 1 && e.line <= 1 + bytes.iter().filter(|&&b| b == b'\n').count());
        }
        let has_bom = bytes.starts_with("\u{FEFF}".as_bytes());
        let has_lone = ours.as_ref().is_ok_and(|p| !p.lone_surrogates.is_empty());
        let theirs = serde_json::from_slice::<serde_json::Value>(&bytes);
        // serde_json refuses numbers past f64's range, which this reads as text.
        let out_of_range = theirs.as_ref().is_err_and(|e| e.to_string().contains("out of range"));
        if !has_bom && !has_lone && !out_of_range {
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", String::from_utf8_lossy(&bytes));
        }
    }
}
