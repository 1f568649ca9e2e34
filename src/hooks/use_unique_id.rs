//! Ids that are unique in the document, for `aria-controls`, `aria-labelledby` and `for`.

use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A fresh id beginning with `prefix`, unique among the ids this function gives out.
///
/// ```ignore
/// let id = use_unique_id("spoiler"); // "spoiler-7"
/// view! { <button aria-controls=id.clone()>…</button> <div id=id>…</div> }
/// ```
pub fn use_unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
