//! Fetching published files: where the dataset is (the meta tag, or the bundled collection),
//! and the bytes at a URL, with a time limit and errors in words.

use super::{LoadError, BUNDLED_DATASET};
use crate::base::Base;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How long to wait for the dataset before giving up, unless the page's
/// `<meta name="marquee:timeout" content="SECONDS">` says otherwise.
pub const DEFAULT_TIMEOUT_SECS: u32 = 15;

/// `url` resolved against the document's base (`/marquee/` on Pages), as an absolute URL.
pub fn resolve(url: &str, base: Base) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new_with_base(url, &b).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| if url.contains("://") { url.to_string() } else { base.href(url) })
}

/// The configured dataset URL: the `marquee:dataset` meta tag, or else the bundled file; both resolved against the base.
pub fn configured_url(base: Base) -> String {
    let configured = meta_content("marquee:dataset").map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    resolve(configured.as_deref().unwrap_or(BUNDLED_DATASET), base)
}

fn meta_content(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("meta[name='{name}']")).ok().flatten()?.get_attribute("content")
}

/// The fetch time limit, in seconds.
pub fn timeout_secs() -> u32 {
    meta_content("marquee:timeout")
        .and_then(|s| s.trim().parse().ok())
        .filter(|&s| s > 0)
        .unwrap_or(DEFAULT_TIMEOUT_SECS)
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Fetches the bytes at `url`, giving up after [`timeout_secs`] and aborting the request.
pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let url = url.to_string();
    let seconds = timeout_secs();
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Arc::new(AtomicBool::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.store(true, Ordering::SeqCst);
                if let Some(c) = controller {
                    c.abort();
                }
            },
            std::time::Duration::from_secs(u64::from(seconds)),
        )
        .ok()
    };
    let failed = |e: gloo_net::Error| {
        if timed_out.load(Ordering::SeqCst) {
            LoadError::Timeout { url: url.clone(), seconds }
        } else if offline() {
            LoadError::Offline
        } else {
            LoadError::Network { url: url.clone(), reason: e.to_string() }
        }
    };
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let outcome = async {
        let response = gloo_net::http::Request::get(&url).abort_signal(signal.as_ref()).send().await.map_err(failed)?;
        if !response.ok() {
            return Err(LoadError::Http { url: url.clone(), status: response.status() });
        }
        response.binary().await.map_err(failed)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let bytes = outcome?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(LoadError::NotJson { url });
    }
    Ok(bytes)
}
