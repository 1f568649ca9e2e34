//! # marquee-site
//!
//! The Leptos client-side app. It is a thin layer over [`marquee_core`]: the
//! core validates the dataset and answers queries; this crate loads the data
//! and renders it. `main.rs` only mounts [`App`]; each route lives in its own
//! file under `routes/`, each component in its own file under `components/`.

pub mod base;
pub mod components;
pub mod data;
pub mod download;
pub mod personal_store;
pub mod query_state;
pub mod routes;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
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

/// Removes what `marquee build` prerendered into a review page (`[data-prerender]`:
/// the plain-HTML review and its meta description), which the app replaces.
pub fn remove_prerendered() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all("[data-prerender]") else { return };
    for i in 0..nodes.length() {
        if let Some(element) = nodes.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
            element.remove();
        }
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
    leptos::task::spawn_local(async move {
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

/// The whole app: metadata, the dataset, and the router.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let base = base::Base::from_document();
    provide_context(base);
    data::provide_dataset(base);
    personal_store::PersonalStore::provide();

    view! {
        <Title formatter=|text: String| if text.is_empty() { "Marquee".to_string() } else { format!("{text} · Marquee") } />
        <Router base=base.router_base()>
            <components::site_header::SiteHeader />
            <components::storage_notice::StorageNotice />
            <main id="main" class="page">
                <Routes fallback=routes::not_found::NotFound>
                    <Route path=path!("/") view=routes::home::Home />
                    <Route path=path!("/reviews/:id") view=routes::review::ReviewPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <components::your_data::YourData />
            </footer>
        </Router>
    }
}
