#!/usr/bin/env bash
# Where the browser bundle's bytes go. Builds the release wasm as Trunk does
# (cargo --release, wasm-bindgen, wasm-opt -Oz), but keeping function names, and
# has twiggy attribute the bytes: per crate and the 30 largest functions. Prints
# a table and writes bench-results/size.json. Called by `./dev size`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
OUT=target/size
mkdir -p "$OUT" bench-results
echo "size: cargo build --release (wasm32)"
cargo build --quiet --release --target wasm32-unknown-unknown -p marquee-site --bin marquee-site
echo "size: wasm-bindgen, then wasm-opt -Oz with names kept (-g)"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" target/wasm32-unknown-unknown/release/marquee-site.wasm
wasm-opt -Oz -g "$OUT/marquee-site_bg.wasm" -o "$OUT/named.wasm"
# What ships: the same without names.
wasm-opt -Oz "$OUT/marquee-site_bg.wasm" -o "$OUT/shipped.wasm"
twiggy top -n 1000000 --format json "$OUT/named.wasm" > "$OUT/top.json"
node scripts/size-report.mjs "$OUT/top.json" "$OUT/shipped.wasm" "$OUT/marquee-site.js" bench-results/size.json
