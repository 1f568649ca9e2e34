//! The theme button: system, light or dark, remembered across visits.

use crate::hooks::use_stored_preference::use_stored_preference;
use leptos::prelude::*;

/// localStorage key of the reader's theme choice.
const KEY: &str = "marquee:theme";

/// The reader's theme: the system's, or a fixed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

impl Theme {
    fn from_stored(value: Option<&str>) -> Theme {
        match value {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// Sets `data-theme` on the root element; the stylesheets do the rest.
fn apply(theme: Theme) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            fixed => root.set_attribute("data-theme", fixed.key()),
        };
    }
}

/// A button cycling the theme: system, light, dark. Remembered across visits.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (stored, store) = use_stored_preference(KEY);
    let theme = move || stored.with(|s| Theme::from_stored(s.as_deref()));
    apply(theme());
    let cycle = move |_| {
        let next = theme().next();
        store(next.key());
        apply(next);
    };
    view! {
        <button class="theme-toggle" type="button" on:click=cycle>
            <span class="theme-toggle__icon" aria-hidden="true"></span>
            <span class="theme-toggle__label">{move || theme().label()}</span>
        </button>
    }
}
