//! The filters that are one choice from a list: minimum rating (a select: eleven steps),
//! runtime and your films (chips); the options and counts come from the core
//! (`marquee_core::choices`).

use crate::components::choice_chips::ChoiceChips;
use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::choices::{self, Choice};
use marquee_core::engine::Facets;
use marquee_core::query::Mine;

/// A labelled `<select>` whose options are recomputed from the facets.
#[component]
fn ChoiceSelect(
    /// The visible label, which is also the select's accessible name.
    label: &'static str,
    /// A unique id for the select.
    id: &'static str,
    /// The options.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// Called with the chosen option's value.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    // Options are keyed by value alone: a changed count updates the option's text in place.
    let option = move |c: Choice| {
        let value = c.value.clone();
        let live = Memo::new(move |_| {
            choices
                .with(|all| all.iter().find(|o| o.value == value).map(|o| (o.text(), o.selected)).unwrap_or_default())
        });
        view! {
            <option value=c.value selected=c.selected prop:selected=move || live.get().1>
                {move || live.get().0}
            </option>
        }
    };
    view! {
        <div class="choice-filter">
            <label class="choice-filter__label" for=id>
                {label}
            </label>
            <select class="choice-filter__select" id=id on:change:target=move |ev| on_choose.run(ev.target().value())>
                <For each=move || choices.get() key=|c| c.value.clone() children=option />
            </select>
        </div>
    }
}

/// Minimum critic rating, in half-star steps, with how many reviews each would leave.
#[component]
pub fn MinRatingFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let choices = move || state.query.with(|q| facets.with(|f| choices::min_rating_choices(q, f)));
    let on_choose = move |value: String| state.update(|q| q.min_rating = choices::min_rating_of(&value));
    view! { <ChoiceSelect label="Minimum rating" id="filter-min-rating" choices=Signal::derive(choices) on_choose /> }
}

/// Runtime, in ranges, with counts.
#[component]
pub fn RuntimeFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let choices = move || state.query.with(|q| facets.with(|f| choices::runtime_choices(q, f)));
    let on_choose = move |value: String| state.update(|q| (q.runtime_min, q.runtime_max) = choices::runtime_of(&value));
    view! { <ChoiceChips legend="Runtime" choices=Signal::derive(choices) on_choose /> }
}

/// The reader's own films: rated, unrated, on the watchlist.
#[component]
pub fn MineFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let choices = move || state.query.with(|q| facets.with(|f| choices::mine_choices(q, f)));
    let on_choose = move |value: String| state.update(|q| q.mine = Mine::from_key(&value));
    view! { <ChoiceChips legend="Your films" choices=Signal::derive(choices) on_choose /> }
}
