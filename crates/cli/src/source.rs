//! Where `validate` and `build` read reviews from: a dataset file, or a folder of review files.

use crate::import;
use crate::report::Finding;
use marquee_core::{load_dataset, Catalog};
use std::path::Path;

/// The reviews of a dataset file or of a folder of review files, with what was
/// wrong with the rest; or the one finding that stops the file from loading at all.
pub fn load_source(path: &Path, options: &import::Options) -> Result<(Catalog, Vec<Finding>), Finding> {
    if path.is_dir() || import::letterboxd::is_export(path) || import::wordpress::is_export(path) {
        let imported = import::import_sources(&[path.to_path_buf()], options);
        return Ok((imported.catalog, imported.findings));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Finding::at(path, None, marquee_core::Diagnostic::error("", format!("cannot read the file: {e}")))
    })?;
    match load_dataset(&bytes) {
        Ok(loaded) => {
            let findings = loaded
                .diagnostics
                .into_iter()
                .map(|d| Finding { file: Some(path.to_path_buf()), line: None, diagnostic: d })
                .collect();
            Ok((loaded.catalog, findings))
        }
        Err(e) => {
            let line = match &e {
                marquee_core::DatasetError::Syntax { line, .. } => Some(*line),
                _ => None,
            };
            Err(Finding::at(path, line, marquee_core::Diagnostic::error("", e.to_string())))
        }
    }
}

/// "3 valid reviews, 1 error, 0 warnings".
pub fn summary(errors: usize, warnings: usize, reviews: usize) -> String {
    format!("{reviews} valid review{}, {errors} error{}, {warnings} warning{}", s(reviews), s(errors), s(warnings))
}

/// The plural ending for `n` things.
pub fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
