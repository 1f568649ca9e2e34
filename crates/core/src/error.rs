//! What stops a dataset, a card index or a published file from loading at all: one error
//! that names the place (a line and column, a JSON path, or a byte).

/// The largest dataset document accepted, in bytes.
pub const MAX_DATASET_BYTES: usize = 256 * 1024 * 1024;

/// A problem that stops the whole dataset from loading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatasetError {
    /// The bytes are not JSON.
    #[error("the dataset is not valid JSON: {message} at line {line}, column {column}")]
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but not shaped like a Marquee dataset.
    #[error("{path}: {message}")]
    Shape { path: String, message: String },
    /// Larger than [`MAX_DATASET_BYTES`].
    #[error("the dataset is {bytes} bytes, more than the {MAX_DATASET_BYTES}-byte limit")]
    TooLarge { bytes: usize },
    /// A binary card index ([`crate::cards_bin`]) that is damaged or not one at all.
    #[error("the card index is damaged at byte {offset}: {message}")]
    Damaged { offset: usize, message: String },
}

impl From<crate::json::SyntaxError> for DatasetError {
    fn from(e: crate::json::SyntaxError) -> Self {
        DatasetError::Syntax { line: e.line, column: e.column, message: e.message.to_string() }
    }
}
