//! The site a build test publishes: Trunk's page template, a dataset with awkward text, and
//! running `marquee build` on them in a scratch folder.

use super::marquee;
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A scratch folder with an empty `dist/` in it.
pub fn scratch(name: &str) -> PathBuf {
    let dir = super::scratch(&format!("build-{name}"));
    std::fs::create_dir_all(dir.join("dist")).expect("a dist folder");
    dir
}

/// Trunk's minified output, as the template of every page.
pub const TEMPLATE: &str = concat!(
    "<!doctype html><html lang=en><meta charset=utf-8>",
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">",
    "<base href=/marquee/><title>Marquee</title><script type=module>import init from\"/marquee/app.js\";init()</script>",
    "<link href=/marquee/base.css rel=stylesheet></head><body><div id=marquee-panic hidden></div><div id=marquee-app class=app></div></body></html>"
);

pub const EVIL: &str = r#"</script><script>alert(1)</script> "Quotes" & <b>tags</b>"#;

pub fn dataset() -> String {
    serde_json::json!({
        "format": "marquee/1",
        "site": { "title": "Ann's <Reviews>", "tagline": "Films & more", "author": "Ann" },
        "reviews": [
            {
                "id": "evil-1999", "title": EVIL, "year": 1999, "directors": ["D. <Irector>"],
                "cast": ["A & B"], "genres": ["Drama"], "rating": 3.5, "runtime_minutes": 95,
                "countries": ["France"], "reviewed_on": "2023-05-01", "poster": "posters/evil.jpg",
                "body": "First <i>paragraph</i> with a [link](https://example.com/?a=1&b=2).\n\nIt has ||a twist||.\n\n:::spoiler The end\nEveryone <script>dies</script>.\n:::"
            },
            {
                "id": "plain-2001", "title": "Plain", "year": 2001, "directors": ["X"], "genres": ["Comedy"],
                "rating": 5, "body": "Just *good*."
            }
        ]
    })
    .to_string()
}

/// Builds the site in `dir` from [`dataset`], with its first review's poster as a local file
/// beside the dataset, as a reviewer keeps it.
pub fn build(dir: &Path, extra: &[&str]) -> Output {
    std::fs::create_dir_all(dir.join("posters")).expect("a posters folder");
    image::RgbImage::from_pixel(320, 480, image::Rgb([90, 30, 20]))
        .save(dir.join("posters/evil.jpg"))
        .expect("a poster");
    build_dataset(dir, &dataset(), extra)
}

/// Writes `dataset` and Trunk's template into `dir`, and runs `marquee build` on them.
pub fn build_dataset(dir: &Path, dataset: &str, extra: &[&str]) -> Output {
    std::fs::write(dir.join("dist/index.html"), TEMPLATE).expect("write the template");
    std::fs::write(dir.join("reviews.json"), dataset).expect("write the dataset");
    build_into_built(dir, extra)
}

/// `marquee build` on the dataset in `dir`, keeping whatever `index.html` is there as the
/// template (after a first build: the built one).
pub fn build_into_built(dir: &Path, extra: &[&str]) -> Output {
    let dist = dir.join("dist");
    let data = dir.join("reviews.json");
    let mut args = vec![
        "build",
        "--dist",
        dist.to_str().expect("a UTF-8 path"),
        "--dataset",
        data.to_str().expect("a UTF-8 path"),
    ];
    args.extend_from_slice(extra);
    marquee(&args)
}

/// The elements of `doc` that `css` selects.
pub fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).expect("a selector")).collect()
}

/// Attribute `name` of the first element `css` selects.
pub fn attr(doc: &Html, css: &str, name: &str) -> String {
    select(doc, css)
        .first()
        .and_then(|e| e.value().attr(name))
        .unwrap_or_else(|| panic!("{css} has {name}"))
        .to_string()
}
