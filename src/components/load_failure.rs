use crate::data::LoadError;
use leptos::prelude::*;

/// What the reader sees when the dataset cannot be loaded: the reason in words
/// and a Retry button.
#[component]
pub fn LoadFailure(
    /// Why loading failed.
    error: LoadError,
    /// Called when the reader asks to try again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="load-failure" role="alert">
            <h2 class="load-failure__title">"The reviews could not be loaded"</h2>
            <p class="load-failure__reason">{error.to_string()}</p>
            <button class="button" type="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </section>
    }
}
