//! Posters from a reviewer's own image files. For each review whose `poster` is a local file,
//! `marquee build` makes the card and page sizes at 1× and 2× (2:3, cropped to the centre),
//! as WebP when that is smaller and JPEG otherwise, under content-hashed names
//! (`marquee_core::poster`), and points the review at them. A missing, unreadable or too small
//! image is reported with its review; a missing or unreadable one leaves the review with the
//! generated placeholder. Remote (http(s)) posters are used as they are.

use crate::report::Finding;
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder};
use marquee_core::poster::{self, WIDTHS};
use marquee_core::{Catalog, Diagnostic};
use std::path::{Path, PathBuf};

/// What making the posters gave: the files to publish, what went wrong, and the bytes.
#[derive(Debug, Default)]
pub struct Made {
    pub files: Vec<(PathBuf, Vec<u8>)>,
    pub findings: Vec<Finding>,
    /// How many posters were made, from how many source bytes, into how many published bytes.
    pub posters: usize,
    pub source_bytes: usize,
    pub published_bytes: usize,
}

/// JPEG quality: posters are photographs, seen small.
const JPEG_QUALITY: u8 = 82;

/// Makes the posters of every review with a local poster file, looked up under each of
/// `roots` in turn (the dataset's folder, then the site), and rewrites their `poster`.
pub fn make(catalog: &mut Catalog, dataset: &Path, roots: &[PathBuf]) -> Made {
    let mut made = Made::default();
    for (index, review) in catalog.reviews.iter_mut().enumerate() {
        let Some(poster) = review.poster() else { continue };
        if poster.starts_with("http://") || poster.starts_with("https://") || poster::generated(poster).is_some() {
            continue;
        }
        let path = format!("reviews[{index}].poster");
        let warn = |message: String| Finding::at(dataset, None, Diagnostic::warning(path.clone(), message));
        let relative = poster.trim_start_matches('/').split(['?', '#']).next().unwrap_or_default();
        let Some(file) = roots.iter().map(|root| root.join(relative)).find(|f| f.is_file()) else {
            made.findings.push(warn(format!("\"{poster}\" is not a file here; the review shows a placeholder")));
            review.edit(|p| p.poster = None);
            continue;
        };
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(e) => {
                made.findings
                    .push(warn(format!("{} cannot be read ({e}); the review shows a placeholder", file.display())));
                review.edit(|p| p.poster = None);
                continue;
            }
        };
        let image = match image::load_from_memory(&bytes) {
            Ok(image) => image,
            Err(e) => {
                let message = format!("{} is not an image this build reads (JPEG, PNG, WebP): {e}", file.display());
                made.findings.push(warn(format!("{message}; the review shows a placeholder")));
                review.edit(|p| p.poster = None);
                continue;
            }
        };
        let largest = WIDTHS[3];
        if image.width() < largest || image.height() < poster::height(largest) {
            made.findings.push(warn(format!(
                "{} is {}×{} px: posters look sharp from {largest}×{} px",
                file.display(),
                image.width(),
                image.height(),
                poster::height(largest)
            )));
        }
        let Some((ext, sizes)) = encode(&image) else {
            made.findings
                .push(warn(format!("{} could not be encoded; the review shows a placeholder", file.display())));
            review.edit(|p| p.poster = None);
            continue;
        };
        let published = poster::published(review.id(), marquee_core::hash::fnv1a(&bytes) as u32, ext);
        made.posters += 1;
        made.source_bytes += bytes.len();
        for (width, data) in WIDTHS.iter().zip(sizes) {
            let Some(name) = poster::file(&published, *width) else { continue };
            made.published_bytes += data.len();
            made.files.push((PathBuf::from(name), data));
        }
        review.edit(|p| p.poster = Some(published.into()));
    }
    made
}

/// Every width of a poster, in the format that makes them smaller in total.
fn encode(image: &DynamicImage) -> Option<(&'static str, Vec<Vec<u8>>)> {
    let resized: Vec<DynamicImage> =
        WIDTHS.iter().map(|&w| image.resize_to_fill(w, poster::height(w), FilterType::Lanczos3)).collect();
    let jpeg: Option<Vec<Vec<u8>>> = resized.iter().map(jpeg).collect();
    let webp: Option<Vec<Vec<u8>>> = resized.iter().map(webp).collect();
    let total = |files: &Vec<Vec<u8>>| files.iter().map(Vec::len).sum::<usize>();
    match (jpeg, webp) {
        (Some(j), Some(w)) if total(&w) < total(&j) => Some(("webp", w)),
        (Some(j), _) => Some(("jpg", j)),
        (None, Some(w)) => Some(("webp", w)),
        (None, None) => None,
    }
}

fn jpeg(image: &DynamicImage) -> Option<Vec<u8>> {
    let rgb = image.to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .write_image(&rgb, rgb.width(), rgb.height(), image::ExtendedColorType::Rgb8)
        .ok()?;
    Some(out)
}

/// Lossless: smaller than JPEG for flat, graphic posters; larger for photographs.
fn webp(image: &DynamicImage) -> Option<Vec<u8>> {
    let rgba = image.to_rgba8();
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .write_image(&rgba, rgba.width(), rgba.height(), image::ExtendedColorType::Rgba8)
        .ok()?;
    Some(out)
}
