use super::*;
use serde_json::json;

const POST: &str = "\u{feff}Rust and Bone (2012)\r\n\r\nJacques Audiard\u{2019}s new film is a love story with bruises.\r\nIt moves between Antibes and a marine park.\r\n\r\nMarion Cotillard is \u{201C}extraordinary\u{201D}.\r\n\r\nRust and Bone is out on DVD and blu-ray on 25th February 2013.\r\n\r\nDirector: Jacques Audiard\r\nStars: Matthias Schoenaerts, Marion Cotillard,\u{00A0}Armand Verdure\r\nRunning time: 120min\r\nCountry: France/Belgium\r\nCertificate: 15\r\nFilm Rating: \u{2605}\u{2605}\u{2605}\u{2605}\u{2606}\r\n\r\nLeave A Reply\r\nYour email address will not be published.\r\n";

#[test]
fn parses_a_whole_post() {
    let parsed = parse(POST).unwrap();
    let f = &parsed.fields;
    assert_eq!(f["title"], json!("Rust and Bone"));
    assert_eq!(f["year"], json!(2012));
    assert_eq!(f["directors"], json!(["Jacques Audiard"]));
    assert_eq!(f["cast"], json!(["Matthias Schoenaerts", "Marion Cotillard", "Armand Verdure"]));
    assert_eq!(f["runtime_minutes"], json!(120));
    assert_eq!(f["countries"], json!(["France", "Belgium"]));
    assert_eq!(f["rating"], json!(4.0));
    assert_eq!(f["home_release"], json!("2013-02-25"));
    assert_eq!(
        f["body"],
        json!("Jacques Audiard's new film is a love story with bruises.\nIt moves between Antibes and a marine park.\n\nMarion Cotillard is \"extraordinary\".")
    );
    assert!(!f.contains_key("genres"), "genres are not guessed");
    assert_eq!(parsed.lines["rating"], 15);
    assert_eq!(parsed.lines["countries"], 13);
    assert_eq!(parsed.body_line, 3);
}

#[test]
fn runtimes_in_every_spelling() {
    for (text, minutes) in [
        ("120min", 120),
        ("120 min", 120),
        ("120 minutes", 120),
        ("2h", 120),
        ("2 hrs 10 mins", 130),
        ("1h45", 105),
        ("1h 45m", 105),
        ("98 mins.", 98),
    ] {
        assert_eq!(runtime(text), Some(minutes), "{text}");
    }
    assert_eq!(runtime("long"), None);
}

#[test]
fn ratings_in_every_spelling() {
    for (text, expected) in [
        ("★★★★☆", 4.0),
        ("★★★½", 3.5),
        ("★★★⯪☆", 3.5),
        ("½", 0.5),
        ("3.5/5", 3.5),
        ("8/10", 4.0),
        ("4 stars", 4.0),
        ("3½", 3.5),
        ("****", 4.0),
    ] {
        assert_eq!(stars(text), Some(expected), "{text}");
    }
    assert_eq!(stars("great"), None);
}

#[test]
fn dates_in_several_forms() {
    assert_eq!(date("on 25th february 2013."), Some("2013-02-25".into()));
    assert_eq!(date("February 3, 2014"), Some("2014-02-03".into()));
    assert_eq!(date("1 Sept 2020"), Some("2020-09-01".into()));
    assert_eq!(date("sometime soon"), None);
}

#[test]
fn a_bad_first_line_is_an_error_on_that_line() {
    let e = parse("\n\nRust and Bone\nText.").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("Title (Year)"));
}

#[test]
fn an_unreadable_rating_is_kept_for_validation_to_report() {
    let parsed = parse("X (2001)\n\nText.\n\nFilm Rating: superb\n").unwrap();
    assert_eq!(parsed.fields["rating"], json!("superb"));
}
