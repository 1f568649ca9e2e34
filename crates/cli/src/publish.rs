//! `marquee build`: publishes a dataset into a built site. It writes the split
//! dataset the app loads (`data/cards.json` and its body chunks), and the
//! pages, rendered by the site's own components: the home page (`index.html`),
//! one page per review (`reviews/<id>.html`, which GitHub Pages serves at
//! `reviews/<id>` with status 200) and `404.html`; then `feed.xml` and `sitemap.xml`.
//! Nothing is written when the dataset has errors, unless `--allow-errors`.

mod feed;
mod page;
pub mod posters;

use marquee_core::split::{default_order, split_in_order, DEFAULT_CHUNK_BYTES};
use marquee_core::{Catalog, Date};
use marquee_site::render::Renderer;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Why a build could not publish: each names the file or the setting at fault.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot read {}: {source}", .path.display())]
    ReadConfig { path: PathBuf, source: std::io::Error },
    #[error("{}: {message}", .path.display())]
    Config { path: PathBuf, message: String },
    #[error("the base URL \"{0}\" must be an absolute http(s) URL such as https://you.github.io/marquee/")]
    BaseUrl(String),
    #[error("index.html cannot be a page template: {0}")]
    Template(String),
    #[error("cannot clear {}: {source}", .path.display())]
    Clear { path: PathBuf, source: std::io::Error },
    #[error("cannot create {}: {source}", .path.display())]
    Create { path: PathBuf, source: std::io::Error },
    #[error("cannot write {}: {source}", .path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

/// The card index the app loads, relative to the site.
pub const CARD_INDEX: &str = "data/cards.json";

/// `marquee.toml`: the site's settings for `marquee build`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub site: SiteConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Where the site is published, such as `https://you.github.io/marquee/`.
    pub base_url: Option<String>,
    /// The dataset to publish: a `marquee/1` file or a folder of review files.
    pub dataset: Option<PathBuf>,
    /// How many of the newest reviews the feed carries.
    pub feed_entries: Option<usize>,
}

impl Config {
    /// Reads the configuration; a missing file is an empty configuration unless `required`.
    pub fn read(path: &Path, required: bool) -> Result<Config, PublishError> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text)
                .map_err(|e| PublishError::Config { path: path.to_path_buf(), message: e.to_string() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
            Err(source) => Err(PublishError::ReadConfig { path: path.to_path_buf(), source }),
        }
    }
}

