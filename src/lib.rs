//! # marquee-site
//!
//! The Leptos app. It is a thin layer over [`marquee_core`]: the core validates
//! the dataset and answers queries; this crate loads the data and renders it.
//! The same components render twice: natively by `marquee build` (the `ssr`
//! feature, [`render`]), which writes every page as HTML, and in the browser,
//! where [`boot`] takes the prerendered page over without moving a pixel.
//! Each route lives in its own file under `routes/`, each component in its own
//! file under `components/`, each `use_*` helper in its own file under `hooks/`.

#![recursion_limit = "256"]

pub mod base;
#[cfg(feature = "bench")]
pub mod bench;
pub mod boot;
pub mod components;
pub mod dataset;
pub mod download;
pub mod full_text;
pub mod hooks;
pub mod personal_store;
pub mod query_state;
#[cfg(feature = "ssr")]
pub mod render;
pub mod routes;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use components::later::Later;
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// Reveals the static "Something went wrong" panel in `index.html`. Called by
/// the panic hook, so it touches only the DOM and cannot panic itself.
pub fn show_panic_panel() {
    if let Some(panel) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("marquee-panic"))
    {
        let _ = panel.remove_attribute("hidden");
    }
}

/// Registers the service worker that release builds carry (`<meta
/// name="marquee:service-worker" content="sw.js">`, written by the post-build
/// hook), so that a repeat visit works offline. Call after mounting.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let Some(script) = window
        .document()
        .and_then(|d| d.query_selector("meta[name='marquee:service-worker']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
    else {
        return;
    };
    let container = window.navigator().service_worker();
    // Called before the app mounts, so before Leptos' executor is set up.
    wasm_bindgen_futures::spawn_local(async move {
        // Without it the site still works, online: a failure is only worth a warning.
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(container.register(&script)).await {
            leptos::logging::warn!("Marquee works online only: the service worker was not registered ({error:?})");
        }
    });
}

/// Panics on purpose, so that the end-to-end tests can prove the panic panel
/// appears (callable as `window.wasmBindings.marquee_force_panic()`). It can
/// only stop the app in the tab that calls it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn marquee_force_panic() {
    panic!("marquee_force_panic was called");
}

/// The whole app: the dataset, the reader's data, and the router. In the
/// browser it finds its base and starts loading the dataset; `marquee build`
/// provides both (see [`render`]) before rendering it.
#[component]
pub fn App() -> impl IntoView {
    let base = use_context::<base::Base>().unwrap_or_else(|| {
        let base = base::Base::from_document();
        provide_context(base);
        base
    });
    if use_context::<dataset::DatasetState>().is_none() {
        dataset::provide_dataset(base);
    }
    personal_store::PersonalStore::provide();

    // The contexts above, the router, and then the shell and the route each in a task of
    // their own while the app takes over a prerendered page (see `boot.rs`).
    view! {
        <Later>
            <Router base=base.router_base()>
                <Later>
                    <components::site_header::SiteHeader />
                    <components::storage_notice::StorageNotice />
                </Later>
                <main id="main" class="page">
                    <Later>
                        <Routes fallback=routes::not_found::NotFound>
                            <Route path=path!("/") view=routes::home::Home />
                            <Route path=path!("/reviews/:id") view=routes::review::ReviewPage />
                        </Routes>
                    </Later>
                </main>
                <footer class="site-footer">
                    <Later>
                        <components::your_data::YourData />
                    </Later>
                </footer>
            </Router>
        </Later>
    }
}
