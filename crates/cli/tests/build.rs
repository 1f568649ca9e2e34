//! `marquee build` end to end: it runs the binary on a dataset with awkward
//! text, then parses what it wrote back with an HTML5 parser (scraper) and an
//! XML parser (quick-xml), as a browser, a crawler and a feed reader would.
#![allow(clippy::unwrap_used)]

use scraper::Html;
mod common;

use common::site::{attr, build, build_dataset, build_into_built, dataset, scratch, select, EVIL, TEMPLATE};
use common::{marquee, stderr};

#[test]
fn review_pages_parse_back_with_the_review_its_metadata_and_nothing_injected() {
    let dir = scratch("pages");
    let run = build(&dir, &["--base-url", "https://ann.example/marquee"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("2 review pages"), "{}", stderr(&run));
    let html = std::fs::read_to_string(dir.join("dist/reviews/evil-1999.html")).expect("the page");
    let doc = Html::parse_document(&html);

    let title: String = select(&doc, "title")[0].text().collect();
    assert_eq!(title, format!("{EVIL} (1999) · Ann's <Reviews>"));
    assert_eq!(select(&doc, "title").len(), 1);
    assert_eq!(attr(&doc, "link[rel=canonical]", "href"), "https://ann.example/marquee/reviews/evil-1999");
    assert_eq!(attr(&doc, "meta[property='og:title']", "content"), format!("{EVIL} (1999): 3½ stars"));
    // The poster the build made from posters/evil.jpg, shared at its largest size.
    let image = attr(&doc, "meta[property='og:image']", "content");
    let sized = image.ends_with("-320.jpg") || image.ends_with("-320.webp");
    assert!(image.starts_with("https://ann.example/marquee/posters/evil-1999-") && sized, "{image}");
    assert!(
        dir.join("dist").join(image.trim_start_matches("https://ann.example/marquee/")).is_file(),
        "{image} exists"
    );
    assert_eq!(attr(&doc, "meta[name='twitter:card']", "content"), "summary_large_image");
    assert_eq!(attr(&doc, "meta[name=description]", "content"), "First <i>paragraph</i> with a link.");
    assert_eq!(attr(&doc, "meta[http-equiv='Content-Security-Policy']", "content"), "default-src 'self'");

    // The only scripts are the template's loader and the JSON-LD.
    let scripts = select(&doc, "script");
    assert_eq!(scripts.len(), 2, "{html}");
    let ld = select(&doc, "script[type='application/ld+json']")[0].text().collect::<String>();
    let ld: serde_json::Value = serde_json::from_str(&ld).expect("JSON-LD");
    assert_eq!(ld["@type"], "Review");
    assert_eq!(ld["itemReviewed"]["name"], EVIL);
    assert_eq!(ld["itemReviewed"]["director"][0]["name"], "D. <Irector>");
    assert_eq!(ld["itemReviewed"]["duration"], "PT95M");
    assert_eq!(ld["reviewRating"]["ratingValue"], 3.5);
    assert_eq!(ld["author"]["name"], "Ann");
    assert_eq!(ld["datePublished"], "2023-05-01");

    // The app's own components drew the page: readable as HTML, links kept,
    // markup in the text shown as text, spoilers behind their buttons.
    let h1: String = select(&doc, "#marquee-app h1.review__title")[0].text().collect();
    assert_eq!(h1, EVIL);
    assert_eq!(attr(&doc, "#marquee-app .markdown a", "href"), "https://example.com/?a=1&b=2");
    let text: String = select(&doc, "#marquee-app .markdown")[0].text().collect();
    assert!(text.contains("First <i>paragraph</i>"), "{text}");
    assert!(!text.contains("Everyone") && !text.contains("a twist"), "spoilers stay hidden: {text}");
    let toggle: String = select(&doc, "#marquee-app .disclosure__toggle")[0].text().collect();
    assert_eq!(toggle, "Show spoiler: The end");
    assert_eq!(attr(&doc, "#marquee-app .disclosure__toggle", "aria-expanded"), "false");
    assert_eq!(select(&doc, "#marquee-app button.inline-spoiler").len(), 1);
    let facts: String = select(&doc, "#marquee-app dl.fact-box")[0].text().collect();
    assert!(facts.contains("D. <Irector>") && facts.contains("A & B") && facts.contains("1 h 35 min"), "{facts}");
    // Unrated, with the neighbours in the default order (newest review first).
    assert_eq!(select(&doc, "#marquee-app .rating-widget input[checked]").len(), 0);
    assert_eq!(attr(&doc, "#marquee-app a[rel=next]", "href"), "/marquee/reviews/plain-2001");
    assert!(select(&doc, "#marquee-app a[rel=prev]").is_empty());
    // The strict CSP allows no style attributes, and the app adds none before it runs.
    assert!(select(&doc, "[style]").is_empty(), "{html}");
    assert_eq!(attr(&doc, "meta[name='marquee:prerendered']", "content"), "data/cards.json");
    assert!(!html.contains("<!>"), "no hydration markers: the app takes pages over without hydrating");
}

#[test]
fn the_split_dataset_loads_back_into_the_same_reviews() {
    let dir = scratch("split");
    let run = build(&dir, &["--base-url", "https://ann.example/marquee/"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let index = marquee_core::load_dataset(&std::fs::read(dir.join("dist/data/cards.json")).unwrap()).unwrap();
    assert!(index.diagnostics.is_empty(), "{:?}", index.diagnostics);
    assert_eq!(index.catalog.site.title.as_deref(), Some("Ann's <Reviews>"));
    let original = marquee_core::load_dataset(dataset().as_bytes()).unwrap().catalog;
    for (card, full) in index.catalog.reviews.iter().zip(&original.reviews) {
        let chunk = &index.chunks[card.body().chunk().unwrap().chunk as usize];
        let bodies =
            marquee_core::validate::read_bodies(&std::fs::read(dir.join("dist/data").join(chunk)).unwrap()).unwrap();
        assert_eq!(Some(bodies[card.id()].as_str()), full.body().text());
        assert_eq!(card.excerpt(), full.excerpt());
    }
}

#[test]
fn a_large_collections_index_as_json_is_written_for_the_benchmark_only() {
    let dir = scratch("large");
    let json = marquee_core::synth::to_json(&marquee_core::synth::generate(300, 7));
    let run = build_dataset(&dir, &json, &["--base-url", "https://ann.example/marquee/"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!dir.join("dist/bench/cards.json").exists(), "a site build publishes the binary index only");
    let run = build_into_built(&dir, &["--data-only", "--base-url", "https://ann.example/marquee/"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let index = marquee_core::load_dataset(&std::fs::read(dir.join("dist/bench/cards.json")).unwrap()).unwrap();
    assert_eq!(index.catalog.reviews.len(), 300);
}

#[test]
fn nothing_is_written_when_the_dataset_has_errors_unless_allowed() {
    let dir = scratch("errors");
    std::fs::write(dir.join("dist/index.html"), TEMPLATE).unwrap();
    let bad = dataset().replace("\"rating\":5", "\"rating\":7");
    std::fs::write(dir.join("bad.json"), bad).unwrap();
    let (dist, data) = (dir.join("dist"), dir.join("bad.json"));
    let args = [
        "build",
        "--dist",
        dist.to_str().unwrap(),
        "--dataset",
        data.to_str().unwrap(),
        "--base-url",
        "https://a.example/",
    ];
    let run = marquee(&args);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("reviews[1].rating: 7"), "{}", stderr(&run));
    assert!(stderr(&run).contains("nothing written"), "{}", stderr(&run));
    assert!(!dist.join("data").exists() && !dist.join("feed.xml").exists());

    let run = marquee(&[&args[..], &["--allow-errors"]].concat());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(dist.join("reviews/evil-1999.html").exists() && !dist.join("reviews/plain-2001.html").exists());
}

#[test]
fn missing_settings_and_templates_are_explained() {
    let dir = scratch("settings");
    std::fs::write(dir.join("reviews.json"), dataset()).unwrap();
    let (dist, data) = (dir.join("dist"), dir.join("reviews.json"));
    let config = dir.join("none.toml");
    let base = ["build", "--dist", dist.to_str().unwrap(), "--dataset", data.to_str().unwrap()];

    let run = marquee(&[&base[..], &["--config", config.to_str().unwrap()]].concat());
    assert!(!run.status.success());
    assert!(stderr(&run).contains("cannot read") && stderr(&run).contains("none.toml"), "{}", stderr(&run));

    let run = marquee(&[&base[..], &["--base-url", "/marquee/"]].concat());
    assert!(stderr(&run).contains("must be an absolute http(s) URL"), "{}", stderr(&run));

    let run = marquee(&[&base[..], &["--base-url", "https://a.example/"]].concat());
    assert!(
        stderr(&run).contains("index.html") && stderr(&run).contains("build the site with Trunk first"),
        "{}",
        stderr(&run)
    );

    std::fs::write(dir.join("marquee.toml"), "[site]\nbase_url = \"https://from.config/\"\n").unwrap();
    std::fs::write(dist.join("index.html"), TEMPLATE).unwrap();
    let config = dir.join("marquee.toml");
    let run = marquee(&[&base[..], &["--config", config.to_str().unwrap()]].concat());
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(std::fs::read_to_string(dist.join("sitemap.xml")).unwrap().contains("https://from.config/reviews/"));

    std::fs::write(dist.join("index.html"), "<p>no title, no body</p>").unwrap();
    let run = marquee(&[&base[..], &["--base-url", "https://a.example/"]].concat());
    assert!(stderr(&run).contains("cannot be a page template: it has no <title>"), "{}", stderr(&run));
}

#[test]
fn the_home_page_and_404_are_the_apps_own_pages() {
    let dir = scratch("home");
    let run = build(&dir, &["--base-url", "https://ann.example/marquee/"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = std::fs::read_to_string(dir.join("dist/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let links: Vec<(String, String)> = select(&doc, "#marquee-app .review-card__link")
        .iter()
        .map(|a| (a.value().attr("href").unwrap().to_string(), a.text().collect()))
        .collect();
    // Newest first: the dated review, then the undated one.
    assert_eq!(
        links,
        [
            ("/marquee/reviews/evil-1999".to_string(), EVIL.to_string()),
            ("/marquee/reviews/plain-2001".to_string(), "Plain".to_string())
        ]
    );
    let count: String = select(&doc, "#marquee-app .result-count")[0].text().collect();
    assert_eq!(count, "2 reviews");
    assert!(select(&doc, "#marquee-app .filter-panel input[type=checkbox]").len() > 1);
    assert_eq!(attr(&doc, "link[rel=canonical]", "href"), "https://ann.example/marquee/");
    assert_eq!(attr(&doc, "meta[name=description]", "content"), "Films & more");
    assert_eq!(select(&doc, "script").len(), 1, "only the template's loader");
    assert!(select(&doc, "[style]").is_empty());

    let missing = Html::parse_document(&std::fs::read_to_string(dir.join("dist/404.html")).unwrap());
    let h1: String = select(&missing, "#marquee-app h1")[0].text().collect();
    assert_eq!(h1, "Page not found");
    assert_eq!(attr(&missing, "meta[name=robots]", "content"), "noindex");
    assert_eq!(select(&missing, "title")[0].text().collect::<String>(), "Page not found · Ann's <Reviews>");

    // Building again into the built site replaces what the first build wrote.
    let again = build_into_built(&dir, &["--base-url", "https://ann.example/marquee/"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(dir.join("dist/index.html")).unwrap(), html);
}
