//! What the reader sees when the dataset cannot be loaded: the reason in words, and Retry.

use crate::dataset::{DatasetState, LoadError};
use leptos::prelude::*;

/// What the reader sees when the dataset cannot be loaded: the reason in words,
/// a Retry button, and an offer to show the bundled collection instead.
#[component]
pub fn LoadFailure(
    /// Why loading failed.
    error: LoadError,
) -> impl IntoView {
    let data = expect_context::<DatasetState>();
    crate::boot::ready();
    let fallback = data.source.with_untracked(|s| s.can_fall_back()).then(|| {
        let use_bundled = move |_| data.source.update(|s| s.use_bundled = true);
        view! {
            <button class="button button--quiet" type="button" on:click=use_bundled>
                "Show the bundled collection"
            </button>
        }
    });
    view! {
        <section class="load-failure" role="alert">
            <h2 class="load-failure__title">"The reviews could not be loaded"</h2>
            <p class="load-failure__reason">{error.to_string()}</p>
            <div class="load-failure__actions">
                <button class="button" type="button" on:click=move |_| data.retry()>
                    "Retry"
                </button>
                {fallback}
            </div>
        </section>
    }
}
