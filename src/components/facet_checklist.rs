//! A facet as a group of checkboxes (genres, countries), each with its live count.

use leptos::prelude::*;
use marquee_core::engine::FacetValue;

/// A group of checkboxes for one facet (genres, countries), each with its live
/// count. A value that would match nothing is disabled unless it is selected.
/// Long lists show the first few with a "Show all" button.
#[component]
pub fn FacetChecklist(
    /// The group's name, e.g. "Genre"; it labels the fieldset for assistive tech.
    legend: &'static str,
    /// The values with their counts, in display order.
    #[prop(into)]
    values: Signal<Vec<FacetValue>>,
    /// Called with a value's key when its box is toggled.
    #[prop(into)]
    on_toggle: Callback<String>,
    /// How many values show before "Show all"; `None` shows every value.
    #[prop(optional)]
    collapse_after: Option<usize>,
    /// Extra controls shown under the list (e.g. the genre match mode).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let expanded = RwSignal::new(false);
    // Collapsed: the first few values, plus any selected value further down.
    let shown = move || {
        values.with(|values| match (collapse_after, expanded.get()) {
            (Some(n), false) => {
                values.iter().enumerate().filter(|(i, v)| *i < n || v.selected).map(|(_, v)| v.clone()).collect()
            }
            _ => values.clone(),
        })
    };
    let more = move || {
        let hidden = values.with(|v| v.len()).saturating_sub(collapse_after.unwrap_or(usize::MAX));
        (hidden > 0).then(|| {
            let label = move || {
                if expanded.get() {
                    "Show fewer".to_string()
                } else {
                    format!("Show all {}", values.with(Vec::len))
                }
            };
            view! {
                <button
                    class="link-button facet-list__more"
                    type="button"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {label}
                </button>
            }
        })
    };
    // Rows are keyed by value alone: when only a count or a check changes, the row stays
    // and just that text or property updates (a keystroke changes most counts).
    let row = move |value: FacetValue| {
        let key = value.key.clone();
        let live = Memo::new(move |_| {
            values.with(|values| values.iter().find(|v| v.key == key).map_or((0, false), |v| (v.count, v.selected)))
        });
        let empty = move || live.with(|&(count, selected)| count == 0 && !selected);
        let key = value.key;
        view! {
            <li class="facet-list__value">
                <label class="facet-list__label choice-chip" class:choice-chip--empty=empty>
                    <input
                        class="facet-list__checkbox choice-chip__input"
                        type="checkbox"
                        prop:checked=move || live.get().1
                        disabled=empty
                        on:change=move |_| on_toggle.run(key.clone())
                    />
                    <span class="facet-list__name">{value.label}</span>
                    " "
                    <span class="facet-list__count choice-chip__count">{move || live.get().0}</span>
                </label>
            </li>
        }
    };
    view! {
        <fieldset class="facet-list">
            <legend class="facet-list__legend">{legend}</legend>
            <ul class="facet-list__values">
                <For each=shown key=|v| v.key.clone() children=row />
            </ul>
            {more}
            {children.map(|c| c())}
        </fieldset>
    }
}
