//! Eight bytes at a time: the tests that let the JSON reader and the text checks skip
//! over runs of plain ASCII, which is most of a dataset, without looking at each byte.
//! Each gives a mask of a little-endian word's bytes of a kind whose lowest set bit is
//! exact: [`plain_bytes`] of it is how many bytes come before the first such byte.
//! (A byte above the first may be flagged wrongly; the caller never looks past the first.)

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `at`, if there are eight.
pub(crate) fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Bytes of `w` below `n` (`n` at most 128).
fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS
}

/// Bytes of `w` equal to `b`.
fn equal(w: u64, b: u8) -> u64 {
    below(w ^ (ONES * u64::from(b)), 1)
}

/// Where a JSON string's scan must stop: a quote, a backslash or a control character.
pub(crate) fn json_stops(w: u64) -> u64 {
    below(w, 0x20) | equal(w, b'"') | equal(w, b'\\')
}

/// Anything but printable ASCII (`0x20..=0x7E`).
pub(crate) fn unprintable(w: u64) -> u64 {
    (w & HIGHS) | below(w, 0x20) | equal(w, 0x7F)
}

/// How many bytes of the word come before the first one that `mask` flags (8 for none).
pub(crate) fn plain_bytes(mask: u64) -> usize {
    mask.trailing_zeros() as usize / 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn first(bytes: &[u8; 8], stop: impl Fn(u8) -> bool) -> usize {
        bytes.iter().position(|&b| stop(b)).unwrap_or(8)
    }

    proptest! {
        #[test]
        fn word_tests_find_the_first_byte_that_looking_at_each_finds(
            bytes in any::<[u8; 8]>(),
            pick in 0usize..8,
            special in prop::sample::select(vec![0u8, 0x1F, 0x20, b'"', b'\\', 0x7E, 0x7F, 0x80, 0xC2, 0xFF]),
        ) {
            for bytes in [bytes, { let mut b = bytes; b[pick] = special; b }, *b"a plain."] {
                let w = u64::from_le_bytes(bytes);
                prop_assert_eq!(plain_bytes(json_stops(w)), first(&bytes, |b| b < 0x20 || b == b'"' || b == b'\\'));
                prop_assert_eq!(plain_bytes(unprintable(w)), first(&bytes, |b| !(0x20..=0x7E).contains(&b)));
            }
        }
    }

    #[test]
    fn a_word_needs_eight_bytes() {
        assert_eq!(word(b"abcdefgh", 0), Some(u64::from_le_bytes(*b"abcdefgh")));
        assert_eq!(word(b"abcdefgh", 1), None);
        assert_eq!(word(b"abc", usize::MAX), None);
    }
}
