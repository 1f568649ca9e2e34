//! The reader's own rating: the WAI-ARIA APG radio group pattern with half stars.
//!
//! Ten native radio buttons (½ to 5 stars) in a `radiogroup` named "Your
//! rating", each named in words ("3½ stars"). Native radios give the APG
//! keyboard behaviour: Tab enters the group at the checked star, arrow keys
//! move and choose. Delete or Backspace clears, as does the "Clear rating"
//! button. Each star is drawn as two halves, filled halves solid and empty
//! halves outlined, so the rating shows by shape and not by colour alone.

use crate::hooks::use_unique_id::use_unique_id;
use leptos::prelude::*;
use marquee_core::Rating;

/// What the status line says.
pub fn status_text(rating: Option<Rating>) -> String {
    match rating {
        Some(r) => format!("You rated it {}.", r.words()),
        None => "Not rated yet.".to_string(),
    }
}

/// The rating widget.
#[component]
pub fn RatingWidget(
    /// The reader's current rating, if any.
    #[prop(into)]
    value: Signal<Option<Rating>>,
    /// Called with the new rating, or `None` when cleared.
    #[prop(into)]
    on_change: Callback<Option<Rating>>,
) -> impl IntoView {
    let name = use_unique_id("your-rating");
    let label_id = format!("{name}-label");
    let hover = RwSignal::new(None::<u8>);
    let shown = move || hover.get().or_else(|| value.get().map(Rating::halves)).unwrap_or(0);
    let radios = Rating::all()
        .map(|rating| {
            let h = rating.halves();
            let side = if h % 2 == 1 { "left" } else { "right" };
            view! {
                <label
                    class=move || {
                        let filled = if shown() >= h { " rating-widget__half--filled" } else { "" };
                        format!("rating-widget__half rating-widget__half--{side}{filled}")
                    }
                    on:mouseenter=move |_| hover.set(Some(h))
                >
                    <input
                        class="rating-widget__input"
                        type="radio"
                        name=name.clone()
                        value=h.to_string()
                        aria-label=rating.words()
                        prop:checked=move || value.get() == Some(rating)
                        on:change=move |_| on_change.run(Some(rating))
                    />
                </label>
            }
        })
        .collect_view();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if matches!(ev.key().as_str(), "Delete" | "Backspace") && value.get_untracked().is_some() {
            ev.prevent_default();
            on_change.run(None);
        }
    };
    view! {
        <div class="rating-widget">
            <span class="rating-widget__label" id=label_id.clone()>
                "Your rating"
            </span>
            <div
                class="rating-widget__stars"
                role="radiogroup"
                aria-labelledby=label_id
                on:mouseleave=move |_| hover.set(None)
                on:keydown=on_keydown
            >
                {radios}
            </div>
            <p class="rating-widget__status" aria-live="polite">
                {move || status_text(value.get())}
            </p>
            <button
                class="link-button rating-widget__clear"
                type="button"
                disabled=move || value.get().is_none()
                on:click=move |_| on_change.run(None)
            >
                "Clear rating"
            </button>
        </div>
    }
}
