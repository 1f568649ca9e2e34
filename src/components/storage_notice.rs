//! The one-time notice that the reader's ratings cannot be remembered in this browser.

use crate::download::download;
use crate::personal_store::{PersonalStore, StorageStatus};
use leptos::prelude::*;

/// The message for a storage problem, or `None` when storage works.
pub fn message(status: &StorageStatus) -> Option<String> {
    match status {
        StorageStatus::Ok => None,
        StorageStatus::Unavailable => Some(
            "This browser is not letting Marquee save anything, so your ratings will be kept only until you close this tab. Export them below to keep them.".into(),
        ),
        StorageStatus::WriteFailed => Some(
            "Your browser's storage is full, so new ratings will be kept only until you close this tab. Export them below to keep them.".into(),
        ),
        StorageStatus::Unreadable { reason, kept_aside: true, .. } => Some(format!(
            "Your saved ratings could not be read ({reason}). They have been kept aside, untouched; download them to recover them. New ratings are saved as usual."
        )),
        StorageStatus::Unreadable { reason, kept_aside: false, .. } => Some(format!(
            "Your saved ratings could not be read ({reason}). To leave them untouched, new ratings will be kept only until you close this tab; download the old data to recover it."
        )),
    }
}

/// Tells the reader, once, when their ratings cannot be remembered or could not be read.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = expect_context::<PersonalStore>();
    let dismissed = RwSignal::new(false);
    move || {
        let status = store.status.get();
        let text = message(&status).filter(|_| !dismissed.get())?;
        let recover = match status {
            StorageStatus::Unreadable { raw, .. } => Some(view! {
                <button
                    class="button button--quiet"
                    type="button"
                    on:click=move |_| {
                        let _ = download("marquee-ratings-unreadable.json", "application/json", &raw);
                    }
                >
                    "Download the unreadable data"
                </button>
            }),
            _ => None,
        };
        Some(view! {
            <section class="storage-notice" role="alert">
                <p class="storage-notice__text">{text}</p>
                {recover}
                <button class="link-button" type="button" on:click=move |_| dismissed.set(true)>
                    "Dismiss"
                </button>
            </section>
        })
    }
}
