//! A reader's preference kept in `localStorage`, read once and written on every change.

use leptos::prelude::*;

/// The preference stored under `key` as a signal (`None` when nothing is stored, storage is
/// unavailable, or rendering natively), and a setter that updates both the signal and the
/// stored value. A storage failure (private mode, a full quota) keeps the choice for this
/// page only; it never stops the app.
///
/// ```ignore
/// let (theme, set_theme) = use_stored_preference("marquee:theme");
/// set_theme("dark");
/// ```
pub fn use_stored_preference(key: &'static str) -> (ReadSignal<Option<String>>, impl Fn(&str) + Copy) {
    let (value, set_value) = signal(read(key));
    let set = move |next: &str| {
        set_value.set(Some(next.to_string()));
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, next);
        }
    };
    (value, set)
}

fn storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}
