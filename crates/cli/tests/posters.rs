//! `marquee build` makes posters from a reviewer's own images: four sizes under hashed names,
//! in the card index and the pages with srcset, sizes and dimensions; what it cannot use is
//! reported, and that review gets the placeholder.
#![allow(clippy::unwrap_used)]

mod common;

use common::site::{build_dataset, scratch, select};
use common::stderr;
use scraper::Html;

/// A poster-like PNG: bands of colour, so that it compresses as a photograph does not.
fn draw(path: &std::path::Path, width: u32, height: u32) {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7 % 256) as u8, (y * 3 % 256) as u8, ((x ^ y) % 256) as u8])
    });
    image.save(path).unwrap();
}

#[test]
fn local_posters_become_four_sizes_and_the_rest_is_reported() {
    let dir = scratch("posters");
    std::fs::create_dir_all(dir.join("images")).unwrap();
    draw(&dir.join("images/big.png"), 600, 900);
    draw(&dir.join("images/small.png"), 100, 150);
    // A flat, graphic poster: lossless WebP is smaller than JPEG there.
    image::RgbImage::from_fn(
        400,
        600,
        |_, y| if y < 300 { image::Rgb([200, 40, 30]) } else { image::Rgb([20, 20, 30]) },
    )
    .save(dir.join("images/flat.png"))
    .unwrap();
    std::fs::write(dir.join("images/broken.jpg"), b"not a jpeg").unwrap();
    let review = |id: &str, poster: &str| {
        serde_json::json!({ "id": id, "title": id, "year": 2000, "directors": ["D"], "genres": ["Drama"], "rating": 4,
            "body": "Text.", "poster": poster, "reviewed_on": "2024-01-01" })
    };
    let dataset = serde_json::json!({ "format": "marquee/1", "reviews": [
        review("big", "images/big.png"),
        review("small", "images/small.png"),
        review("broken", "images/broken.jpg"),
        review("missing", "images/missing.jpg"),
        review("remote", "https://img.example/remote.jpg"),
        review("flat", "images/flat.png"),
    ]});
    let run = build_dataset(&dir, &dataset.to_string(), &["--base-url", "https://a.example/marquee/"]);
    let dist = dir.join("dist");
    let report = stderr(&run);
    assert!(run.status.success(), "{report}");
    assert!(report.contains("warning: reviews[1].poster: "), "each finding names its review: {report}");
    assert!(report.contains("small.png is 100×150 px: posters look sharp from 320×480 px"), "{report}");
    assert!(report.contains("reviews[2].poster") && report.contains("broken.jpg is not an image"), "{report}");
    assert!(report.contains("\"images/missing.jpg\" is not a file here; the review shows a placeholder"), "{report}");
    assert!(report.contains("3 posters from"), "{report}");

    let loaded = marquee_core::load_dataset(&std::fs::read(dist.join("data/cards.json")).unwrap()).unwrap();
    let poster = |id: &str| loaded.catalog.get(id).unwrap().poster();
    let big = poster("big").unwrap();
    assert!(marquee_core::poster::generated(big).is_some(), "{big}");
    assert!(big.starts_with("posters/big-") && big.ends_with(".jpg"), "a photograph is smaller as JPEG: {big}");
    assert!(poster("flat").unwrap().ends_with(".webp"), "a flat graphic is smaller as WebP");
    for width in marquee_core::poster::WIDTHS {
        let file = dist.join(marquee_core::poster::file(big, width).unwrap());
        let made = image::open(&file).unwrap();
        assert_eq!((made.width(), made.height()), (width, width * 3 / 2), "{}", file.display());
    }
    assert_eq!(poster("broken"), None, "a placeholder instead");
    assert_eq!(poster("missing"), None);
    assert_eq!(poster("remote"), Some("https://img.example/remote.jpg"), "used as it is");

    let page = Html::parse_document(&std::fs::read_to_string(dist.join("reviews/big.html")).unwrap());
    let img = select(&page, "#marquee-app .review__header img.poster")[0].value().clone();
    assert_eq!(img.attr("width"), Some("160"));
    assert_eq!(img.attr("height"), Some("240"));
    assert_eq!(img.attr("fetchpriority"), Some("high"));
    assert_eq!(img.attr("loading"), Some("eager"));
    assert!(img.attr("srcset").unwrap().contains("-320.") && img.attr("sizes").is_some());
    let missing = Html::parse_document(&std::fs::read_to_string(dist.join("reviews/missing.html")).unwrap());
    let placeholder: String = select(&missing, ".review__header .poster--placeholder")[0].text().collect();
    assert_eq!(placeholder, "missing2000", "the title and year, set in type");
    let home = Html::parse_document(&std::fs::read_to_string(dist.join("index.html")).unwrap());
    let card = select(&home, "#marquee-app .review-card img.poster")[0].value().clone();
    assert_eq!((card.attr("width"), card.attr("height"), card.attr("sizes")), (Some("92"), Some("138"), Some("92px")));
    assert_eq!(card.attr("loading"), Some("eager"), "the first screen's posters are not lazy");
    assert_eq!(card.attr("fetchpriority"), None);
}

#[test]
fn a_review_without_director_genre_or_rating_is_published_without_those_lines() {
    let dir = scratch("lacking");
    let dataset = serde_json::json!({ "format": "marquee/1", "reviews": [
        { "id": "stalker-1979", "title": "Stalker", "year": 1979, "body": "Three men walk into the Zone." },
        { "id": "heat-1995", "title": "Heat", "year": 1995, "directors": ["Michael Mann"], "genres": ["Crime"],
          "rating": 4.5, "body": "Two professionals." },
    ]});
    let run = build_dataset(&dir, &dataset.to_string(), &["--base-url", "https://a.example/"]);
    let dist = dir.join("dist");
    let report = stderr(&run);
    assert!(run.status.success(), "missing facts are warnings: {report}");
    assert!(report.contains("warning: reviews[0].rating: not given"), "{report}");
    let page = Html::parse_document(&std::fs::read_to_string(dist.join("reviews/stalker-1979.html")).unwrap());
    assert!(select(&page, "#marquee-app .review__header .stars").is_empty(), "no stars");
    let meta: String = select(&page, "#marquee-app .review__meta")[0].text().collect();
    assert_eq!(meta, "1979", "no \" · \" before a missing director");
    let facts: String = select(&page, "#marquee-app .fact-box").iter().map(|f| f.text().collect::<String>()).collect();
    assert!(!facts.contains("Director") && !facts.contains("Genre"), "{facts}");
    assert!(!std::fs::read_to_string(dist.join("reviews/stalker-1979.html")).unwrap().contains("reviewRating"));
    let home = Html::parse_document(&std::fs::read_to_string(dist.join("index.html")).unwrap());
    let genres: Vec<String> =
        select(&home, "#marquee-app .facet-list__name").iter().map(|n| n.text().collect()).collect();
    assert!(genres.contains(&"Not given".to_string()), "the genre filter counts it: {genres:?}");
}
