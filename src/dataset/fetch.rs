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

/// Fetches the file at `url`, giving up after [`timeout_secs`] and aborting the request. Its
/// bytes stay in the browser's buffer, outside wasm memory, for the caller to copy what it needs.
pub(crate) async fn fetch_buffer(url: &str) -> Result<js_sys::Uint8Array, LoadError> {
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
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let outcome = async {
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| Failed::Request(e.to_string()))?;
        if !response.ok() {
            return Err(Failed::Status(response.status()));
        }
        let unreadable = |_| Failed::Request("the response could not be read".to_string());
        let body = web_sys::Response::from(response).array_buffer().map_err(unreadable)?;
        let buffer = wasm_bindgen_futures::JsFuture::from(body).await.map_err(unreadable)?;
        Ok(js_sys::Uint8Array::new(&buffer))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    outcome.map_err(|failed| match failed {
        Failed::Status(status) => LoadError::Http { url, status },
        Failed::Request(_) if timed_out.load(Ordering::SeqCst) => LoadError::Timeout { url, seconds },
        Failed::Request(_) if offline() => LoadError::Offline,
        Failed::Request(reason) => LoadError::Network { url, reason },
    })
}

/// How a fetch failed, before [`fetch_buffer`] says why in a [`LoadError`].
enum Failed {
    /// The request, or the reading of its body, failed (the time limit's abort among the reasons).
    Request(String),
    /// The server answered with this error status.
    Status(u16),
}

/// Fetches the bytes at `url` into wasm memory ([`fetch_buffer`]).
pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    not_a_page(fetch_buffer(url).await?.to_vec(), url)
}

/// `bytes`, unless they are an HTML page (a server's error page, or a wrong URL) where data was expected.
pub(crate) fn not_a_page(bytes: Vec<u8>, url: &str) -> Result<Vec<u8>, LoadError> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(LoadError::NotJson { url: url.to_string() });
    }
    Ok(bytes)
}

/// A fetched file in the browser's memory, which a binary card index is read
/// from a window at a time ([`marquee_core::cards_bin::Source`]).
pub(crate) struct JsBytes(pub js_sys::Uint8Array);

impl JsBytes {
    /// Whether the file starts like a binary card index.
    pub(crate) fn is_binary(&self) -> bool {
        marquee_core::cards_bin::is_binary(&self.0.subarray(0, 8).to_vec())
    }
}

impl marquee_core::cards_bin::Source for JsBytes {
    fn size(&self) -> usize {
        self.0.length() as usize
    }

    fn append(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        let at = out.len();
        out.resize(at + (to - from), 0);
        self.0.subarray(from as u32, to as u32).copy_to(&mut out[at..]);
    }
}
