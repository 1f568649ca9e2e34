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
    let chip = move |c: Choice| {
        let value = c.value.clone();
        let empty = c.count == Some(0) && !c.selected;
        view! {
            <li class="choice-chips__item">
                <label class="choice-chips__chip choice-chip" class:choice-chip--empty=empty>
                    <input
                        class="choice-chips__radio choice-chip__input"
                        type="radio"
                        name=name.clone()
                        value=c.value
                        prop:checked=c.selected
                        disabled=empty
                        on:change=move |_| on_choose.run(value.clone())
                    />
                    <span class="choice-chips__label">{c.label}</span>
                    {c.count.map(|n| view! { <span class="choice-chips__count choice-chip__count">{n}</span> })}
                </label>
            </li>
        }
    };
    view! {
        <fieldset class="choice-chips">
            <legend class="choice-chips__legend">{legend}</legend>
            <ul class="choice-chips__list">
                <For each=move || choices.get() key=|c| (c.value.clone(), c.count, c.selected) children=chip />
            </ul>
        </fieldset>
    }
}
