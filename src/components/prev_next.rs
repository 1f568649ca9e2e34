//! Previous and next links between reviews, within the reader's current results.

use crate::base::Base;
use leptos::prelude::*;

/// A neighbouring review, for its link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbour {
    pub id: String,
    pub title: String,
}

/// Links to the previous and next reviews within the reader's current results.
#[component]
pub fn PrevNext(
    /// The review before this one in the results.
    previous: Option<Neighbour>,
    /// The review after this one.
    next: Option<Neighbour>,
    /// The query string the results came from, kept on the links.
    #[prop(into)]
    search: String,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let link = |n: Option<Neighbour>, rel: &'static str, prefix: &'static str| {
        n.map(|Neighbour { id, title }| {
            let href = format!("{}{search}", base.review(&id));
            view! {
                <a class=format!("prev-next__link prev-next__link--{rel}") href=href rel=rel>
                    <span class="prev-next__direction">{prefix}</span>
                    <span class="prev-next__title">{title}</span>
                </a>
            }
        })
    };
    view! {
        <nav class="prev-next" aria-label="More reviews">
            {link(previous, "prev", "Previous")}
            {link(next, "next", "Next")}
        </nav>
    }
}
