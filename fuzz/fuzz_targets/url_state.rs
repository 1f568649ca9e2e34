//! Any query string as URL state: decoding never panics, and what it decodes
//! encodes to a string that decodes to the same state (the codec is stable).
#![no_main]

use libfuzzer_sys::fuzz_target;
use marquee_core::url::{decode, encode};

fuzz_target!(|search: &str| {
    let query = decode(search);
    let encoded = encode(&query);
    let again = decode(&encoded);
    assert_eq!(encode(&again), encoded, "encoding is not stable for {search:?}");
});
