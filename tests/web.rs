//! Component tests in headless Chromium (wasm-bindgen-test).
//! Run with `./dev test`, or `cargo test -p marquee-site --target wasm32-unknown-unknown`.

use leptos::{mount::mount_to, prelude::*, task::tick};
use marquee_core::{load_dataset, Review};
use marquee_site::base::Base;
use marquee_site::components::review_card::ReviewCard;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = document();
    let section = document.create_element("section").expect("create a section");
    document.body().expect("a body").append_child(&section).expect("append");
    section.unchecked_into()
}

fn sample(rating: f64) -> Review {
    let doc = format!(
        r#"{{"format":"marquee/1","reviews":[{{"id":"rust-and-bone-2012","title":"Rust and Bone","year":2012,
        "directors":["Jacques Audiard"],"genres":["Drama","Romance"],"rating":{rating},
        "body":"First paragraph of the review.\n\nSecond."}}]}}"#
    );
    let loaded = load_dataset(doc.as_bytes()).expect("the sample dataset is valid");
    loaded.catalog.reviews[0].clone()
}

#[wasm_bindgen_test]
async fn review_card_shows_title_year_rating_and_links_under_the_base() {
    let root = container();
    let review = sample(3.5);
    let _handle = mount_to(root.clone(), move || {
        provide_context(Base::new("/marquee/"));
        view! { <ReviewCard review=review.clone() /> }
    });
    tick().await;

    let article = root.query_selector("article").unwrap().expect("an article");
    let heading = article.query_selector("h2").unwrap().expect("a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Rust and Bone"));
    let link = heading.query_selector("a").unwrap().expect("a link in the heading");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/marquee/reviews/rust-and-bone-2012"));
    assert!(article.text_content().unwrap_or_default().contains("2012"));
    let stars = article.query_selector("[role=img]").unwrap().expect("a star rating");
    assert_eq!(stars.get_attribute("aria-label").as_deref(), Some("Rated 3½ out of 5"));
    assert_eq!(stars.query_selector_all(".stars__star--full").unwrap().length(), 3);
    assert_eq!(stars.query_selector_all(".stars__star--half").unwrap().length(), 1);
    assert_eq!(stars.query_selector_all(".stars__star--empty").unwrap().length(), 1);
    let summary = article.query_selector(".review-card__summary").unwrap().expect("a summary");
    assert_eq!(summary.text_content().as_deref(), Some("First paragraph of the review."));
}
