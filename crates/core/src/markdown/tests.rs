use super::*;

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn para(md: &str) -> Vec<Inline> {
    match parse(md).as_slice() {
        [Block::Paragraph(p)] => p.clone(),
        other => panic!("expected one paragraph, got {other:?}"),
    }
}

#[test]
fn paragraphs_split_on_blank_lines_and_join_single_breaks() {
    let doc = parse("One\nline.\n\n\nTwo.");
    assert_eq!(doc, [Block::Paragraph(vec![text("One line.")]), Block::Paragraph(vec![text("Two.")])]);
}

#[test]
fn emphasis_and_strong() {
    assert_eq!(para("a *b* c"), [text("a "), Inline::Emphasis(vec![text("b")]), text(" c")]);
    assert_eq!(para("_b_"), [Inline::Emphasis(vec![text("b")])]);
    assert_eq!(para("**b**"), [Inline::Strong(vec![text("b")])]);
    assert_eq!(para("*a **b** c*"), [Inline::Emphasis(vec![text("a "), Inline::Strong(vec![text("b")]), text(" c")])]);
    assert_eq!(para("snake_case_name"), [text("snake_case_name")], "intraword underscores are text");
    assert_eq!(para("2 * 3 * 4"), [text("2 * 3 * 4")], "spaced asterisks are text");
    assert_eq!(para("*unclosed"), [text("*unclosed")]);
    assert_eq!(para("\\*not\\*"), [text("*not*")]);
}

#[test]
fn links_only_for_http_and_https() {
    assert_eq!(
        para("see [the site](https://example.com/a?b=1) now"),
        [
            text("see "),
            Inline::Link { href: "https://example.com/a?b=1".into(), content: vec![text("the site")] },
            text(" now")
        ]
    );
    for bad in
        ["javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:x", "//evil.com", "/relative", "vbscript:x", "https://"]
    {
        assert_eq!(para(&format!("[click]({bad})")), [text("click")], "{bad}");
    }
    assert_eq!(
        para("[a [b](https://x.y) c](https://z.w)")[0],
        Inline::Link { href: "https://z.w".into(), content: vec![text("a "), text("b"), text(" c")] }
    );
    assert_eq!(para("[no url]"), [text("[no url]")]);
}

#[test]
fn html_is_always_text() {
    assert_eq!(para("<script>alert(1)</script>"), [text("<script>alert(1)</script>")]);
    assert_eq!(para("<img src=x onerror=alert(1)>"), [text("<img src=x onerror=alert(1)>")]);
}

#[test]
fn quotes_lists_and_headings() {
    let doc = parse("> quoted\n> more\n\n- one\n- two\n  continued\n\n1. first\n2) second\n\n## Title *here*");
    assert_eq!(doc[0], Block::Quote(vec![Block::Paragraph(vec![text("quoted more")])]));
    assert_eq!(doc[1], Block::List { ordered: false, items: vec![vec![text("one")], vec![text("two continued")]] });
    assert_eq!(doc[2], Block::List { ordered: true, items: vec![vec![text("first")], vec![text("second")]] });
    assert_eq!(
        doc[3],
        Block::Heading { level: 2, content: vec![text("Title "), Inline::Emphasis(vec![text("here")])] }
    );
    assert_eq!(parse("#hashtag"), [Block::Paragraph(vec![text("#hashtag")])]);
}

#[test]
fn spoiler_passages_and_phrases() {
    let doc = parse("Before.\n:::spoiler The ending\nHe *lives*.\n\nTwice.\n:::\nAfter ||the twist|| here.");
    assert_eq!(doc[0], Block::Paragraph(vec![text("Before.")]));
    assert_eq!(
        doc[1],
        Block::Spoiler {
            label: Some("The ending".into()),
            blocks: vec![
                Block::Paragraph(vec![text("He "), Inline::Emphasis(vec![text("lives")]), text(".")]),
                Block::Paragraph(vec![text("Twice.")]),
            ],
        }
    );
    assert_eq!(
        doc[2],
        Block::Paragraph(vec![text("After "), Inline::Spoiler(vec![text("the twist")]), text(" here.")])
    );
}

#[test]
fn an_unclosed_spoiler_hides_the_rest_rather_than_revealing_it() {
    let doc = parse(":::spoiler\nsecret\n\nmore secret");
    assert_eq!(doc.len(), 1);
    assert!(matches!(&doc[0], Block::Spoiler { blocks, .. } if blocks.len() == 2));
}

