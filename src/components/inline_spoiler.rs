//! A spoiler phrase inside a paragraph: a button until revealed, then the phrase.

use leptos::prelude::*;

/// A button reading "Show hidden spoiler"; pressed, it gives way to the phrase.
#[component]
pub fn InlineSpoiler(
    /// The hidden phrase, rendered only once revealed.
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    move || {
        if open.get() {
            view! { <span class="inline-spoiler inline-spoiler--open">{children()}</span> }.into_any()
        } else {
            view! {
                <button class="inline-spoiler" type="button" on:click=move |_| open.set(true)>
                    "Show hidden spoiler"
                </button>
            }
            .into_any()
        }
    }
}
