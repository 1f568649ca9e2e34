//! Coming back to a list restores where the reader was in it.

use leptos::prelude::*;

/// The sessionStorage key prefix of saved scroll positions.
const KEY: &str = "marquee:scroll:";

/// Restores the window's scroll position saved for `place` (for the grid, its URL query),
/// on the next frame; returns a function that saves the current position for `place`.
/// Call the saver when the reader leaves (a click on a card, before the router scrolls to
/// the top). Positions are whole pixels, and live as long as the tab.
///
/// ```ignore
/// let save = use_scroll_restore(Signal::derive(move || state.search()));
/// view! { <div on:click=move |_| save()>…</div> }
/// ```
pub fn use_scroll_restore(place: Signal<String>) -> impl Fn() + Copy {
    let restore_key = format!("{KEY}{}", place.get_untracked());
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || {
        let saved = session().and_then(|s| s.get_item(&restore_key).ok().flatten()).and_then(|y| y.parse::<i32>().ok());
        if let (Some(y), Some(w)) = (saved, web_sys::window()) {
            w.scroll_to_with_x_and_y(0.0, f64::from(y));
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = restore_key;
    move || {
        let y = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        if let Some(s) = session() {
            // Whole pixels: formatting a float would bring its machinery into the bundle.
            let _ = s.set_item(&format!("{KEY}{}", place.get_untracked()), &(y.round() as i32).to_string());
        }
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