#[test]
fn the_first_paragraph_leaves_spoilers_out() {
    let doc = parse(":::spoiler\nsecret\n:::\n\nShe ||dies|| at the end.");
    assert_eq!(first_paragraph_text(&doc).as_deref(), Some("She … at the end."));
}

#[test]
fn deep_nesting_is_bounded_and_becomes_text() {
    let deep = ">".repeat(10_000) + " x";
    let doc = parse(&deep);
    let mut depth = 0;
    let mut block = &doc[0];
    while let Block::Quote(inner) = block {
        depth += 1;
        block = &inner[0];
    }
    assert_eq!(depth, MAX_DEPTH);
    let spans = "*".repeat(50_000) + "x" + &"*".repeat(50_000);
    // These must finish (no stack overflow, no panic); their speed is the fuzzer's and benchmark's business.
    let _ = parse(&spans);
    let brackets = "[".repeat(100_000);
    let _ = parse(&brackets);
    let underscores = "_a ".repeat(50_000);
    let _ = parse(&underscores);
}

mod properties {
    use super::super::html::{to_html, Spoilers};
    use super::super::*;
    use proptest::prelude::*;

    /// Markdown built from the syntax's own markers and hostile HTML, so that
    /// nesting, unclosed spans and links come up often.
    fn markdownish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("*"),
            Just("**"),
            Just("_"),
            Just("||"),
            Just("["),
            Just("]"),
            Just("("),
            Just(")"),
            Just("](https://example.com/a?b=1&c=2)"),
            Just("](javascript:alert(1))"),
            Just("\n"),
            Just("\n\n"),
            Just("> "),
            Just("- "),
            Just("1. "),
            Just("## "),
            Just(":::spoiler end\n"),
            Just(":::\n"),
            Just("\\"),
            Just("<script>alert(1)</script>"),
            Just("<img src=x onerror=alert(1)>"),
            Just("&amp;"),
            Just("\"'"),
            Just("word "),
            Just("é"),
            Just("\u{202E}"),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    /// Tags are the renderer's own, with its own attributes, and balanced.
    fn tags_balance(html: &str) -> bool {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            let Some(len) = rest[start..].find('>') else { return false };
            let tag = &rest[start + 1..start + len];
            let name = tag.trim_start_matches('/').split([' ', '>']).next().unwrap_or("");
            const OWN: &[&str] =
                &["p", "h2", "h3", "blockquote", "ul", "ol", "li", "em", "strong", "a", "details", "summary", "span"];
            if !OWN.contains(&name) {
                return false;
            }
            // Attributes: only the renderer's own.
            let mut attributes = tag.split(' ').skip(1).map(|a| a.split('=').next().unwrap_or(""));
            if attributes.any(|a| !["href", "class", "tabindex"].contains(&a)) {
                return false;
            }
            if tag.starts_with('/') {
                if stack.pop() != Some(name) {
                    return false;
                }
            } else {
                stack.push(name);
            }
            rest = &rest[start + len + 1..];
        }
        stack.is_empty()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        /// The renderer's output only ever has its own tags, balanced, with no
        /// script, event handler or non-web link, whatever the input.
        #[test]
        fn html_is_balanced_and_inert(source in markdownish()) {
            for mode in [Spoilers::Conceal, Spoilers::Omit] {
                let html = to_html(&parse(&source), mode);
                prop_assert!(tags_balance(&html), "unbalanced: {}", html);
                let lower = html.to_ascii_lowercase();
                prop_assert!(!lower.contains("<script") && !lower.contains("<img"), "{}", html);
                prop_assert!(lower.matches("href=\"").count() == lower.matches("href=\"https://").count(), "{}", html);
            }
        }

        /// Any text at all parses, and its first paragraph is plain text without markers' HTML.
        #[test]
        fn any_text_parses(source in any::<String>()) {
            let blocks = parse(&source);
            let _ = first_paragraph_text(&blocks);
            prop_assert!(tags_balance(&to_html(&blocks, Spoilers::Conceal)));
        }

        /// Plain words come through unchanged, in order.
        #[test]
        fn plain_words_survive(words in proptest::collection::vec("[a-zA-Z]{1,8}", 1..20)) {
            let source = words.join(" ");
            prop_assert_eq!(first_paragraph_text(&parse(&source)), Some(source));
        }
    }
}
