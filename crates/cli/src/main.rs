//! `marquee`: the command-line tool for Marquee datasets. It uses the same
//! core as the site, so what it accepts, the site shows.

mod aliases;
mod blog;
mod front_matter;
mod import;
mod publish;
mod report;
mod source;

use clap::{Parser, Subcommand};
use marquee_core::Site;
use report::Format;
use source::{load_source, s, summary};
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
    /// Build a dataset from existing reviews: Markdown with front matter (Jekyll, Hugo), plain-text
    /// blog posts (`.txt`), a WordPress export (`.xml`) or a Letterboxd export (`.zip` or its folder).
    Import {
        /// Files or folders of reviews (`.md`, `.markdown`, `.txt`), WordPress or Letterboxd exports.
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
    /// Publish a dataset into a built site: the split dataset the app loads, a static page per
    /// review, feed.xml and sitemap.xml. Runs after Trunk (see Trunk.toml and scripts/post-build.mjs).
    Build {
        /// The built site (it must hold Trunk's index.html, the template of every review page).
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// The dataset file or folder of review files [default: the config's `dataset`, else assets/collection.json].
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// Where the site is published, such as https://you.github.io/marquee/ [default: $MARQUEE_BASE_URL, else the config's `base_url`].
        #[arg(long)]
        base_url: Option<String>,
        /// The site configuration; it must exist when given [default: marquee.toml, if it exists].
        #[arg(long)]
        config: Option<PathBuf>,
        /// A genre for reviews that give none (repeatable), as for import.
        #[arg(long = "genre")]
        genres: Vec<String>,
        /// Publish the valid reviews even when some have errors.
        #[arg(long)]
        allow_errors: bool,
        /// Write only the dataset files (data/), the home page and 404.html, no review pages, feed or sitemap (for benchmarks).
        #[arg(long)]
        data_only: bool,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a synthetic dataset of COUNT reviews (deterministic for a seed), for benchmarks and tests.
    Synth {
        /// How many reviews.
        count: usize,
        /// Where to write the dataset.
        #[arg(short, long)]
        output: PathBuf,
        /// The generator's seed: the same seed gives the same dataset.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// The arguments of `marquee build`.
struct BuildArgs {
    dist: PathBuf,
    dataset: Option<PathBuf>,
    base_url: Option<String>,
    /// The configuration file, and whether it was named (and so must exist).
    config: PathBuf,
    config_given: bool,
    allow_errors: bool,
    data_only: bool,
    format: Format,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Import { paths, output, genres, title, allow_errors, format } => {
            import(&paths, &output, import::Options { genres }, title, allow_errors, format)
        }
        Command::Validate { path, genres, format } => validate(&path, import::Options { genres }, format),
        Command::Build { dist, dataset, base_url, config, genres, allow_errors, data_only, format } => {
            let config_given = config.is_some();
            let config = config.unwrap_or_else(|| PathBuf::from("marquee.toml"));
            let args = BuildArgs { dist, dataset, base_url, config, config_given, allow_errors, data_only, format };
            build(args, import::Options { genres })
        }
        Command::Synth { count, output, seed } => {
            let json = marquee_core::synth::to_json(&marquee_core::synth::generate(count, seed));
            write_file("synth", &output, &json, &format!("{count} synthetic reviews"))
        }
    }
}

fn build(args: BuildArgs, options: import::Options) -> ExitCode {
    let fail = |message: String| {
        eprintln!("marquee build: {message}");
        ExitCode::FAILURE
    };
    let config = match publish::Config::read(&args.config, args.config_given) {
        Ok(config) => config,
        Err(e) => return fail(e.to_string()),
    };
    let raw_base = args.base_url.or_else(|| std::env::var("MARQUEE_BASE_URL").ok().filter(|s| !s.trim().is_empty()));
    let Some(raw_base) = raw_base.or(config.site.base_url) else {
        return fail(format!(
            "no base URL: set base_url in {}, or pass --base-url (feed and sitemap links must be absolute)",
            args.config.display()
        ));
    };
    let base_url = match publish::base_url(&raw_base) {
        Ok(url) => url,
        Err(e) => return fail(e.to_string()),
    };
    let dataset = args.dataset.or(config.site.dataset).unwrap_or_else(|| PathBuf::from("assets/collection.json"));
    let (mut catalog, mut findings) = match load_source(&dataset, &options) {
        Ok(loaded) => loaded,
        Err(finding) => {
            report::print(&[finding], args.format);
            return fail(format!("{} cannot be published", dataset.display()));
        }
    };
    // Posters from local image files: looked up beside the dataset, then in the site.
    let dataset_dir =
        if dataset.is_dir() { dataset.clone() } else { dataset.parent().unwrap_or(Path::new(".")).to_path_buf() };
    let posters = publish::posters::make(&mut catalog, &dataset, &[dataset_dir, args.dist.clone()]);
    findings.extend(posters.findings);
    let (errors, warnings) = report::print(&findings, args.format);
    if errors > 0 && !args.allow_errors {
        eprintln!("{}", summary(errors, warnings, catalog.reviews.len()));
        return fail(
            "nothing written: fix the errors above, or pass --allow-errors to publish the valid reviews".into(),
        );
    }
    let index = args.dist.join("index.html");
    let template = match std::fs::read_to_string(&index) {
        Ok(html) => html,
        Err(e) => return fail(format!("cannot read {} ({e}); build the site with Trunk first", index.display())),
    };
    let feed_entries = config.site.feed_entries.unwrap_or(50);
    let mut output = match publish::render(&catalog, &template, &base_url, feed_entries, !args.data_only) {
        Ok(output) => output,
        Err(e) => return fail(e.to_string()),
    };
    output.files.extend(posters.files);
    if let Err(e) = publish::write(&args.dist, &output) {
        return fail(e.to_string());
    }
    let cards = output.files.first().map_or(0, |(_, json)| json.len());
    if args.data_only {
        eprintln!(
            "marquee build: {} from {}: data/cards.json ({} kB) and {} body chunk{} (data only)",
            summary(errors, warnings, catalog.reviews.len()),
            dataset.display(),
            cards / 1024,
            output.chunks,
            s(output.chunks),
        );
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "marquee build: {} from {}: data/cards.json ({} kB) and {} body chunk{}, {} review page{}, feed.xml ({} entries), sitemap, for {base_url}",
        summary(errors, warnings, catalog.reviews.len()),
        dataset.display(),
        cards / 1024,
        output.chunks,
        s(output.chunks),
        output.pages,
        s(output.pages),
        output.feed_entries,
    );
    if posters.posters > 0 {
        eprintln!(
            "marquee build: {} poster{} from {} kB of images, published as {} files of {} kB in all (posters/)",
            posters.posters,
            s(posters.posters),
            posters.source_bytes / 1024,
            posters.posters * marquee_core::poster::WIDTHS.len(),
            posters.published_bytes / 1024,
        );
    }
    ExitCode::SUCCESS
}

fn import(
    paths: &[PathBuf],
    output: &Path,
    options: import::Options,
    title: Option<String>,
    allow_errors: bool,
    format: Format,
) -> ExitCode {
    let imported = import::import_sources(paths, &options);
    if imported.catalog.reviews.is_empty() && imported.findings.is_empty() {
        eprintln!(
            "marquee import: no reviews in {}: give .md, .markdown or .txt files, a WordPress export (.xml) or a Letterboxd export (.zip)",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
        return ExitCode::FAILURE;
    }
    let (errors, warnings) = report::print(&imported.findings, format);
    eprintln!("{}", summary(errors, warnings, imported.catalog.reviews.len()));
    if errors > 0 && !allow_errors {
        eprintln!("nothing written: fix the errors above, or pass --allow-errors to write the valid reviews");
        return ExitCode::FAILURE;
    }
    let site = Site { title, ..Site::default() };
    let reviews = imported.catalog.reviews.len();
    write_file("import", output, &import::dataset_json(&imported.catalog.reviews, &site), &format!("{reviews} reviews"))
}

/// Writes a command's output file and says so, or why not.
fn write_file(command: &str, path: &Path, content: &str, what: &str) -> ExitCode {
    match std::fs::write(path, content) {
        Ok(()) => {
            eprintln!("wrote {what} to {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marquee {command}: cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn validate(path: &Path, options: import::Options, format: Format) -> ExitCode {
    let (catalog, findings) = match load_source(path, &options) {
        Ok(loaded) => loaded,
        Err(finding) => {
            report::print(&[finding], format);
            return ExitCode::FAILURE;
        }
    };
    let (errors, warnings) = report::print(&findings, format);
    eprintln!("{}", summary(errors, warnings, catalog.reviews.len()));
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
