//! Text folding for search, sorting and matching: lower case, accents removed,
//! split into words.
//!
//! Folding covers Latin script (Latin-1, Latin Extended-A and common Extended-B
//! letters), which is what film titles and names in a Western-language review
//! site mostly use; other scripts are lower-cased and kept as they are.
//!
//! ```
//! use marquee_core::text::fold;
//! assert_eq!(fold("Stéphanie Ménochet"), "stephanie menochet");
//! assert_eq!(fold("Œuvre ß Łódź"), "oeuvre ss lodz");
//! ```

/// Lower-cases `s` and removes diacritics from Latin letters.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`. Runs of ASCII, most of any review,
/// are copied and lower-cased in place; other characters go through [`fold_char`].
pub fn fold_into(s: &str, out: &mut String) {
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
        }
        if let Some(c) = rest.chars().next() {
            fold_char(c, out);
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// Appends the folded form of one character.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' | 'Ǎ' | 'ǎ' | 'Ȁ'..='ȃ' | 'ạ' | 'ả' | 'ấ'..='ặ' => 'a',
        'Æ' | 'æ' => return out.push_str("ae"),
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ð' | 'ð' | 'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' | 'Ȅ'..='ȇ' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế'..='ệ' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' | 'Ǐ' | 'ǐ' | 'ỉ' | 'ị' => 'i',
        'Ĳ' | 'ĳ' => return out.push_str("ij"),
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' | 'ĸ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' | 'Ǒ' | 'ǒ' | 'Ơ' | 'ơ' | 'ọ'..='ợ' => 'o',
        'Œ' | 'œ' => return out.push_str("oe"),
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' | 'Ș' | 'ș' => 's',
        'ß' | 'ẞ' => return out.push_str("ss"),
        'Ţ'..='ŧ' | 'Ț' | 'ț' => 't',
        'Þ' | 'þ' => return out.push_str("th"),
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'Ư' | 'ư' | 'Ǔ'..='ǜ' | 'ụ'..='ự' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' | 'ỳ' | 'ỹ' => 'y',
        'Ź'..='ž' => 'z',
        // Typographic punctuation that people type as ASCII.
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        '\u{00A0}' => ' ',
        // Combining marks (from decomposed input) vanish.
        '\u{0300}'..='\u{036F}' => return,
        other => {
            // Upper-case letters outside the table: fold their lower-case form,
            // so that folding is idempotent ('Ỹ' → 'ỹ' → 'y').
            for lower in other.to_lowercase() {
                if lower == other {
                    out.push(lower);
                } else {
                    fold_char(lower, out);
                }
            }
            return;
        }
    };
    out.push(base);
}

/// Splits folded text into words: runs of letters and digits. An apostrophe
/// inside a word is dropped (`d'os` → `dos` and also `d`, `os`), so both forms find it.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Folds `s` and returns its words, owned.
pub fn fold_words(s: &str) -> Vec<String> {
    words(&fold(s)).map(str::to_string).collect()
}

/// The key a title sorts by: folded, with a leading "the", "a" or "an" moved out of the way.
pub fn title_sort_key(title: &str) -> String {
    let folded = fold(title.trim());
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = folded.strip_prefix(article) {
            if !rest.trim().is_empty() {
                return rest.trim_start().to_string();
            }
        }
    }
    folded
}

