use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::engine::Facets;
use marquee_core::query::{GenreMode, Mine, Query};

/// Each active filter as a chip label and the query without it.
pub fn chips(q: &Query, facets: &Facets) -> Vec<(String, Query)> {
    let label_of = |values: &[marquee_core::engine::FacetValue], key: &str| {
        values.iter().find(|v| v.key == key).map_or_else(|| key.to_string(), |v| v.label.clone())
    };
    let mut out = Vec::new();
    let mut without = |label: String, change: &dyn Fn(&mut Query)| {
        let mut next = q.clone();
        change(&mut next);
        out.push((label, next));
    };
    for g in &q.genres {
        without(label_of(&facets.genres, g), &|n| n.genres.retain(|x| x != g));
    }
    if q.genre_mode == GenreMode::All && q.genres.len() > 1 {
        without("All genres must match".into(), &|n| n.genre_mode = GenreMode::Any);
    }
    if let Some(r) = q.min_rating {
        without(format!("{} or more", r.words()), &|n| n.min_rating = None);
    }
    match (q.year_from, q.year_to) {
        (Some(a), Some(b)) => without(format!("{a}–{b}"), &|n| (n.year_from, n.year_to) = (None, None)),
        (Some(a), None) => without(format!("From {a}"), &|n| n.year_from = None),
        (None, Some(b)) => without(format!("Until {b}"), &|n| n.year_to = None),
        (None, None) => {}
    }
    for c in &q.countries {
        without(label_of(&facets.countries, c), &|n| n.countries.retain(|x| x != c));
    }
    match (q.runtime_min, q.runtime_max) {
        (None, None) => {}
        (lo, hi) => without(
            format!("{}–{} minutes", lo.unwrap_or(1), hi.map_or("∞".to_string(), |h| h.to_string())),
            &|n| (n.runtime_min, n.runtime_max) = (None, None),
        ),
    }
    if let Some(p) = &q.person {
        without(format!("With “{p}”"), &|n| n.person = None);
    }
    if let Some(m) = q.mine {
        let label = match m {
            Mine::Rated => "Rated by you",
            Mine::Unrated => "Not rated by you",
            Mine::Watchlist => "On your watchlist",
        };
        without(label.into(), &|n| n.mine = None);
    }
    if !q.text.trim().is_empty() {
        without(format!("“{}”", q.text.trim()), &|n| n.text.clear());
    }
    out
}

/// The active filters as removable chips, and "Clear all".
#[component]
pub fn ActiveFilters(
    /// Facet labels for the chips.
    #[prop(into)]
    facets: Signal<Facets>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let list = move || state.query.with(|q| facets.with(|f| chips(q, f)));
    move || {
        let chips = list();
        (!chips.is_empty()).then(|| {
            let items = chips
                .into_iter()
                .map(|(label, next)| {
                    let name = format!("Remove filter: {label}");
                    view! {
                        <li>
                            <button class="chip chip--removable" type="button" aria-label=name on:click=move |_| state.update(|q| *q = next.clone())>
                                {label}
                                <span class="chip__remove" aria-hidden="true">"×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let clear_all = move |_| {
                state.update(|q| {
                    let sort = q.sort;
                    *q = Query { sort, ..Query::default() };
                });
            };
            view! {
                <div class="active-filters">
                    <ul class="active-filters__list" aria-label="Active filters">{items}</ul>
                    <button class="link-button" type="button" on:click=clear_all>"Clear all"</button>
                </div>
            }
        })
    }
}
