use super::*;
use crate::date::Date;
use crate::error::DatasetError;
use crate::split::{split, DEFAULT_CHUNK_BYTES, FIRST_SCREEN_SPLIT_ABOVE};
use crate::{load_dataset, synth};
use proptest::prelude::*;
use std::sync::Arc;

/// A synthetic catalog with every optional field used somewhere.
fn varied(n: usize) -> Catalog {
    let mut catalog = synth::generate(n, 5);
    for (i, review) in catalog.reviews.iter_mut().enumerate() {
        if i % 3 == 0 {
            review.edit(|p| p.original_title = Some(format!("Originaltitel {i} — «ü»").into()));
            review.edit(|p| p.summary = Some("A summary the author wrote.".into()));
        }
        if i % 4 == 1 {
            review.edit(|p| p.poster = Some(format!("posters/{i}.jpg").into()));
            review.home_release = Date::new(2001, 2, 28);
            review.edit(|p| p.tags = ["festival".into(), "rewatch".into()].into());
        }
        if i % 5 == 2 {
            review.runtime_minutes = None;
            review.edit(|p| p.cast = Vec::new());
        }
    }
    catalog
}

fn bin(catalog: &Catalog) -> Vec<u8> {
    let names: Vec<String> = vec!["bodies-0-aa.json".into(), "bodies-1-bb.json".into()];
    let chunk_of: Vec<u32> = (0..catalog.reviews.len() as u32).map(|i| i % 2).collect();
    encode(catalog, &chunk_of, &names)
}

#[test]
fn the_binary_index_reads_back_exactly_as_the_json_index_does() {
    let catalog = varied(FIRST_SCREEN_SPLIT_ABOVE + 7);
    let files = split(&catalog, DEFAULT_CHUNK_BYTES);
    let full = files.full.expect("a large catalog has a full index");
    let json = full.json.as_deref().expect("split writes the JSON form");
    let from_json = load_dataset(json.as_bytes()).expect("the JSON index loads");
    assert!(from_json.diagnostics.is_empty(), "{:?}", from_json.diagnostics);
    let from_bin = decode(&full.bin).expect("the binary index loads");
    assert_eq!(from_bin.catalog, from_json.catalog);
    assert_eq!(from_bin.chunks, from_json.chunks);
    assert!(from_bin.diagnostics.is_empty() && from_bin.more.is_none());
    assert!(full.bin.len() < json.len(), "{} vs {} bytes", full.bin.len(), json.len());
    assert!(is_binary(&full.bin) && !is_binary(json.as_bytes()));
}

#[test]
fn each_distinct_string_is_stored_once() {
    let catalog = varied(50);
    let bytes = bin(&catalog);
    let name = catalog.reviews[0].directors()[0].as_bytes();
    let copies = bytes.windows(name.len()).filter(|w| *w == name).count();
    assert_eq!(copies, 1);
}