/// Splits `text` into runs, marking the words that a search for `query` matches
/// (a word matches when a query word is a prefix of it, ignoring case and accents).
///
/// ```
/// use marquee_core::text::highlight;
/// assert_eq!(highlight("Stéphanie trains orcas", "steph"), [("Stéphanie", true), (" trains orcas", false)]);
/// ```
pub fn highlight<'t>(text: &'t str, query: &str) -> Vec<(&'t str, bool)> {
    let query_words = fold_words(query);
    let mut out = Vec::new();
    let mut last = 0;
    if !query_words.is_empty() {
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let word = fold(&text[s..i]);
                    if query_words.iter().any(|q| word.starts_with(q.as_str())) {
                        if s > last {
                            out.push((&text[last..s], false));
                        }
                        out.push((&text[s..i], true));
                        last = i;
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }
    if last < text.len() || out.is_empty() {
        out.push((&text[last..], false));
    }
    out
}

/// Trims a string and checks its characters and length.
///
/// Single-line text may hold no control characters at all; multi-line text may
/// hold line breaks and tabs (CRLF becomes LF). Bidirectional override and
/// isolate characters are refused everywhere: they can make text display
/// differently from what it says.
pub fn clean_text(raw: &str, max_chars: usize, multiline: bool) -> Result<String, String> {
    clean_str(raw, max_chars, multiline).map(std::borrow::Cow::into_owned)
}

/// [`clean_text`], borrowing the text when it needs no change (single-line text never does,
/// beyond trimming), so that a caller who keeps it in another form copies it only once.
pub fn clean_str(raw: &str, max_chars: usize, multiline: bool) -> Result<std::borrow::Cow<'_, str>, String> {
    // Most text starts and ends with a visible ASCII character: then there is nothing to trim.
    let text = match raw.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => raw,
        _ => raw.trim(),
    };
    // One pass over the bytes, without decoding: a character is counted by its first byte,
    // and the few bytes that may start a refused character are looked at more closely.
    let bytes = text.as_bytes();
    // Printable ASCII, up to eight bytes at a time, is a character a byte, none of them refused.
    let mut count = 0;
    let mut refused = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if let Some(w) = crate::swar::word(bytes, at) {
            let plain = crate::swar::plain_bytes(crate::swar::unprintable(w));
            if plain > 0 {
                count += plain;
                at += plain;
                continue;
            }
        }
        count += usize::from(b & 0xC0 != 0x80);
        let suspect = b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2;
        if suspect && refused.is_none() && refused_at(bytes, at, multiline) {
            refused = Some((at, count));
        }
        at += 1;
    }
    if count > max_chars {
        return Err(format!("is {count} characters long; at most {max_chars} are allowed"));
    }
    if let Some((at, nth)) = refused {
        let c = text[at..].chars().next().unwrap_or_default();
        let what = if c.is_control() { "a control character" } else { "a bidirectional control character" };
        return Err(format!("contains {what} (U+{:04X}) at character {nth}", c as u32));
    }
    Ok(if multiline && text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    })
}

