//! Previous and next links between reviews, within the reader's current results.

use crate::base::Base;
use leptos::prelude::*;

/// A neighbouring review: its id and title.
pub type Neighbour = Option<(String, String)>;

/// Links to the previous and next reviews within the reader's current results.
#[component]
pub fn PrevNext(
    /// The review before this one in the results.
    previous: Neighbour,
    /// The review after this one.
    next: Neighbour,
    /// The query string the results came from, kept on the links.
    #[prop(into)]
    search: String,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let link = |n: Neighbour, rel: &'static str, prefix: &'static str| {
        n.map(|(id, title)| {
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
