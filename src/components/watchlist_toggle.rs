//! The watchlist button of a review page, named by what it does.

use leptos::prelude::*;

/// Adds a film to the reader's watchlist or removes it; its name says which.
#[component]
pub fn WatchlistToggle(
    /// Whether the film is on the watchlist.
    #[prop(into)]
    on_list: Signal<bool>,
    /// Called when pressed.
    #[prop(into)]
    on_toggle: Callback<()>,
) -> impl IntoView {
    let label = move || if on_list.get() { "Remove from watchlist" } else { "Add to watchlist" };
    view! {
        <button
            class="button button--quiet watchlist-toggle"
            class:watchlist-toggle--on=on_list
            type="button"
            on:click=move |_| on_toggle.run(())
        >
            <span class="watchlist-toggle__icon" aria-hidden="true"></span>
            {label}
        </button>
    }
}