/// Whether the character that starts at byte `at` is refused: a control character (C0,
/// DEL, C1: U+0080 to U+009F is `C2 80` to `C2 9F`) other than a break that multi-line
/// text may hold, or a bidirectional override or isolate (U+202A to U+202E is
/// `E2 80 AA` to `E2 80 AE`, U+2066 to U+2069 is `E2 81 A6` to `E2 81 A9`).
fn refused_at(bytes: &[u8], at: usize, multiline: bool) -> bool {
    match bytes[at] {
        b'\n' | b'\r' | b'\t' => !multiline,
        0x00..=0x1F | 0x7F => true,
        0xC2 => matches!(bytes.get(at + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (bytes.get(at + 1), bytes.get(at + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    }
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An `http(s)://host…` URL, or a relative path with no scheme. Whitespace,
/// backslashes, quotes and protocol-relative `//host` forms are refused.
pub fn is_safe_image_url(url: &str) -> bool {
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || matches!(c, '\\' | '"' | '\'' | '<' | '>')) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        return rest.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty());
    }
    if url.starts_with("//") {
        return false;
    }
    // Relative: a colon before the first slash would make it a scheme.
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `clean_text` as the rule reads, character by character: what the byte-level one must equal.
    fn clean_text_by_chars(raw: &str, max_chars: usize, multiline: bool) -> Result<String, String> {
        let text = raw.trim();
        let count = text.chars().count();
        if count > max_chars {
            return Err(format!("is {count} characters long; at most {max_chars} are allowed"));
        }
        for (i, c) in text.chars().enumerate() {
            let allowed_break = multiline && matches!(c, '\n' | '\r' | '\t');
            if c.is_control() && !allowed_break {
                return Err(format!("contains a control character (U+{:04X}) at character {}", c as u32, i + 1));
            }
            if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
                let at = i + 1;
                return Err(format!(
                    "contains a bidirectional control character (U+{:04X}) at character {at}",
                    c as u32
                ));
            }
        }
        Ok(if multiline && text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_string()
        })
    }

    proptest::proptest! {
        /// Text mixing plain ASCII, spaces and breaks at the ends, every kind of control
        /// character, the bidirectional controls and their UTF-8 neighbours, and any character.
        #[test]
        fn clean_text_reads_bytes_as_the_rule_reads_characters(
            s in "([ -~]|[\n\r\t\x00\x1f\x7f\u{80}\u{85}\u{9f}\u{a0}é—\u{2028}\u{2029}\u{2069}\u{206a}\u{2065}\u{202a}\u{202e}\u{202f}\u{2029}\u{3000}]|\\PC|.){0,24}",
            max in 0usize..30,
            multiline: bool,
        ) {
            proptest::prop_assert_eq!(clean_text(&s, max, multiline), clean_text_by_chars(&s, max, multiline));
        }
    }

    #[test]
    fn clean_text_refuses_what_the_rule_refuses() {
        for (raw, multiline) in [
            ("a\u{85}b", true),
            ("é\u{9f}", false),
            ("x\u{202A}y", true),
            ("x\u{2069}", false),
            ("\u{2066}", true),
            ("tab\there", false),
            ("  Amélie\u{7f} ", false),
        ] {
            assert!(clean_text(raw, 40, multiline).is_err(), "{raw:?}");
            assert_eq!(clean_text(raw, 40, multiline), clean_text_by_chars(raw, 40, multiline), "{raw:?}");
        }
        assert_eq!(clean_text("\u{a0}Ozu\u{3000}", 40, false), Ok("Ozu".to_string()));
        assert_eq!(clean_text("line\r\nbreak\r", 40, true), Ok("line\nbreak".to_string()));
        assert_eq!(
            clean_text("Amélie Poulain", 5, false),
            Err("is 14 characters long; at most 5 are allowed".to_string())
        );
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Stéphanie"), "stephanie");
        assert_eq!(fold("AUDIARD"), "audiard");
        assert_eq!(fold("Yasujirō Ozu"), "yasujiro ozu");
        assert_eq!(fold("Pedro Almodóvar"), "pedro almodovar");
        assert_eq!(fold("Krzysztof Kieślowski"), "krzysztof kieslowski");
        assert_eq!(fold("Bergman’s"), "bergman's");
        assert_eq!(fold("Ingmar Bergman\u{0301}"), "ingmar bergman", "combining marks vanish");
        assert_eq!(fold("東京物語"), "東京物語");
    }

    proptest::proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }
    }

    #[test]
    fn splits_words() {
        let w: Vec<&str> = words("de rouille et d'os, 2012!").collect();
        assert_eq!(w, ["de", "rouille", "et", "d", "os", "2012"]);
    }

    #[test]
    fn highlights_whole_words_matching_a_prefix() {
        assert_eq!(highlight("Rust and Bone", "bo"), [("Rust and ", false), ("Bone", true)]);
        assert_eq!(
            highlight("De rouille et d'os", "ROUILLE os"),
            [("De ", false), ("rouille", true), (" et d'", false), ("os", true)]
        );
        assert_eq!(highlight("Amélie", ""), [("Amélie", false)]);
        assert_eq!(highlight("", "x"), [("", false)]);
        assert_eq!(highlight("x", "x"), [("x", true)]);
    }

    #[test]
    fn title_keys_skip_leading_articles_and_accents() {
        assert_eq!(title_sort_key("The General"), "general");
        assert_eq!(title_sort_key("A Separation"), "separation");
        assert_eq!(title_sort_key("An Education"), "education");
        assert_eq!(title_sort_key("Amélie"), "amelie");
        assert_eq!(title_sort_key("The"), "the");
        assert_eq!(title_sort_key("Theeb"), "theeb");
    }
}
