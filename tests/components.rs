//! Component tests in a headless browser (wasm-bindgen-test): the review card, the rating
//! widget and the filter panel. Run with `./dev test`, or
//! `cargo test -p marquee-site --target wasm32-unknown-unknown` (Chromium; Firefox when
//! GECKODRIVER is the only driver given).

use leptos::{mount::mount_to, prelude::*, task::tick};
use leptos_router::components::Router;
use marquee_core::engine::Engine;
use marquee_core::personal::Personal;
use marquee_core::{load_dataset, Rating, Review};
use marquee_site::base::Base;
use marquee_site::components::filter_panel::FilterPanel;
use marquee_site::components::rating_widget::RatingWidget;
use marquee_site::components::review_card::ReviewCard;
use marquee_site::query_state::QueryState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let section = document().create_element("section").expect("create a section");
    document().body().expect("a body").append_child(&section).expect("append");
    section.unchecked_into()
}

/// The first element under `root` that `selector` matches; fails the test with `what` if none.
fn one(root: &Element, selector: &str, what: &str) -> Element {
    match root.query_selector(selector) {
        Ok(Some(found)) => found,
        Ok(None) => panic!("{what}: nothing matches {selector}"),
        Err(_) => panic!("{selector} is not a valid selector"),
    }
}

/// How many elements under `root` match `selector`.
fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .map(|list| list.length())
        .unwrap_or_else(|_| panic!("{selector} is not a valid selector"))
}

/// The page's query string.
fn query_string() -> String {
    window().location().search().expect("the location's query")
}

fn radios(root: &HtmlElement) -> Vec<HtmlInputElement> {
    let list = root.query_selector_all("[role=radiogroup] input[type=radio]").expect("query");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn key(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn rating_widget_is_a_radiogroup_of_ten_half_star_radios_named_in_words() {
    let root = container();
    let value = RwSignal::new(None::<Rating>);
    let _handle = mount_to(root.clone(), move || {
        view! { <RatingWidget value on_change=move |r| value.set(r) /> }
    });
    tick().await;
    let group = one(&root, "[role=radiogroup]", "a radiogroup");
    let label_id = group.get_attribute("aria-labelledby").expect("labelled");
    let label = one(&root, &format!("#{label_id}"), "the label");
    assert_eq!(label.text_content().as_deref(), Some("Your rating"));
    let names: Vec<String> = radios(&root).iter().filter_map(|r| r.get_attribute("aria-label")).collect();
    assert_eq!(
        names,
        [
            "½ star",
            "1 star",
            "1½ stars",
            "2 stars",
            "2½ stars",
            "3 stars",
            "3½ stars",
            "4 stars",
            "4½ stars",
            "5 stars"
        ]
    );
    assert!(radios(&root).iter().all(|r| !r.checked()), "nothing is checked before rating");
}

#[wasm_bindgen_test]
async fn choosing_a_radio_rates_and_shows_the_rating_by_shape() {
    let root = container();
    let value = RwSignal::new(None::<Rating>);
    let _handle = mount_to(root.clone(), move || view! { <RatingWidget value on_change=move |r| value.set(r) /> });
    tick().await;
    radios(&root)[6].click();
    tick().await;
    assert_eq!(value.get_untracked(), Rating::from_halves(7));
    assert!(radios(&root)[6].checked());
    let filled = count(&root, ".rating-widget__half--filled");
    assert_eq!(filled, 7, "seven half stars drawn solid");
    let status = one(&root, ".rating-widget__status", "a status");
    assert_eq!(status.text_content().as_deref(), Some("You rated it 3½ stars."));
}

#[wasm_bindgen_test]
async fn delete_and_backspace_clear_the_rating_and_the_clear_button_too() {
    let root = container();
    let value = RwSignal::new(Rating::from_halves(8));
    let _handle = mount_to(root.clone(), move || view! { <RatingWidget value on_change=move |r| value.set(r) /> });
    tick().await;
    assert!(radios(&root)[7].checked(), "the current rating is checked (where Tab lands)");
    key(&radios(&root)[7].clone().unchecked_into(), "Delete");
    tick().await;
    assert_eq!(value.get_untracked(), None);
    value.set(Rating::from_halves(2));
    tick().await;
    key(&radios(&root)[1].clone().unchecked_into(), "Backspace");
    tick().await;
    assert_eq!(value.get_untracked(), None);
    value.set(Rating::from_halves(10));
    tick().await;
    let clear: HtmlElement = one(&root, ".rating-widget__clear", "a clear button").unchecked_into();
    clear.click();
    tick().await;
    assert_eq!(value.get_untracked(), None);
    assert!(clear.has_attribute("disabled"), "nothing left to clear");
}

const DATASET: &str = r#"{"format":"marquee/1","reviews":[
 {"id":"a","title":"Alpha","year":1990,"directors":["X"],"genres":["Drama","Romance"],"rating":4,"body":"b","countries":["France"]},
 {"id":"b","title":"Beta","year":2000,"directors":["Y"],"genres":["Drama"],"rating":2,"body":"b","countries":["Japan"]},
 {"id":"c","title":"Gamma","year":2010,"directors":["Z"],"genres":["Western"],"rating":5,"body":"b","countries":["France"]}]}"#;

