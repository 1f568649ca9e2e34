//! Any text as a review body: parsing, the card excerpt and both HTML
//! renderings never panic, and the HTML never carries a script tag.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marquee_core::markdown::html::{to_html, Spoilers};
use marquee_core::markdown::{first_paragraph_text, parse};

fuzz_target!(|source: &str| {
    let blocks = parse(source);
    let _ = first_paragraph_text(&blocks);
    for mode in [Spoilers::Conceal, Spoilers::Omit] {
        let html = to_html(&blocks, mode);
        assert!(!html.contains("<script"), "{html}");
    }
});
