use crate::base::Base;
use leptos::prelude::*;

/// The banner at the top of every page: a skip link and the site name, linking home.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="site-header__brand" href=base.path()>
                "Marquee"
            </a>
        </header>
    }
}
