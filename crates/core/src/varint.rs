//! Unsigned LEB128 varints, the numbers of Marquee's binary published files
//! (the binary card index and the full-text shards).

use crate::error::DatasetError;

/// Appends `n`: seven bits a byte, low bits first, the high bit set on all but the last.
pub fn put(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads the number at `*at` and moves past it. A file that ends inside it, or
/// a number longer than five bytes, is an error naming the byte.
pub fn read(bytes: &[u8], at: &mut usize) -> Result<u32, DatasetError> {
    let mut n: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).ok_or_else(|| damaged(*at, "the file ends early"))?;
        *at += 1;
        n |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
        if byte & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err(damaged(*at, "a number is too long"))
}

/// The error for a damaged binary file at byte `offset`.
pub fn damaged(offset: usize, message: &str) -> DatasetError {
    DatasetError::Damaged { offset, message: message.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_damage_is_named() {
        for n in [0, 1, 127, 128, 300, 16_384, u32::MAX] {
            let mut out = Vec::new();
            put(&mut out, n);
            let mut at = 0;
            assert_eq!(read(&out, &mut at), Ok(n));
            assert_eq!(at, out.len());
        }
        assert_eq!(
            read(&[0x80], &mut 0).unwrap_err().to_string(),
            "the card index is damaged at byte 1: the file ends early"
        );
        assert!(read(&[0xff; 6], &mut 0).is_err());
    }
}
