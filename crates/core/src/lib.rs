//! # marquee-core
//!
//! The domain of Marquee with no web dependencies: the dataset format
//! (`marquee/1`), its validation with diagnostics that name the place, and
//! (in later modules) the filter/sort/search engine and the URL-state codec.
//!
//! ```
//! let json = br#"{"format":"marquee/1","reviews":[{"id":"rust-and-bone-2012",
//!   "title":"Rust and Bone","year":2012,"directors":["Jacques Audiard"],
//!   "genres":["Drama","Romance"],"rating":4,"body":"A fine film."}]}"#;
//! let loaded = marquee_core::load_dataset(json).unwrap();
//! assert_eq!(loaded.catalog.reviews.len(), 1);
//! assert!(loaded.diagnostics.is_empty());
//! ```

pub mod cards_bin;
pub mod choices;
pub mod date;
pub mod diag;
pub mod engine;
pub mod error;
pub mod hash;
pub mod json;
pub mod letterboxd;
pub mod markdown;
pub mod model;
pub mod personal;
pub mod poster;
pub mod query;
pub mod search;
pub mod sort;
pub mod split;
mod swar;
pub mod synth;
pub mod text;
pub mod url;
pub mod validate;
pub mod varint;

pub use date::Date;
pub use diag::{Diagnostic, Severity};
pub use model::{Catalog, Name, Rating, Review, Site};
pub use validate::{load_dataset, DatasetError, Loaded, FORMAT_V1};
