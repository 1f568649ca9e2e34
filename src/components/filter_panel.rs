//! The filter panel: every filter with live counts. Beside the results on wide screens; on
//! narrow ones a "Filters · N" button opens it as a modal sheet (WAI-ARIA APG dialog).

use crate::components::choice_filters::{MinRatingFilter, MineFilter, RuntimeFilter};
use crate::components::facet_checklist::FacetChecklist;
use crate::components::later::Later;
use crate::components::person_filter::PersonFilter;
use crate::components::year_filter::YearFilter;
use crate::query_state::QueryState;
use leptos::html::{Button, Div};
use leptos::prelude::*;
use marquee_core::choices::{self, count_label};
use marquee_core::engine::Facets;
use marquee_core::query::GenreMode;

/// Adds `key` to a sorted list of keys, or removes it if present.
fn toggle(list: &mut Vec<String>, key: String) {
    match list.binary_search(&key) {
        Ok(i) => {
            list.remove(i);
        }
        Err(i) => list.insert(i, key),
    }
}

/// Every filter, with live counts. On narrow screens it is a modal sheet behind the
/// "Filters" button: focus moves in and stays in, Esc and Close close it, a sticky footer
/// says what the choice gives ("Show 12 reviews") and closes it, and focus returns to the
/// button.
#[component]
pub fn FilterPanel(
    /// Counts for every facet, given the other filters.
    #[prop(into)]
    facets: Signal<Facets>,
    /// How many reviews the current choice gives, for the sheet's footer.
    #[prop(into)]
    count: Signal<usize>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let toggle_button = NodeRef::<Button>::new();
    let close_button = NodeRef::<Button>::new();
    let show_button = NodeRef::<Button>::new();
    let sheet = NodeRef::<Div>::new();
    let genres = Signal::derive(move || facets.with(|f| f.genres.clone()));
    let countries = Signal::derive(move || facets.with(|f| f.countries.clone()));
    let toggle_genre = move |key: String| state.update(|q| toggle(&mut q.genres, key));
    let toggle_country = move |key: String| state.update(|q| toggle(&mut q.countries, key));
    let all_genres = move || state.query.with(|q| q.genre_mode == GenreMode::All);
    let set_mode = move |all: bool| state.update(|q| q.genre_mode = if all { GenreMode::All } else { GenreMode::Any });
    let label = move || state.query.with(choices::filters_label);
    let show = move || format!("Show {}", count_label(count.get()));

    // Focus moves into the sheet when it opens, and back to the button when it closes.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open {
            request_animation_frame(move || {
                if let Some(close) = close_button.get_untracked() {
                    let _ = close.focus();
                }
            });
        } else if was_open == Some(true) {
            if let Some(button) = toggle_button.get_untracked() {
                let _ = button.focus();
            }
        }
        is_open
    });
    // Esc closes; Tab and Shift+Tab wrap between the first and last controls.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                open.set(false);
            }
            "Tab" => trap(&ev, close_button, show_button, sheet),
            _ => {}
        }
    };
    view! {
        <aside class="filter-panel" class:filter-panel--open=open aria-label="Filters">
            <button
                class="button button--quiet filter-panel__toggle"
                type="button"
                node_ref=toggle_button
                aria-expanded=move || open.get().to_string()
                aria-controls="filter-panel-body"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
            <div class="filter-panel__backdrop" aria-hidden="true" on:click=move |_| open.set(false)></div>
            <div
                class="filter-panel__body"
                id="filter-panel-body"
                node_ref=sheet
                role=move || open.get().then_some("dialog")
                aria-modal=move || open.get().then_some("true")
                aria-labelledby=move || open.get().then_some("filter-panel-title")
                on:keydown=on_keydown
            >
                <div class="filter-panel__head">
                    <h2 class="filter-panel__title" id="filter-panel-title">
                        "Filters"
                    </h2>
                    <button
                        class="button button--quiet filter-panel__close"
                        type="button"
                        node_ref=close_button
                        on:click=move |_| open.set(false)
                    >
                        "Close"
                    </button>
                </div>
                // The filters in tasks of their own while the app takes over (see `Later`).
                <Later>
                    <FacetChecklist legend="Genre" values=genres on_toggle=toggle_genre>
                        <label class="facet-list__mode">
                            <input
                                type="checkbox"
                                prop:checked=all_genres
                                on:change:target=move |ev| set_mode(ev.target().checked())
                            />
                            " Match all selected genres"
                        </label>
                    </FacetChecklist>
                </Later>
                <Later>
                    <MinRatingFilter facets state />
                    <YearFilter facets state />
                </Later>
                <Later>
                    <FacetChecklist legend="Country" values=countries on_toggle=toggle_country collapse_after=8 />
                    <RuntimeFilter facets state />
                </Later>
                <Later>
                    <PersonFilter state />
                    <MineFilter facets state />
                </Later>
                <div class="filter-panel__foot">
                    <button class="button filter-panel__show" type="button" node_ref=show_button on:click=move |_| open.set(false)>
                        {show}
                    </button>
                </div>
            </div>
        </aside>
    }
}

/// Keeps Tab inside the open sheet: from its last control to its first, and back.
fn trap(ev: &leptos::ev::KeyboardEvent, first: NodeRef<Button>, last: NodeRef<Button>, sheet: NodeRef<Div>) {
    let (Some(first), Some(last), Some(sheet)) = (first.get_untracked(), last.get_untracked(), sheet.get_untracked())
    else {
        return;
    };
    let active = document().active_element();
    let inside = active.as_ref().is_some_and(|a| sheet.contains(Some(a)));
    let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.as_ref() as &web_sys::Element);
    let target = match (ev.shift_key(), inside) {
        (false, true) if at(&last) => Some(first),
        (true, true) if at(&first) => Some(last),
        (_, false) => Some(first),
        _ => None,
    };
    if let Some(target) = target {
        ev.prevent_default();
        let _ = target.focus();
    }
}
