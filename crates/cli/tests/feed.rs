//! `marquee build`'s feed and sitemap, parsed back with an XML parser (quick-xml), as a feed
//! reader and a crawler would.
#![allow(clippy::unwrap_used)]

mod common;

use common::site::{build, scratch, select, EVIL};
use common::stderr;
use scraper::Html;
use serde::Deserialize;

#[derive(Deserialize)]
struct Feed {
    title: String,
    subtitle: String,
    id: String,
    updated: String,
    author: Person,
    link: Vec<Link>,
    #[serde(rename = "entry")]
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Person {
    name: String,
}

#[derive(Deserialize)]
struct Link {
    #[serde(rename = "@href")]
    href: String,
    #[serde(rename = "@rel")]
    rel: String,
}

#[derive(Deserialize)]
struct Entry {
    title: String,
    id: String,
    updated: String,
    published: String,
    link: Link,
    summary: String,
    content: Content,
    category: Vec<Category>,
}

#[derive(Deserialize)]
struct Content {
    #[serde(rename = "@type")]
    kind: String,
    #[serde(rename = "$text")]
    text: String,
}

#[derive(Deserialize)]
struct Category {
    #[serde(rename = "@term")]
    term: String,
}

/// Reads every event, so that any malformed XML fails the test.
fn well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}\n{xml}", reader.buffer_position()),
        }
    }
}

#[test]
fn the_feed_and_sitemap_parse_back() {
    let dir = scratch("feed");
    let run = build(&dir, &["--base-url", "https://ann.example/marquee/"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let xml = std::fs::read_to_string(dir.join("dist/feed.xml")).unwrap();
    well_formed(&xml);
    let feed: Feed = quick_xml::de::from_str(&xml).expect("an Atom feed");
    assert_eq!(feed.title, "Ann's <Reviews>");
    assert_eq!(feed.subtitle, "Films & more");
    assert_eq!(feed.id, "https://ann.example/marquee/");
    assert_eq!(feed.author.name, "Ann");
    assert_eq!(feed.updated, "2023-05-01T00:00:00Z", "the newest review's date");
    assert!(feed.link.iter().any(|l| l.rel == "self" && l.href == "https://ann.example/marquee/feed.xml"));
    assert_eq!(feed.entries.len(), 2);
    let evil = &feed.entries[0];
    assert_eq!(evil.title, format!("{EVIL} (1999): 3½ stars"));
    assert_eq!(evil.id, "https://ann.example/marquee/reviews/evil-1999");
    assert_eq!(evil.link.href, evil.id);
    assert_eq!((evil.published.as_str(), evil.updated.as_str()), ("2023-05-01T00:00:00Z", "2023-05-01T00:00:00Z"));
    assert_eq!(evil.summary, "First <i>paragraph</i> with a link.");
    assert_eq!(evil.category[0].term, "Drama");
    assert_eq!(evil.content.kind, "html");
    // The content is HTML once unescaped: escaped markup, no spoilers.
    let content = Html::parse_fragment(&evil.content.text);
    assert!(select(&content, "script").is_empty() && select(&content, "i").is_empty(), "{}", evil.content.text);
    assert!(!evil.content.text.contains("twist") && !evil.content.text.contains("dies"), "{}", evil.content.text);
    // An undated review is dated by SOURCE_DATE_EPOCH (2023-11-14).
    assert_eq!(feed.entries[1].updated, "2023-11-14T00:00:00Z");

    let sitemap = std::fs::read_to_string(dir.join("dist/sitemap.xml")).unwrap();
    well_formed(&sitemap);
    #[derive(Deserialize)]
    struct UrlSet {
        url: Vec<Url>,
    }
    #[derive(Deserialize)]
    struct Url {
        loc: String,
        lastmod: Option<String>,
    }
    let set: UrlSet = quick_xml::de::from_str(&sitemap).expect("a sitemap");
    let locs: Vec<(&str, Option<&str>)> = set.url.iter().map(|u| (u.loc.as_str(), u.lastmod.as_deref())).collect();
    assert_eq!(
        locs,
        [
            ("https://ann.example/marquee/", None),
            ("https://ann.example/marquee/reviews/evil-1999", Some("2023-05-01")),
            ("https://ann.example/marquee/reviews/plain-2001", None),
        ]
    );
}
