//! A deterministic generator of realistic synthetic datasets, for tests and
//! benchmarks: the same `(count, seed)` always gives the same reviews.
//!
//! ```
//! let a = marquee_core::synth::generate(100, 7);
//! let b = marquee_core::synth::generate(100, 7);
//! assert_eq!(a, b);
//! assert_eq!(a.reviews.len(), 100);
//! ```

use crate::date::Date;
use crate::hash::splitmix64;
use crate::model::{Catalog, Name, Rating, ReviewParts, Site};
use words::*;

mod words;

/// A small deterministic random number generator (SplitMix64 over a counter).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        splitmix64(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Roughly bell-shaped, in `lo..=hi`: the mean of three uniform draws.
    fn bell(&mut self, lo: u32, hi: u32) -> u32 {
        let span = u64::from(hi - lo + 1);
        let sum: u64 = (0..3).map(|_| self.next() % span).sum();
        lo + (sum / 3) as u32
    }
}

/// `count` distinct people's names.
fn people(rng: &mut Rng, count: usize) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(count);
    while out.len() < count {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        if !out.iter().any(|o| **o == *name) {
            out.push(name.into());
        }
    }
    out
}

fn distinct(rng: &mut Rng, items: &[&str], count: usize) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::with_capacity(count);
    while out.len() < count {
        let item = rng.pick(items);
        if !out.iter().any(|o| **o == *item) {
            out.push(Name::from(item));
        }
    }
    out
}

fn paragraph(rng: &mut Rng, title: &str) -> String {
    let mut sentences = vec![format!("{} {}.", rng.pick(OPENERS), rng.pick(SUBJECTS))];
    for _ in 0..2 + rng.below(3) {
        sentences.push(rng.pick(JUDGEMENTS).to_string());
    }
    if rng.below(4) == 0 {
        sentences.push(format!("*{title}* knows exactly what it wants to be."));
    }
    sentences.join(" ")
}

/// A critic's rating, weighted towards 3–4 stars as real review sites are.
fn rating(rng: &mut Rng) -> Rating {
    const WEIGHTS: [usize; 10] = [2, 3, 5, 8, 12, 16, 20, 17, 11, 6];
    let mut roll = rng.below(WEIGHTS.iter().sum());
    for (i, w) in WEIGHTS.iter().enumerate() {
        if roll < *w {
            return Rating::from_halves(i as u8 + 1).unwrap_or(Rating::MAX);
        }
        roll -= w;
    }
    Rating::MAX
}

/// Generates `count` synthetic reviews from `seed`.
pub fn generate(count: usize, seed: u64) -> Catalog {
    let mut rng = Rng(splitmix64(seed));
    let reviews = (0..count)
        .map(|i| {
            let title = format!("The {} {}", rng.pick(ADJECTIVES), rng.pick(NOUNS));
            let title = if rng.below(3) == 0 { title.trim_start_matches("The ").to_string() } else { title };
            let year = (1920 + rng.bell(0, 105)) as u16;
            let mut body: Vec<String> = (0..2 + rng.below(3)).map(|_| paragraph(&mut rng, &title)).collect();
            if rng.below(5) == 0 {
                body.insert(body.len() - 1, format!(":::spoiler\n{}\n:::", paragraph(&mut rng, &title)));
            }
            body.push(rng.pick(CLOSERS).to_string());
            let director_count = 1 + usize::from(rng.below(8) == 0);
            let cast_count = rng.below(6);
            let genre_count = 1 + rng.below(3);
            let country_count = 1 + usize::from(rng.below(4) == 0);
            let reviewed = Date::new(2005 + rng.below(21) as u16, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
            ReviewParts {
                id: format!("{}-{year}-{i}", crate::text::fold(&title).replace(' ', "-")).into(),
                title: title.into(),
                original_title: None,
                year,
                directors: people(&mut rng, director_count),
                cast: people(&mut rng, cast_count),
                genres: distinct(&mut rng, GENRES, genre_count),
                runtime_minutes: (rng.below(20) != 0).then(|| rng.bell(70, 200) as u16),
                countries: distinct(&mut rng, COUNTRIES, country_count),
                rating: Some(rating(&mut rng)),
                summary: None,
                body: body.join("\n\n").into(),
                reviewed_on: (rng.below(10) != 0).then_some(reviewed).flatten(),
                home_release: None,
                poster: None,
                ..ReviewParts::default()
            }
            .into()
        })
        .collect();
    Catalog {
        site: Site {
            title: Some("Synthetic reviews".into()),
            tagline: None,
            author: Some("Marquee's generator".into()),
        },
        reviews,
    }
}

/// The catalog as a `marquee/1` JSON document.
pub fn to_json(catalog: &Catalog) -> String {
    serde_json::json!({ "format": crate::FORMAT_V1, "site": catalog.site, "reviews": catalog.reviews }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_datasets_are_valid_and_deterministic() {
        let catalog = generate(500, 1);
        let json = to_json(&catalog);
        let loaded = crate::load_dataset(json.as_bytes()).expect("generated JSON parses");
        assert!(loaded.diagnostics.is_empty(), "{:?}", &loaded.diagnostics[..loaded.diagnostics.len().min(3)]);
        let mismatch = loaded.catalog.reviews.iter().zip(&catalog.reviews).position(|(a, b)| a != b);
        assert_eq!(mismatch, None, "the JSON round-trips to the same catalog");
        assert_eq!(loaded.catalog, catalog);
        assert_eq!(generate(500, 1), catalog);
        assert_ne!(generate(500, 2), catalog);
    }

    #[test]
    fn generated_data_spreads_across_facets() {
        let catalog = generate(2000, 3);
        let decades: std::collections::BTreeSet<u16> = catalog.reviews.iter().map(|r| r.year / 10).collect();
        assert!(decades.len() >= 9, "{decades:?}");
        let ratings: std::collections::BTreeSet<u8> =
            catalog.reviews.iter().filter_map(|r| r.rating.map(Rating::halves)).collect();
        assert_eq!(ratings.len(), 10, "every half-star rating occurs");
        let genres: std::collections::BTreeSet<&str> =
            catalog.reviews.iter().flat_map(|r| r.genres().iter().map(|g| &**g)).collect();
        assert_eq!(genres.len(), GENRES.len());
    }
}
