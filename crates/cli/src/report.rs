//! Printing diagnostics for people (`file:line: error: field: message`) or machines (`--format json`).

use marquee_core::{Diagnostic, Severity};
use std::path::{Path, PathBuf};

/// A diagnostic with where it comes from: a file and line for Markdown sources,
/// or a JSON path inside a dataset file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

impl Finding {
    pub fn at(file: &Path, line: Option<usize>, diagnostic: Diagnostic) -> Finding {
        Finding { file: Some(file.to_path_buf()), line, diagnostic }
    }

    pub fn is_error(&self) -> bool {
        self.diagnostic.severity == Severity::Error
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{}:{line}: ", file.display())?,
            (Some(file), None) => write!(f, "{}: ", file.display())?,
            _ => {}
        }
        let kind = match self.diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.diagnostic)
    }
}

/// How to print findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per finding, then a summary.
    Text,
    /// A JSON array of findings.
    Json,
}

/// Prints findings; returns (errors, warnings).
pub fn print(findings: &[Finding], format: Format) -> (usize, usize) {
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(findings).unwrap_or_else(|_| "[]".into())),
        Format::Text => {
            for finding in findings {
                eprintln!("{finding}");
            }
        }
    }
    (errors, warnings)
}
