//! The release-year filter: a from/to range and one-click decades with counts.

use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::engine::Facets;

/// A year as typed: empty means no bound; anything else must be a plausible year.
fn parse_year(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok().filter(|y| (1870..=2100).contains(y))
}

/// Release year: a from/to range, and one-click decades with their counts.
#[component]
pub fn YearFilter(
    /// The current facet counts.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let from = move || state.query.with(|q| q.year_from.map(|y| y.to_string()).unwrap_or_default());
    let to = move || state.query.with(|q| q.year_to.map(|y| y.to_string()).unwrap_or_default());
    let set_from = move |text: String| state.update(|q| q.year_from = parse_year(&text));
    let set_to = move |text: String| state.update(|q| q.year_to = parse_year(&text));
    let decades = move || {
        let (from, to) = state.query.with(|q| (q.year_from, q.year_to));
        facets.with(|f| {
            f.decades
                .iter()
                .map(|&(decade, count)| {
                    let active = from == Some(decade) && to == Some(decade + 9);
                    let choose = move |_| {
                        state.update(|q| {
                            let (next_from, next_to) =
                                if active { (None, None) } else { (Some(decade), Some(decade + 9)) };
                            (q.year_from, q.year_to) = (next_from, next_to);
                        });
                    };
                    view! {
                        <li>
                            <button
                                class="chip year-filter__decade"
                                type="button"
                                aria-pressed=active.to_string()
                                on:click=choose
                            >
                                {format!("{decade}s")}
                                " "
                                <span class="chip__count">{count}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <fieldset class="year-filter">
            <legend class="facet-list__legend">"Year"</legend>
            <div class="year-filter__range">
                <label class="year-filter__bound">
                    "From"
                    <input
                        class="year-filter__input"
                        type="number"
                        inputmode="numeric"
                        min="1870"
                        max="2100"
                        placeholder="1870"
                        prop:value=from
                        on:change:target=move |ev| set_from(ev.target().value())
                    />
                </label>
                <label class="year-filter__bound">
                    "To"
                    <input
                        class="year-filter__input"
                        type="number"
                        inputmode="numeric"
                        min="1870"
                        max="2100"
                        placeholder="2100"
                        prop:value=to
                        on:change:target=move |ev| set_to(ev.target().value())
                    />
                </label>
            </div>
            <ul class="year-filter__decades" aria-label="Decades">
                {decades}
            </ul>
        </fieldset>
    }
}
