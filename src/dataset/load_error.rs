//! Why the dataset (or a review's text) could not be shown, in words a reader understands.

use marquee_core::DatasetError;

/// Why the dataset could not be shown. Each says what happened in words a reader understands.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The browser is offline.
    #[error("You appear to be offline, so the reviews could not be fetched. Reconnect, then retry.")]
    Offline,
    /// The request itself failed: DNS, refused, or blocked (e.g. by CORS).
    #[error("Marquee could not reach the server for {url} ({reason}).")]
    Network { url: String, reason: String },
    /// No answer within the time limit.
    #[error("{url} took longer than {seconds} seconds to answer, so Marquee gave up.")]
    Timeout { url: String, seconds: u32 },
    /// The server answered with an error status.
    #[error("{}", http_message(url, *status))]
    Http { url: String, status: u16 },
    /// A web page came back instead of the dataset.
    #[error("{url} sent a web page (HTML), not a JSON dataset. Is the dataset URL right?")]
    NotJson { url: String },
    /// The bytes arrived but are not a usable dataset.
    #[error("{url} is not a usable dataset: {error}")]
    Dataset { url: String, error: DatasetError },
    /// The review's text is not in the body chunk its card points to.
    #[error(
        "The text of this review (“{id}”) is missing from the published dataset. Rebuilding the site should fix it."
    )]
    MissingBody { id: String },
}

fn http_message(url: &str, status: u16) -> String {
    match status {
        404 => format!("The dataset was not found at {url} (HTTP 404)."),
        401 | 403 => format!("The server refused to send {url} (HTTP {status})."),
        500..=599 => format!("The server hosting {url} had a problem (HTTP {status}). It may work if you retry."),
        _ => format!("{url} answered with HTTP {status}."),
    }
}
