//! `marquee`: the command-line tool for Marquee datasets. It uses the same
//! core as the site, so what it accepts, the site shows.

mod blog;
mod front_matter;
mod import;
mod report;

use clap::{Parser, Subcommand};
use marquee_core::{load_dataset, Site};
use report::{Finding, Format};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "marquee", version, about = "Turn a reviewer's files into a Marquee dataset, and check it.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a dataset from review files: Markdown with front matter, or plain-text blog posts (`.txt`).
    Import {
        /// Files or folders of reviews (`.md`, `.markdown`, `.txt`).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the dataset.
        #[arg(short, long)]
        output: PathBuf,
        /// A genre for reviews that give none (repeatable).
        #[arg(long = "genre")]
        genres: Vec<String>,
        /// The site's title, written into the dataset.
        #[arg(long)]
        title: Option<String>,
        /// Write the valid reviews even when some files have errors.
        #[arg(long)]
        allow_errors: bool,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check a dataset file or a folder of review files. Exits 1 on errors, 0 on warnings only.
    Validate {
        /// A dataset (`.json`) or a folder of Markdown reviews.
        path: PathBuf,
        /// A genre for reviews that give none (repeatable), as for import.
        #[arg(long = "genre")]
        genres: Vec<String>,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Import { paths, output, genres, title, allow_errors, format } => {
            import(&paths, &output, import::Options { genres }, title, allow_errors, format)
        }
        Command::Validate { path, genres, format } => validate(&path, import::Options { genres }, format),
    }
}

fn summary(errors: usize, warnings: usize, reviews: usize) -> String {
    format!("{reviews} valid review{}, {errors} error{}, {warnings} warning{}", s(reviews), s(errors), s(warnings))
}

fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn import(
    paths: &[PathBuf],
    output: &Path,
    options: import::Options,
    title: Option<String>,
    allow_errors: bool,
    format: Format,
) -> ExitCode {
    let files = match import::collect_files(paths) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => {
            eprintln!(
                "marquee import: no .md or .markdown files in {}",
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("marquee import: {e}");
            return ExitCode::FAILURE;
        }
    };
    let imported = import::import(&files, &options);
    let (errors, warnings) = report::print(&imported.findings, format);
    eprintln!("{}", summary(errors, warnings, imported.catalog.reviews.len()));
    if errors > 0 && !allow_errors {
        eprintln!("nothing written: fix the errors above, or pass --allow-errors to write the valid reviews");
        return ExitCode::FAILURE;
    }
    let site = Site { title, ..Site::default() };
    match std::fs::write(output, import::dataset_json(&imported.catalog.reviews, &site)) {
        Ok(()) => {
            eprintln!("wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marquee import: cannot write {}: {e}", output.display());
            ExitCode::FAILURE
        }
    }
}

fn validate(path: &Path, options: import::Options, format: Format) -> ExitCode {
    let (findings, reviews) = if path.is_dir() {
        let files = match import::collect_files(&[path.to_path_buf()]) {
            Ok(files) => files,
            Err(e) => {
                eprintln!("marquee validate: {e}");
                return ExitCode::FAILURE;
            }
        };
        let imported = import::import(&files, &options);
        (imported.findings, imported.catalog.reviews.len())
    } else {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("marquee validate: cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        match load_dataset(&bytes) {
            Ok(loaded) => {
                let findings = loaded
                    .diagnostics
                    .into_iter()
                    .map(|d| Finding { file: Some(path.to_path_buf()), line: None, diagnostic: d })
                    .collect();
                (findings, loaded.catalog.reviews.len())
            }
            Err(e) => {
                let line = match &e {
                    marquee_core::DatasetError::Syntax { line, .. } => Some(*line),
                    _ => None,
                };
                let finding = Finding::at(path, line, marquee_core::Diagnostic::error("", e.to_string()));
                report::print(&[finding], format);
                return ExitCode::FAILURE;
            }
        }
    };
    let (errors, warnings) = report::print(&findings, format);
    eprintln!("{}", summary(errors, warnings, reviews));
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
