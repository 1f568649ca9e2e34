//! A disclosure (WAI-ARIA APG): a button that shows and hides a passage, which is not
//! rendered at all while hidden. Review spoilers are disclosures.

use crate::hooks::use_unique_id::use_unique_id;
use leptos::prelude::*;

/// A button with `aria-expanded` and `aria-controls`, and the passage it shows.
///
/// ```ignore
/// view! { <Disclosure what="spoiler: The ending">{move || blocks_view(&blocks)}</Disclosure> }
/// ```
#[component]
pub fn Disclosure(
    /// What the passage is, after "Show" or "Hide" on the button: "spoiler", "spoiler: The ending".
    #[prop(into)]
    what: String,
    /// Whether it starts open.
    #[prop(optional)]
    open: bool,
    /// The passage, rendered only while open.
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(open);
    let id = use_unique_id("disclosure");
    let button_text = move || format!("{} {what}", if open.get() { "Hide" } else { "Show" });
    view! {
        <div class="disclosure" class:disclosure--open=open>
            <button
                class="disclosure__toggle"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {button_text}
            </button>
            <div class="disclosure__content" id=id>
                {move || open.get().then(|| children())}
            </div>
        </div>
    }
}
