use crate::components::markdown_view::{blocks_view, inlines_view};
use leptos::prelude::*;
use marquee_core::markdown::{Block, Inline};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A spoiler passage, hidden until the reader asks for it (a disclosure button
/// with `aria-expanded`). Its content is not rendered at all while hidden.
#[component]
pub fn SpoilerBlock(
    /// An optional label, e.g. "The ending".
    label: Option<String>,
    /// The hidden passage.
    blocks: Vec<Block>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let id = format!("spoiler-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let label = label.map(|l| format!(": {l}")).unwrap_or_default();
    let button_text = move || format!("{} spoiler{label}", if open.get() { "Hide" } else { "Show" });
    view! {
        <div class="spoiler" class:spoiler--open=open>
            <button
                class="spoiler__toggle"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {button_text}
            </button>
            <div class="spoiler__content" id=id>
                {move || open.get().then(|| blocks_view(&blocks))}
            </div>
        </div>
    }
}

/// A spoiler phrase inside a paragraph: a button until revealed, then the text.
#[component]
pub fn InlineSpoiler(
    /// The hidden phrase.
    content: Vec<Inline>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    move || {
        if open.get() {
            view! { <span class="spoiler-inline spoiler-inline--open">{inlines_view(&content)}</span> }.into_any()
        } else {
            view! {
                <button class="spoiler-inline" type="button" on:click=move |_| open.set(true)>
                    "Show hidden spoiler"
                </button>
            }
            .into_any()
        }
    }
}
