//! List or posters: how the results are shown. The choice is in the URL (`view=posters`), so a
//! shared link shows the same, and remembered in this browser for the next visit.

use crate::hooks::use_stored_preference::use_stored_preference;
use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::query::View;

/// The localStorage key of the reader's preferred view.
const KEY: &str = "marquee:view";

/// Two toggle buttons, "List" and "Posters" (`aria-pressed`), in a group named "View".
#[component]
pub fn ViewSwitch(
    /// The query whose view to change.
    state: QueryState,
) -> impl IntoView {
    let (stored, store) = use_stored_preference(KEY);
    // A visit without a view in its URL gets the one chosen last time.
    if stored.get_untracked().as_deref() == Some("posters") && state.query.with_untracked(|q| q.view == View::List) {
        let plain = state.search().is_empty();
        if plain {
            state.update(|q| q.view = View::Posters);
        }
    }
    let current = move || state.query.with(|q| q.view);
    let choose = move |view: View| {
        store(if view == View::Posters { "posters" } else { "list" });
        state.update(|q| q.view = view);
    };
    view! {
        <div class="view-switch" role="group" aria-label="View">
            <button
                class="view-switch__button"
                type="button"
                aria-pressed=move || (current() == View::List).to_string()
                on:click=move |_| choose(View::List)
            >
                "List"
            </button>
            <button
                class="view-switch__button"
                type="button"
                aria-pressed=move || (current() == View::Posters).to_string()
                on:click=move |_| choose(View::Posters)
            >
                "Posters"
            </button>
        </div>
    }
}