#[test]
fn a_file_that_is_not_a_binary_index_says_so() {
    let error = decode(br#"{"format":"marquee-cards/1"}"#).unwrap_err();
    assert_eq!(error.to_string(), "the card index is damaged at byte 0: not a marquee-cards-bin/2 card index");
}

#[test]
fn every_truncation_is_an_error_naming_a_byte_inside_the_file() {
    let bytes = bin(&varied(6));
    for end in 0..bytes.len() {
        match decode(&bytes[..end]) {
            Err(DatasetError::Damaged { offset, .. }) => assert!(offset <= end, "{offset} > {end}"),
            other => panic!("a file cut at {end} gave {other:?}"),
        }
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(decode(&longer), Err(DatasetError::Damaged { offset, .. }) if offset == bytes.len()));
}

#[test]
fn damaged_values_are_refused_with_their_reason() {
    let mut catalog = varied(2);
    catalog.reviews[1].edit(|p| p.poster = Some("javascript:alert(1)".into()));
    let error = decode(&bin(&catalog)).unwrap_err().to_string();
    assert!(error.ends_with("a poster is not a safe image URL"), "{error}");
    let mut catalog = varied(2);
    catalog.reviews[0].edit(|p| p.id = "Not A Slug".into());
    assert!(decode(&bin(&catalog)).unwrap_err().to_string().ends_with("an id is not a slug"));
    let catalog = varied(2);
    let error = decode(&encode(&catalog, &[0, 3], &["bodies-0.json".into()])).unwrap_err().to_string();
    assert!(error.ends_with("a chunk number is out of range"), "{error}");
    let error = decode(&encode(&catalog, &[0, 0], &["../secret.json".into()])).unwrap_err().to_string();
    assert!(error.ends_with("a chunk name is not a plain file name"), "{error}");
    let mut catalog = varied(2);
    catalog.reviews[1].edit(|p| p.genres = (0..21).map(|i| format!("Genre {i}").into()).collect());
    let error = decode(&bin(&catalog)).unwrap_err().to_string();
    assert!(error.ends_with("a list of 21 names is longer than a dataset allows (20)"), "{error}");
}

#[test]
fn reading_in_steps_gives_what_reading_at_once_gives() {
    let bytes: &[u8] = &bin(&varied(23));
    let whole = decode(bytes).unwrap();
    for size in [1, 5, 22, 23, 100] {
        let mut decoder = Decoder::new(&bytes).unwrap();
        let mut steps = 1;
        let stepped = loop {
            if let Some(loaded) = decoder.step(size).unwrap() {
                break loaded;
            }
            steps += 1;
        };
        assert_eq!(stepped.catalog, whole.catalog, "steps of {size}");
        assert_eq!(stepped.chunks, whole.chunks);
        assert_eq!(steps, 23usize.div_ceil(size).max(1), "steps of {size}");
    }
}

#[test]
fn a_damaged_review_is_the_error_of_the_step_that_reads_it() {
    let mut catalog = varied(10);
    catalog.reviews[7].edit(|p| p.id = "Not A Slug".into());
    let bytes: &[u8] = &bin(&catalog);
    let mut decoder = Decoder::new(&bytes).unwrap();
    assert!(decoder.step(5).unwrap().is_none(), "the first five are sound");
    let error = decoder.step(5).expect_err("the eighth review is damaged").to_string();
    assert!(error.ends_with("an id is not a slug"), "{error}");
    let mut longer = bin(&varied(3));
    let end = longer.len();
    longer.push(0);
    let error = Decoder::new(&&longer[..]).unwrap().step(3).expect_err("a byte after the last review");
    assert!(matches!(error, DatasetError::Damaged { offset, .. } if offset == end), "{error}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_damage_makes_the_reader_panic(at in 0usize..4096, byte in any::<u8>(), tail in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = bin(&varied(8));
        let at = at % bytes.len();
        bytes[at] = byte;
        let _ = decode(&bytes);
        bytes.truncate(at.max(MAGIC.len()));
        bytes.extend(tail);
        let _ = decode(&bytes);
    }

    #[test]
    fn any_synthetic_catalog_round_trips(n in 0usize..40, seed in any::<u64>()) {
        let catalog = synth::generate(n, seed);
        let decoded = decode(&bin(&catalog)).unwrap();
        prop_assert_eq!(decoded.catalog.reviews.len(), n);
        for (card, full) in decoded.catalog.reviews.iter().zip(&catalog.reviews) {
            prop_assert_eq!(card.excerpt(), full.excerpt());
            let mut restored = card.clone();
            restored.set_body(full.body().clone());
            prop_assert_eq!(&restored, full);
        }
    }
}

#[test]
fn reviews_read_from_the_binary_index_share_each_name() {
    let catalog = varied(40);
    let read = decode(&bin(&catalog)).expect("the index reads back").catalog.reviews;
    let drama: Vec<&Name> = read.iter().flat_map(|r| r.genres()).filter(|g| &***g == "Drama").collect();
    assert!(drama.len() > 1, "the sample has several dramas");
    assert!(drama.iter().all(|g| Arc::ptr_eq(g, drama[0])), "one copy of \"Drama\" for every review that gives it");
    let tags: Vec<&Name> = read.iter().flat_map(|r| r.tags()).filter(|t| &***t == "festival").collect();
    assert!(tags.len() > 1 && tags.iter().all(|t| Arc::ptr_eq(t, tags[0])), "tags are shared too");
}

/// A file in memory that notes each piece a reader copies out of it.
struct Pieces<'a> {
    bytes: &'a [u8],
    copied: std::cell::RefCell<Vec<usize>>,
}

impl Source for Pieces<'_> {
    fn size(&self) -> usize {
        self.bytes.len()
    }

    fn append(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        self.copied.borrow_mut().push(to - from);
        out.extend_from_slice(&self.bytes[from..to]);
    }
}

#[test]
fn a_large_index_is_read_a_window_at_a_time_never_whole() {
    let bytes = bin(&varied(2_000));
    assert!(bytes.len() > 4 * 64 * 1024, "{} bytes", bytes.len());
    let file = Pieces { bytes: &bytes, copied: Default::default() };
    let read = decode_from(&file).expect("the index reads back");
    assert_eq!(read.catalog, decode(&bytes).expect("and from a slice").catalog);
    let copied = file.copied.borrow();
    let largest = copied.iter().max().copied().unwrap_or_default();
    assert!(largest <= 64 * 1024, "a piece of {largest} bytes");
    // The lengths are read twice (once to find where the strings end), everything else once.
    let total: usize = copied.iter().sum();
    assert!(total < bytes.len() * 5 / 4, "{total} bytes copied for a file of {}", bytes.len());
}

/// The string lengths of a binary index: (offset of each length's varint, its value).
fn lengths(bytes: &[u8]) -> Vec<(usize, u32)> {
    let mut at = MAGIC.len();
    let count = crate::varint::read(bytes, &mut at).unwrap();
    (0..count)
        .map(|_| {
            let from = at;
            (from, crate::varint::read(bytes, &mut at).unwrap())
        })
        .collect()
}

#[test]
fn a_string_marked_as_given_once_but_given_twice_is_damage() {
    let catalog = varied(4);
    let mut bytes = bin(&catalog);
    let marks: Vec<bool> = lengths(&bytes).iter().map(|&(_, n)| n & 1 == 1).collect();
    assert!(marks.iter().any(|&shared| shared) && marks.iter().any(|&shared| !shared));
    // The first shared string (a chunk name, a genre): its mark taken away.
    let (at, n) = lengths(&bytes).into_iter().find(|&(_, n)| n & 1 == 1).expect("a shared string");
    bytes[at] &= !1;
    assert_eq!(lengths(&bytes).iter().find(|&&(a, _)| a == at).map(|&(_, m)| m), Some(n - 1));
    let error = decode(&bytes).unwrap_err().to_string();
    assert!(error.ends_with("a string given once is given again"), "{error}");
}
