//! The binary card index, `marquee-cards-bin/2`: the published form of a large
//! collection's full card index ([`crate::split`]), which the app reads in a
//! few milliseconds where JSON took hundreds.
//!
//! `marquee build` validated every review before writing it, so reading it back
//! needs no diagnostics, only checks that keep a damaged or foreign file from
//! becoming anything but an error that names the byte: bounds, UTF-8, ratings,
//! dates, ids, chunk references and poster URLs. Datasets that people write
//! stay JSON (`marquee/1`, [`crate::load_dataset`]).
//!
//! Layout (every number is an unsigned LEB128 varint):
//!
//! ```text
//! magic        "MQCARDS" 0x02
//! strings      count, then per string its byte length times two, plus one
//!              if more than one place gives it, then all bytes (UTF-8)
//! site         flags (1 title, 2 tagline, 4 author), then those strings
//! chunks       count, then each file name as a string
//! reviews      count, then per review:
//!   flags      1 original_title, 2 runtime, 4 summary, 8 reviewed_on,
//!              16 home_release, 32 poster
//!   id title [original_title] year directors cast genres [runtime_minutes]
//!   countries rating(halves) summary-or-excerpt [reviewed_on] [home_release]
//!   [poster] tags chunk
//! ```
//!
//! Strings are indices into the table, which holds each distinct string once
//! (people, genres and countries repeat), numbered in the order the file first
//! gives them: a reader meets each new string as the next one of the table, and
//! can hand a string that one place gives to that place ([`Decoder`]). A list is
//! a count and its strings; a date is `year * 512 + month * 32 + day`.
//!
//! ```
//! use marquee_core::{cards_bin, synth};
//! let catalog = synth::generate(3, 1);
//! let bytes = cards_bin::encode(&catalog, &[0, 0, 0], &["bodies-0.json".into()]);
//! let loaded = cards_bin::decode(&bytes).unwrap();
//! assert_eq!(loaded.catalog.reviews.len(), 3);
//! assert_eq!(loaded.catalog.reviews[1].excerpt(), catalog.reviews[1].excerpt());
//! ```

use crate::model::{Catalog, Name, Rating, Review};
use crate::varint::put;
use rustc_hash::FxHashMap;

/// The first bytes of a binary card index; the last one is the version.
pub const MAGIC: &[u8; 8] = b"MQCARDS\x02";

/// Whether `bytes` start like a binary card index.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC[..7])
}

const ORIGINAL_TITLE: u32 = 1;
const RUNTIME: u32 = 2;
const SUMMARY: u32 = 4;
const REVIEWED_ON: u32 = 8;
const HOME_RELEASE: u32 = 16;
const POSTER: u32 = 32;

/// Writes the card index of `catalog`: each review's `chunk_of` entry is the
/// index, in `chunks`, of the body chunk that holds its text.
pub fn encode(catalog: &Catalog, chunk_of: &[u32], chunks: &[String]) -> Vec<u8> {
    // The card text: the author's summary, else the excerpt derived from the body.
    let texts: Vec<String> = catalog.reviews.iter().map(Review::excerpt).collect();
    let mut table = Table::default();
    let mut out = Vec::new();
    let site = &catalog.site;
    let site_flags = flag(site.title.is_some(), 1) | flag(site.tagline.is_some(), 2) | flag(site.author.is_some(), 4);
    put(&mut out, site_flags);
    for text in [&site.title, &site.tagline, &site.author].into_iter().flatten() {
        table.put(&mut out, text);
    }
    put(&mut out, chunks.len() as u32);
    for name in chunks {
        table.put(&mut out, name);
    }
    put(&mut out, catalog.reviews.len() as u32);
    for ((review, &chunk), text) in catalog.reviews.iter().zip(chunk_of).zip(&texts) {
        let flags = flag(review.original_title().is_some(), ORIGINAL_TITLE)
            | flag(review.runtime_minutes.is_some(), RUNTIME)
            | flag(review.summary().is_some(), SUMMARY)
            | flag(review.reviewed_on.is_some(), REVIEWED_ON)
            | flag(review.home_release.is_some(), HOME_RELEASE)
            | flag(review.poster().is_some(), POSTER);
        put(&mut out, flags);
        table.put(&mut out, review.id());
        table.put(&mut out, review.title());
        if let Some(original) = &review.original_title() {
            table.put(&mut out, original);
        }
        put(&mut out, u32::from(review.year));
        table.list(&mut out, review.directors());
        table.list(&mut out, review.cast());
        table.list(&mut out, review.genres());
        if let Some(minutes) = review.runtime_minutes {
            put(&mut out, u32::from(minutes));
        }
        table.list(&mut out, review.countries());
        // 0 when the critic gave none; else 1 to 10 half-stars.
        put(&mut out, u32::from(review.rating.map_or(0, Rating::halves)));
        table.put(&mut out, text);
        for date in [review.reviewed_on, review.home_release].into_iter().flatten() {
            put(&mut out, u32::from(date.year) * 512 + u32::from(date.month) * 32 + u32::from(date.day));
        }
        if let Some(poster) = &review.poster() {
            table.put(&mut out, poster);
        }
        table.list(&mut out, review.tags());
        put(&mut out, chunk);
    }
    let mut file = MAGIC.to_vec();
    put(&mut file, table.strings.len() as u32);
    for (s, &uses) in table.strings.iter().zip(&table.uses) {
        put(&mut file, (s.len() as u32) << 1 | u32::from(uses > 1));
    }
    for s in &table.strings {
        file.extend_from_slice(s.as_bytes());
    }
    file.extend_from_slice(&out);
    file
}

fn flag(on: bool, bit: u32) -> u32 {
    if on {
        bit
    } else {
        0
    }
}

/// The string table being written: each distinct string once, by first use,
/// and how many places give it.
#[derive(Default)]
struct Table<'a> {
    strings: Vec<&'a str>,
    uses: Vec<u32>,
    ids: FxHashMap<&'a str, u32>,
}

impl<'a> Table<'a> {
    fn put(&mut self, out: &mut Vec<u8>, s: &'a str) {
        let next = self.strings.len() as u32;
        let id = *self.ids.entry(s).or_insert_with(|| {
            self.strings.push(s);
            self.uses.push(0);
            next
        });
        self.uses[id as usize] += 1;
        put(out, id);
    }

    fn list(&mut self, out: &mut Vec<u8>, items: &'a [Name]) {
        put(out, items.len() as u32);
        for item in items {
            self.put(out, item);
        }
    }
}

mod decode;
mod window;
pub use decode::{decode, decode_from, Decoder};
pub use window::Source;

#[cfg(test)]
mod tests;
