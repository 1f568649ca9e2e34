//! Renders part of a page one task later while the app takes over a prerendered page.

use leptos::prelude::*;

/// Its children, built in a task of their own while the app takes over a
/// prerendered page (see `boot.rs`), so that the takeover is several short
/// tasks instead of one long one. The takeover waits for every `Later`, so
/// the page it swaps in is whole. Anywhere else (the server, or a page the
/// app already owns) the children render at once, with nothing in between.
#[component]
pub fn Later(
    /// What to render.
    children: ChildrenFn,
) -> impl IntoView {
    let shown = RwSignal::new(true);
    if let Some(done) = crate::boot::hold() {
        shown.set(false);
        leptos::task::spawn_local(async move {
            crate::hooks::use_yield::yield_now().await;
            // Nothing to show if the page went meanwhile.
            shown.try_set(true);
            done();
        });
    }
    move || shown.get().then(|| children())
}
