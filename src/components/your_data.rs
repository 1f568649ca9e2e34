//! "Your data": export and import of the reader's ratings and watchlist.

use crate::dataset::DatasetState;
use crate::download::download;
use crate::personal_store::PersonalStore;
use leptos::prelude::*;
use marquee_core::letterboxd::{self, ImportError};
use marquee_core::personal::{Personal, PersonalError};

/// Why nothing was imported, or a file could not be offered for download.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum YourDataError {
    #[error("{0}")]
    Json(#[from] PersonalError),
    #[error("{0}")]
    Csv(#[from] ImportError),
    #[error("the reviews are not loaded yet; try again in a moment")]
    NotLoaded,
    #[error("the file could not be read as text")]
    Unreadable,
    #[error("the browser would not save {0}")]
    Download(&'static str),
}

/// What an import did, for the reader.
fn import_text(text: &str, store: PersonalStore, data: DatasetState) -> Result<Vec<String>, YourDataError> {
    if text.trim_start().starts_with('{') {
        let theirs = Personal::from_json(text)?;
        let count = theirs.ratings.len();
        store.update(|p| p.merge(&theirs));
        return Ok(vec![format!("Imported {count} ratings and {} watchlist entries.", theirs.watchlist.len())]);
    }
    let dataset = data.loaded().ok_or(YourDataError::NotLoaded)?;
    let report = letterboxd::import(text, dataset.engine.catalog())?;
    store.update(|p| p.merge(&report.personal));
    let mut lines = vec![format!("Imported {} ratings.", report.personal.ratings.len())];
    if !report.unmatched.is_empty() {
        lines.push(format!("{} films are not in this collection:", report.unmatched.len()));
        lines.extend(report.unmatched.iter().map(ToString::to_string));
    }
    lines.extend(report.errors.iter().map(ToString::to_string));
    Ok(lines)
}

/// Export and import of the reader's ratings (Letterboxd-compatible CSV, or
/// JSON with the watchlist too), and a notice when storage is not working.
#[component]
pub fn YourData() -> impl IntoView {
    let store = expect_context::<PersonalStore>();
    let data = expect_context::<DatasetState>();
    let report = RwSignal::new(Vec::<String>::new());
    // A download the browser refuses (a blocked Blob, no document) is said, not dropped.
    let offer = move |name: &'static str, mime: &str, text: &str| {
        let outcome = download(name, mime, text).map_err(|_| YourDataError::Download(name));
        report.set(outcome.err().map(|e| vec![format!("Nothing was exported: {e}.")]).unwrap_or_default());
    };
    let export_csv = move |_| match data.loaded() {
        Some(dataset) => {
            let csv = store.data.with(|p| letterboxd::export(p, dataset.engine.catalog()));
            offer("marquee-ratings.csv", "text/csv", &csv);
        }
        None => report.set(vec![format!("Nothing was exported: {}.", YourDataError::NotLoaded)]),
    };
    let export_json = move |_| offer("marquee-ratings.json", "application/json", &store.data.with(Personal::to_json));
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            let outcome = match text {
                Some(text) => import_text(&text, store, data),
                None => Err(YourDataError::Unreadable),
            };
            report.set(outcome.unwrap_or_else(|e| vec![format!("Nothing was imported: {e}.")]));
        });
    };
    view! {
        <section class="your-data" aria-labelledby="your-data-title">
            <h2 class="your-data__title" id="your-data-title">
                "Your ratings"
            </h2>
            <p class="your-data__intro">
                {move || {
                    let (rated, watch) = store.data.with(|p| (p.ratings.len(), p.watchlist.len()));
                    format!(
                        "{rated} rated, {watch} on your watchlist. They stay in this browser; export them to keep a copy.",
                    )
                }}
            </p>
            <div class="your-data__actions">
                <button class="button button--quiet" type="button" on:click=export_csv>
                    "Export CSV (Letterboxd)"
                </button>
                <button class="button button--quiet" type="button" on:click=export_json>
                    "Export JSON"
                </button>
                <label class="button button--quiet your-data__import">
                    "Import CSV or JSON"
                    <input
                        class="visually-hidden"
                        type="file"
                        accept=".csv,.json,text/csv,application/json"
                        on:change=on_file
                    />
                </label>
            </div>
            <Show when=move || !report.with(Vec::is_empty)>
                <ul class="your-data__report" role="status">
                    {move || report.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
