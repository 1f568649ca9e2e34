//! The route for any path the app does not know (404.html).

use crate::base::Base;
use crate::hooks::use_page_meta::use_page_meta;
use leptos::prelude::*;

/// Any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let base = expect_context::<Base>();
    use_page_meta("Page not found".to_string(), String::new());
    crate::boot::ready();
    view! {
        <section class="not-found">
            <h1 class="page__title">"Page not found"</h1>
            <p>"There is nothing at this address. "<a href=base.path()>"See all reviews"</a>"."</p>
        </section>
    }
}