#[component]
fn PanelUnderTest() -> impl IntoView {
    let engine = Engine::new(load_dataset(DATASET.as_bytes()).expect("valid").catalog);
    let state = QueryState::new(Signal::derive(String::new));
    let results = Memo::new(move |_| engine.run(&state.query.get(), &Personal::default()));
    let facets = Signal::derive(move || results.with(|r| r.facets.clone()));
    let count = Signal::derive(move || results.with(|r| r.order.len()));
    view! { <FilterPanel facets count state /> }
}

fn checkbox(root: &HtmlElement, name: &str) -> HtmlInputElement {
    let labels = root.query_selector_all(".facet-list__label").expect("a valid selector");
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|l| l.text_content().unwrap_or_default().starts_with(name))
        .and_then(|l| l.query_selector("input").ok().flatten())
        .expect("the checkbox")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn filter_panel_shows_live_counts_and_toggles_genres_through_the_url() {
    let root = container();
    let _handle = mount_to(root.clone(), || {
        provide_context(Base::new("/"));
        view! {
            <Router>
                <PanelUnderTest />
            </Router>
        }
    });
    tick().await;
    let legend = one(&root, ".facet-list legend", "a legend");
    assert_eq!(legend.text_content().as_deref(), Some("Genre"));
    let drama = checkbox(&root, "Drama");
    assert!(drama.parent_element().and_then(|p| p.text_content()).unwrap_or_default().ends_with('2'), "Drama (2)");
    drama.click();
    for _ in 0..5 {
        tick().await;
    }
    let search = query_string();
    assert_eq!(search, "?genre=drama");
    assert!(checkbox(&root, "Drama").checked());
    // Countries now count dramas only: France 1, Japan 1.
    let france = checkbox(&root, "France");
    assert!(france.parent_element().and_then(|p| p.text_content()).unwrap_or_default().ends_with('1'));
    // The rating select offers half-star minimums with counts under the genre filter.
    let select = one(&root, "#filter-min-rating", "the rating select");
    assert!(select.text_content().unwrap_or_default().contains("4 stars or more (1)"));
    checkbox(&root, "Drama").click();
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(query_string(), "");
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
        view! { <ReviewCard review=review /> }
    });
    tick().await;

    let article = one(&root, "article", "an article");
    let heading = one(&article, "h2", "a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Rust and Bone"));
    let link = one(&heading, "a", "a link in the heading");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/marquee/reviews/rust-and-bone-2012"));
    assert!(article.text_content().unwrap_or_default().contains("2012"));
    let stars = one(&article, "[role=img]", "a star rating");
    assert_eq!(stars.get_attribute("aria-label").as_deref(), Some("Rated 3½ out of 5"));
    // Seven halves filled: one element, drawn by its stylesheet.
    assert!(stars.class_list().contains("stars--7"), "{:?}", stars.class_name());
    assert_eq!(stars.child_element_count(), 0);
    let summary = one(&article, ".review-card__summary", "a summary");
    assert_eq!(summary.text_content().as_deref(), Some("First paragraph of the review."));
}
