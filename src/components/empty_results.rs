//! What "no results" says: which single change would bring results back, and how many.

use crate::query_state::QueryState;
use leptos::prelude::*;
use marquee_core::engine::{Group, Results};

/// What clearing a filter group is called in a suggestion.
fn group_name(group: Group) -> &'static str {
    match group {
        Group::Genre => "the genre filter",
        Group::Rating => "the rating filter",
        Group::Year => "the year filter",
        Group::Country => "the country filter",
        Group::Runtime => "the runtime filter",
        Group::Person => "the director or cast filter",
        Group::Mine => "the “your films” filter",
        Group::Text => "the search",
    }
}

/// Shown when nothing matches: which single change would bring results back, and how many.
#[component]
pub fn EmptyResults(
    /// The (empty) results, with the counts without each filter.
    results: Memo<std::sync::Arc<Results>>,
    /// The query to change.
    state: QueryState,
) -> impl IntoView {
    let suggestions = move || {
        results.with(|r| {
            let options: Vec<(Group, usize)> = r.without.iter().copied().filter(|(_, n)| *n > 0).collect();
            // The most results first (the core's sort: one copy of it in the bundle).
            let most_first = |a: u32, b: u32| options[b as usize].1.cmp(&options[a as usize].1);
            marquee_core::sort::sorted_indices(options.len(), &most_first)
                .into_iter()
                .map(|i| options[i as usize])
                .map(|(group, count)| {
                    let more = if count == 1 { "1 more".to_string() } else { format!("{count} more") };
                    let clear = move |_| state.update(|q| *q = group.clear(q));
                    view! {
                        <li>
                            <button class="link-button" type="button" on:click=clear>
                                {format!("Clear {} ({more})", group_name(group))}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="empty-results">
            <h2 class="empty-results__title">"No reviews match"</h2>
            <ul class="empty-results__suggestions">{suggestions}</ul>
        </section>
    }
}
