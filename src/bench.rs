//! What `./dev bench` calls in the page (`window.wasmBindings.marquee_bench_*`): Marquee's
//! parse and query times, measured in the same page as `JSON.parse`, MiniSearch and ItemsJS.

use crate::dataset::{Dataset, JsBytes};
use marquee_core::personal::Personal;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The dataset on screen, for [`marquee_bench_query`].
    static LOADED: RefCell<Option<Arc<Dataset>>> = const { RefCell::new(None) };
}

/// Keeps the dataset on screen for [`marquee_bench_query`].
pub(crate) fn loaded(dataset: &Arc<Dataset>) {
    LOADED.with(|loaded| *loaded.borrow_mut() = Some(dataset.clone()));
}

/// Reads `file` as the app reads a full card index, `repeat` times: a binary one
/// from the browser's buffer a window at a time, JSON from bytes copied into wasm
/// memory first (outside the time), never a JS string. Returns the mean
/// milliseconds per run, or -1 if the bytes are not a dataset. `./dev bench` sets
/// it beside `JSON.parse` of the same index as JSON, and of a dataset.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn marquee_bench_parse(file: js_sys::Uint8Array, repeat: u32) -> f64 {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let file = JsBytes(file);
    let binary = file.is_binary();
    let bytes = if binary { Vec::new() } else { file.0.to_vec() };
    let mut total = 0.0;
    for _ in 0..repeat.max(1) {
        let start = now();
        let read = std::hint::black_box(if binary {
            marquee_core::cards_bin::decode_from(&file)
        } else {
            marquee_core::load_dataset(&bytes)
        });
        total += now() - start;
        if read.is_err() {
            return -1.0;
        }
        // Freeing what was read is not reading it (the app keeps it, as a page keeps what
        // `JSON.parse` returned): it happens here, outside the time.
        drop(read);
    }
    total / f64::from(repeat.max(1))
}

/// Runs the query in `search` (a URL query string, as the address bar has it)
/// `repeat` times over the loaded dataset, as the grid does: results, sort and
/// every facet count. Returns the mean milliseconds per run, or -1 when no
/// dataset is loaded. `./dev bench` calls it to set Marquee's query time beside
/// MiniSearch's and ItemsJS's in the same page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn marquee_bench_query(search: &str, repeat: u32) -> f64 {
    let Some(dataset) = LOADED.with(|loaded| loaded.borrow().clone()) else { return -1.0 };
    let query = marquee_core::url::decode(search);
    let me = Personal::default();
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let start = now();
    for _ in 0..repeat.max(1) {
        std::hint::black_box(dataset.engine.run(&query, &me));
    }
    (now() - start) / f64::from(repeat.max(1))
}
