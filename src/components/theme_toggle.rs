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

fn stored() -> Theme {
    if !cfg!(target_arch = "wasm32") {
        return Theme::System;
    }
    let saved =
        web_sys::window().and_then(|w| w.local_storage().ok().flatten()).and_then(|s| s.get_item(KEY).ok().flatten());
    match saved.as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
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
    let theme = RwSignal::new(stored());
    apply(theme.get_untracked());
    let cycle = move |_| {
        let next = theme.get_untracked().next();
        theme.set(next);
        apply(next);
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.set_item(KEY, next.key());
        }
    };
    view! {
        <button class="theme-toggle" type="button" on:click=cycle>
            <span class="theme-toggle__icon" aria-hidden="true"></span>
            <span class="theme-toggle__label">{move || theme.get().label()}</span>
        </button>
    }
}