/// A base URL with its trailing slash, or why it is not one.
pub fn base_url(raw: &str) -> Result<String, PublishError> {
    let url = raw.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    if !rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/')) || url.contains(['"', '<', '>', ' ', '?', '#']) {
        return Err(PublishError::BaseUrl(url.to_string()));
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// The files a build writes, relative to the site folder, in memory until all are made.
pub struct Output {
    /// Each file's path under the site and its bytes.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    pub pages: usize,
    pub chunks: usize,
    pub feed_entries: usize,
}

/// Makes every file of the build from the catalog and the site's built
/// `index.html`: the split dataset, and the pages rendered by the site's own
/// components. With `pages` false only the dataset, the home page and
/// `404.html` (for benchmarks: no review pages, feed or sitemap).
pub fn render(
    catalog: &Catalog,
    template: &str,
    base_url: &str,
    feed_entries: usize,
    pages: bool,
) -> Result<Output, PublishError> {
    let template = page::Template::new(template).map_err(PublishError::Template)?;
    let mut files = Vec::new();
    let order = default_order(catalog);
    // The benchmark (`--data-only`) sets the binary index's read beside `JSON.parse` of the
    // same index as JSON; a site build does not write that JSON at all.
    let parts = split_in_order(catalog, DEFAULT_CHUNK_BYTES, &order, !pages);
    files.push((PathBuf::from(CARD_INDEX), parts.cards.into_bytes()));
    if let Some(full) = parts.full {
        files.push((Path::new("data").join(full.name), full.bin));
        if let Some(json) = full.json {
            files.push((PathBuf::from("bench/cards.json"), json.into_bytes()));
        }
    }
    let chunks = parts.chunks.len();
    let search = parts.search;
    files.push((Path::new("data").join(&search.manifest_name), search.manifest.into_bytes()));
    files.extend(search.shards.into_iter().map(|s| (Path::new("data").join(s.name), s.bytes)));
    files.extend(parts.chunks.into_iter().map(|c| (Path::new("data").join(c.name), c.json.into_bytes())));
    let renderer = Renderer::new(catalog.clone(), &template.base_path, CARD_INDEX);
    files.push(("index.html".into(), template.home_page(&catalog.site, base_url, &renderer.render("")).into_bytes()));
    files.push(("404.html".into(), template.not_found_page(&catalog.site, &renderer.render("404")).into_bytes()));
    if !pages {
        return Ok(Output { files, pages: 0, chunks, feed_entries: 0 });
    }
    for review in &catalog.reviews {
        let app = renderer.render(&format!("reviews/{}", review.id()));
        let html = template.review_page(review, &catalog.site, base_url, &app);
        files.push((PathBuf::from(format!("reviews/{}.html", review.id())), html.into_bytes()));
    }
    files.push(("feed.xml".into(), feed::atom(catalog, base_url, feed_entries, today()).into_bytes()));
    files.extend(
        feed::sitemaps(catalog, base_url, feed::SITEMAP_URLS)
            .into_iter()
            .map(|(name, xml)| (PathBuf::from(name), xml.into_bytes())),
    );
    Ok(Output { files, pages: catalog.reviews.len(), chunks, feed_entries: feed_entries.min(catalog.reviews.len()) })
}

/// Writes the output under `dist`, first removing what an earlier build left in
/// `data/`, `reviews/` and `posters/` (all the build's own), so no stale file lingers.
pub fn write(dist: &Path, output: &Output) -> Result<(), PublishError> {
    for dir in ["data", "reviews", "posters"] {
        let path = dist.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|source| PublishError::Clear { path: path.clone(), source })?;
        }
    }
    for (relative, content) in &output.files {
        let path = dist.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|source| PublishError::Create { path: parent.to_path_buf(), source })?;
        }
        std::fs::write(&path, content).map_err(|source| PublishError::Write { path: path.clone(), source })?;
    }
    Ok(())
}

/// Today in UTC, or the day of `SOURCE_DATE_EPOCH` for a reproducible build.
/// Only undated reviews in the feed use it.
fn today() -> Date {
    let seconds =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
        });
    civil_from_days((seconds / 86_400) as i64)
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date::new(year, month, day).unwrap_or(Date { year: 1970, month: 1, day: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(civil_from_days(20_415).to_string(), "2025-11-23");
    }

    #[test]
    fn base_urls_are_absolute_and_end_in_a_slash() {
        assert_eq!(base_url("https://you.github.io/marquee").unwrap(), "https://you.github.io/marquee/");
        assert_eq!(base_url(" http://127.0.0.1:4173/marquee/ ").unwrap(), "http://127.0.0.1:4173/marquee/");
        for bad in
            ["/marquee/", "you.github.io", "https://", "https:///x", "javascript:alert(1)", "https://a/\"><script>"]
        {
            assert!(base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_configuration_refuses_unknown_keys() {
        let dir = std::env::temp_dir().join(format!("marquee-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("marquee.toml");
        std::fs::write(&path, "[site]\nbase_url = \"https://a.example/\"\nfeed_entries = 5\n").unwrap();
        let config = Config::read(&path, true).unwrap();
        assert_eq!(config.site.feed_entries, Some(5));
        std::fs::write(&path, "[site]\nbase_ulr = \"https://a.example/\"\n").unwrap();
        assert!(Config::read(&path, true).unwrap_err().to_string().contains("base_ulr"));
        assert!(Config::read(&dir.join("missing.toml"), false).is_ok());
        assert!(Config::read(&dir.join("missing.toml"), true).is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
