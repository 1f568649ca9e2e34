//! How the app takes over a page that `marquee build` prerendered.
//!
//! Every page arrives as HTML drawn by these same components (see `render`),
//! inside `<div id="marquee-app">`, so the reader sees the content before any
//! wasm runs. The app then renders into a detached twin of that element while
//! the prerendered one stays on screen, and when the route says its content is
//! final ([`ready`]) the twin replaces the original in one step. Both come from
//! the same components and the same data, so nothing on screen moves.
//!
//! Two cases skip the wait: a page with nothing prerendered (the app simply
//! mounts), and a site whose `marquee:dataset` names another dataset than the
//! one the pages were built from (its films must not show first, so the app's
//! own loading state replaces them at once).

use leptos::prelude::*;

/// The id of the element the app lives in.
pub const ROOT_ID: &str = "marquee-app";

/// The takeover's state: whether the route's content is final (the dataset's
/// content, or why it failed), and how many [`Later`](crate::components::later::Later)
/// slices are still to render.
#[derive(Clone, Copy)]
struct Boot {
    ready: RwSignal<bool>,
    pending: RwSignal<usize>,
    /// Set once the twin is in the page: from then on nothing is held back.
    done: RwSignal<bool>,
}

/// Whether the app is rendering a twin of a prerendered page that it has not
/// swapped in yet: placeholders there would be built for nothing.
pub fn taking_over() -> bool {
    use_context::<Boot>().is_some_and(|b| !b.done.get_untracked())
}

/// During a takeover, holds the swap until the returned function is called
/// (a slice rendered later); `None` when there is nothing to hold.
pub fn hold() -> Option<impl FnOnce() + 'static> {
    let boot = use_context::<Boot>().filter(|b| !b.done.get_untracked())?;
    boot.pending.update(|n| *n += 1);
    Some(move || boot.pending.update(|n| *n = n.saturating_sub(1)))
}

/// Tells the boot that the current route's content is final, so the app may
/// replace the prerendered page now. Routes call it where their content
/// renders; outside a takeover (or on the server) it does nothing.
pub fn ready() {
    use_ready()();
}

/// [`ready`], for later: call it in the component, and the function it returns
/// once the content has arrived (from a task, where context is out of reach).
pub fn use_ready() -> impl Fn() + Copy + 'static {
    let boot = use_context::<Boot>();
    move || {
        if let Some(boot) = boot {
            if !boot.ready.get_untracked() {
                boot.ready.set(true);
            }
        }
    }
}

/// Starts the app in the browser: takes over the prerendered page, or mounts.
/// (Natively there is no page: `marquee build` renders through `render`.)
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}

/// Starts the app in the browser: takes over the prerendered page, or mounts.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let root = document.get_element_by_id(ROOT_ID);
    let prerendered = root.clone().filter(|r| r.child_element_count() > 0);
    let Some(prerendered) = prerendered else {
        // Nothing to take over: mount where the page says, or at the end of the body.
        let parent = root.or_else(|| document.body().map(Into::into));
        if let Some(parent) = parent.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
            mount_to(parent, crate::App).forget();
        }
        finished(&document);
        return;
    };
    let Ok(fresh) = document.create_element("div") else { return };
    fresh.set_id(ROOT_ID);
    fresh.set_class_name(&prerendered.class_name());
    let Ok(fresh) = fresh.dyn_into::<web_sys::HtmlElement>() else { return };
    if !built_from_configured_dataset(&document) {
        let _ = prerendered.replace_with_with_node_1(&fresh);
        mount_to(fresh, crate::App).forget();
        finished(&document);
        return;
    }
    let boot = Boot { ready: RwSignal::new(false), pending: RwSignal::new(0), done: RwSignal::new(false) };
    let twin = fresh.clone();
    // The mount is a task of its own, after the one that instantiated the wasm
    // (and before it, Leptos' executor is not set up: hence wasm-bindgen's own spawn).
    wasm_bindgen_futures::spawn_local(async move {
        crate::hooks::use_yield::yield_now().await;
        mount_to(fresh, move || {
            provide_context(boot);
            Effect::new(move |_| {
                if boot.ready.get() && boot.pending.get() == 0 && !boot.done.get_untracked() {
                    boot.done.set(true);
                    take_over(&document, &prerendered, &twin);
                }
            });
            crate::App()
        })
        .forget();
    });
}

/// Whether the prerendered pages show the dataset the app will load: the
/// `marquee:prerendered` meta that `marquee build` writes names the dataset it
/// rendered, and `marquee:dataset` the one to show.
#[cfg(target_arch = "wasm32")]
fn built_from_configured_dataset(document: &web_sys::Document) -> bool {
    let built = document
        .query_selector("meta[name='marquee:prerendered']")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    let Some(built) = built else { return true };
    let base = crate::base::Base::from_document();
    crate::dataset::configured_url(base) == crate::dataset::resolve(&built, base)
}

/// Puts the app's twin in the prerendered page's place, keeping what the
/// reader did meanwhile: text typed into the search box, and its focus.
#[cfg(target_arch = "wasm32")]
fn take_over(document: &web_sys::Document, prerendered: &web_sys::Element, twin: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let search = |root: &web_sys::Element| {
        root.query_selector(".search-box__input")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let typed = search(prerendered).filter(|input| !input.value().is_empty());
    let focused = search(prerendered).is_some_and(|input| {
        document.active_element().is_some_and(|active| active == *input.unchecked_ref::<web_sys::Element>())
    });
    let _ = prerendered.replace_with_with_node_1(twin);
    if let Some(new_input) = search(twin) {
        if let Some(old) = typed {
            new_input.set_value(&old.value());
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = new_input.dispatch_event(&event);
            }
        }
        if focused {
            let _ = new_input.focus();
        }
    }
    finished(document);
    // The new tree's style now, in this task, and its layout in a task of its own (or in
    // the frame, should that come first), so that the frame after only paints it. Style,
    // layout and paint of the whole page in one task made the boot's longest task.
    if let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(twin).ok().flatten()) {
        let _ = style.get_property_value("display");
    }
    let twin = twin.clone();
    set_timeout(
        move || {
            let _ = twin.offset_height();
        },
        std::time::Duration::ZERO,
    );
}

/// Marks the page as the app's (`<html data-boot="ready">`), which ends the
/// "Filtering…" state of a prerendered page whose URL carries a query, and
/// the hiding of another dataset's prerendered films.
#[cfg(target_arch = "wasm32")]
fn finished(document: &web_sys::Document) {
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_2("marquee-pending", "marquee-foreign");
        let _ = html.set_attribute("data-boot", "ready");
    }
}
