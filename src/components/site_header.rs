//! The banner at the top of every page: skip link, site name, theme toggle.

use crate::base::Base;
use crate::components::theme_toggle::ThemeToggle;
use leptos::prelude::*;

/// The banner at the top of every page: a skip link, the site name linking
/// home, and the theme toggle.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <header class="site-header">
            <a class="site-header__brand" href=base.path()>
                <span class="site-header__logo" aria-hidden="true"></span>
                "Marquee"
            </a>
            <ThemeToggle />
        </header>
    }
}
