//! One choice from a short list, as a wrapping row of chips: a fieldset of radio buttons
//! named by its legend, each chip a labelled radio with its count (arrow keys move between
//! them, as in any radio group).

use crate::hooks::use_unique_id::use_unique_id;
use leptos::prelude::*;
use marquee_core::choices::Choice;

/// A group of radio chips, recomputed from the facets.
#[component]
pub fn ChoiceChips(
    /// The group's name, e.g. "Runtime"; it is the legend, and names the group for assistive tech.
    legend: &'static str,
    /// The choices, in display order; the selected one is checked.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// Called with the chosen value.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    let name = use_unique_id("choice");
    // Chips are keyed by value alone: a changed count or check updates the chip in place.
    let chip = move |c: Choice| {
        let value = c.value.clone();
        let live = Memo::new(move |_| {
            choices.with(|all| all.iter().find(|o| o.value == value).map_or((None, false), |o| (o.count, o.selected)))
        });
        let empty = move || live.with(|&(count, selected)| count == Some(0) && !selected);
        let count =
            move || live.get().0.map(|n| view! { <span class="choice-chips__count choice-chip__count">{n}</span> });
        let value = c.value.clone();
        view! {
            <li class="choice-chips__item">
                <label class="choice-chips__chip choice-chip" class:choice-chip--empty=empty>
                    <input
                        class="choice-chips__radio choice-chip__input"
                        type="radio"
                        name=name.clone()
                        value=c.value
                        prop:checked=move || live.get().1
                        disabled=empty
                        on:change=move |_| on_choose.run(value.clone())
                    />
                    <span class="choice-chips__label">{c.label}</span>
                    {count}
                </label>
            </li>
        }
    };
    view! {
        <fieldset class="choice-chips">
            <legend class="choice-chips__legend">{legend}</legend>
            <ul class="choice-chips__list">
                <For each=move || choices.get() key=|c| c.value.clone() children=chip />
            </ul>
        </fieldset>
    }
}
