//! The banner that lists what was wrong with the dataset: skipped reviews and warnings, with their places.

use leptos::prelude::*;
use marquee_core::Diagnostic;

/// How many diagnostics are listed before "and N more".
const LISTED: usize = 20;

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The banner's one-line summary.
pub fn summary(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, w) => format!("The dataset has {}.", count(w, "warning")),
        (e, 0) => format!("{} in the dataset: those reviews are not shown.", count(e, "problem")),
        (e, w) => {
            format!("{} (those reviews are not shown) and {} in the dataset.", count(e, "problem"), count(w, "warning"))
        }
    }
}

/// A dismissible banner listing what was wrong with the dataset: skipped
/// reviews (errors) and ignored fields (warnings), each with its place.
#[component]
pub fn DiagnosticsBanner(
    /// The dataset's diagnostics; the banner is not shown when there are none.
    diagnostics: Vec<Diagnostic>,
) -> impl IntoView {
    let dismissed = RwSignal::new(diagnostics.is_empty());
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let text = summary(errors, diagnostics.len() - errors);
    let rest = diagnostics.len().saturating_sub(LISTED);
    // Errors first (a skipped review matters more than a missing fact), each kind in dataset order.
    let (mut items, warnings): (Vec<_>, Vec<_>) = diagnostics.into_iter().partition(Diagnostic::is_error);
    items.extend(warnings);
    items.truncate(LISTED);
    move || {
        (!dismissed.get()).then(|| {
            let list = items
                .iter()
                .cloned()
                .map(|d| {
                    let kind = if d.is_error() { "Error" } else { "Warning" };
                    let Diagnostic { path, message, .. } = d;
                    view! {
                        <li class="diagnostics__item">
                            <span class="diagnostics__kind">{kind}": "</span>
                            <code class="diagnostics__path">{path}</code>
                            " "
                            {message}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="diagnostics" aria-label="Dataset problems">
                    <p class="diagnostics__summary">{text.clone()}</p>
                    <details class="diagnostics__details">
                        <summary>"Show details"</summary>
                        <ul class="diagnostics__list">{list}</ul>
                        {(rest > 0).then(|| view! { <p>{format!("…and {rest} more.")}</p> })}
                    </details>
                    <button
                        class="link-button diagnostics__dismiss"
                        type="button"
                        on:click=move |_| dismissed.set(true)
                    >
                        "Dismiss"
                    </button>
                </section>
            }
        })
    }
}
