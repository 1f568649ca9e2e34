//! The reader's ratings and watchlist, kept in localStorage and shared between tabs.
//!
//! Every change is applied to what is stored *now* (read, change, write), so
//! two tabs rating at once lose nothing, and the `storage` event brings each
//! tab up to date with the other. When storage is unavailable or full, the
//! data lives in memory and the reader is told once. Stored data that does not
//! read is moved aside, never overwritten, and offered for download.

use leptos::prelude::*;
use marquee_core::personal::Personal;
use marquee_core::Date;

/// The localStorage key of the reader's data.
pub const KEY: &str = "marquee:personal";
/// Where unreadable stored data is moved, so that it is never lost.
pub const CORRUPT_KEY: &str = "marquee:personal:unreadable";

/// How well storage is working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    Ok,
    /// localStorage cannot be used at all (disabled, or blocked by the browser).
    Unavailable,
    /// A write failed (usually: storage is full).
    WriteFailed,
    /// The stored data did not read. The raw text is here; `kept_aside` says whether it
    /// was also copied to [`CORRUPT_KEY`], in which case saving goes on under [`KEY`].
    /// If it could not be copied, nothing is saved, so that it is never overwritten.
    Unreadable {
        reason: String,
        raw: String,
        kept_aside: bool,
    },
}

/// The reader's data and the state of its storage, in context.
#[derive(Clone, Copy)]
pub struct PersonalStore {
    pub data: RwSignal<Personal>,
    pub status: RwSignal<StorageStatus>,
}

fn storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the stored data: `Ok(None)` when nothing is stored.
fn read(storage: &web_sys::Storage) -> Result<Option<Personal>, StorageStatus> {
    let raw = storage.get_item(KEY).map_err(|_| StorageStatus::Unavailable)?;
    let Some(raw) = raw else { return Ok(None) };
    Personal::from_json(&raw).map(Some).map_err(|e| StorageStatus::Unreadable {
        reason: e.to_string(),
        raw,
        kept_aside: false,
    })
}

/// Today's date in the reader's time zone.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as u16, now.get_month() as u8 + 1, now.get_date() as u8)
}

impl PersonalStore {
    /// Loads the stored data, listens for changes from other tabs, and provides the store.
    pub fn provide() -> PersonalStore {
        let (initial, status) = match storage() {
            // A prerendered page shows no one's data, and no storage warning.
            None if !cfg!(target_arch = "wasm32") => (Personal::default(), StorageStatus::Ok),
            None => (Personal::default(), StorageStatus::Unavailable),
            Some(s) => match read(&s) {
                Ok(found) => (found.unwrap_or_default(), StorageStatus::Ok),
                Err(StorageStatus::Unreadable { reason, raw, .. }) => {
                    // Keep the unreadable text aside; only then may the main key be reused.
                    let kept_aside = s.set_item(CORRUPT_KEY, &raw).is_ok() && s.remove_item(KEY).is_ok();
                    (Personal::default(), StorageStatus::Unreadable { reason, raw, kept_aside })
                }
                Err(status) => (Personal::default(), status),
            },
        };
        let store = PersonalStore { data: RwSignal::new(initial), status: RwSignal::new(status) };
        #[cfg(target_arch = "wasm32")]
        follow_other_tabs(store);
        provide_context(store);
        store
    }

    /// Takes what another tab stored, if it differs from what this one shows.
    #[cfg(target_arch = "wasm32")]
    fn take_stored(self) {
        if let Some(Ok(Some(latest))) = storage().map(|s| read(&s)) {
            if self.data.try_with_untracked(|shown| *shown != latest) == Some(true) {
                self.data.try_set(latest);
            }
        }
    }

    /// Applies a change to the freshest stored data and saves it.
    pub fn update(self, change: impl FnOnce(&mut Personal)) {
        let writable = self.status.with_untracked(|s| match s {
            StorageStatus::Ok => true,
            StorageStatus::Unreadable { kept_aside, .. } => *kept_aside,
            StorageStatus::Unavailable | StorageStatus::WriteFailed => false,
        });
        let storage = storage().filter(|_| writable);
        let mut next = match storage.as_ref().map(read) {
            Some(Ok(Some(stored))) => stored,
            _ => self.data.get_untracked(),
        };
        change(&mut next);
        if let Some(s) = storage {
            if s.set_item(KEY, &next.to_json()).is_err() {
                self.status.set(StorageStatus::WriteFailed);
            }
        }
        self.data.set(next);
    }
}

/// Follows the changes other tabs make to the stored data (the `storage` event).
///
/// The listener starts in a task of its own, after the boot's: adding it costs the
/// main thread several milliseconds (the browser ties the page to the storage
/// area), which the boot's tasks cannot spare. What another tab stored before then
/// is read once the listener is in place. The store lasts as long as the page; were
/// it disposed first, the listener would find nothing to update.
#[cfg(target_arch = "wasm32")]
fn follow_other_tabs(store: PersonalStore) {
    set_timeout(
        move || {
            // The listener stays for the page's life: dropping its handle does not remove it.
            let _listening = window_event_listener(leptos::ev::storage, move |event| {
                if event.key().as_deref() == Some(KEY) {
                    store.take_stored();
                }
            });
            store.take_stored();
        },
        std::time::Duration::from_millis(FOLLOW_AFTER_MS),
    );
}

/// When the tab starts to follow the others' changes: after the boot (see [`follow_other_tabs`]).
#[cfg(target_arch = "wasm32")]
const FOLLOW_AFTER_MS: u64 = 1_000;
