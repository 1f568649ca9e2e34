//! The two small hashes Marquee uses, neither for security: FNV-1a names published files
//! by their content (cache busting), and SplitMix64 turns a seed into a well-mixed number
//! (synthetic data, "surprise me", the placeholder posters' colours).

/// FNV-1a, 64-bit: a fast, stable content hash for cache-busting file names (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// SplitMix64: a small, well-mixed hash for seeds.
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}
