use crate::base::Base;
use leptos::prelude::*;
use leptos_meta::Title;

/// Any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <Title text="Page not found" />
        <section class="not-found">
            <h1 class="page__title">"Page not found"</h1>
            <p>"There is nothing at this address. "<a href=base.path()>"See all reviews"</a>"."</p>
        </section>
    }
}
