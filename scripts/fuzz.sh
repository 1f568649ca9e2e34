#!/usr/bin/env bash
# Fuzzes the catalog core with cargo-fuzz (libFuzzer): dataset parse+validate,
# the URL-state codec and the Markdown renderer, each for RUNS iterations
# (default 1,000,000). Needs a nightly toolchain; installs cargo-fuzz if missing.
#
#   scripts/fuzz.sh [RUNS] [TARGET...]     e.g. scripts/fuzz.sh 1000000 markdown
#
# A crash is saved under fuzz/artifacts/<target>/ and the script fails; turn it
# into a regression test in crates/core before fixing it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset url_state markdown)

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: a nightly toolchain is needed (rustup toolchain install nightly)" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz from crates.io"
    cargo install cargo-fuzz --version 0.13.2
fi

seeds() {
    # Start each corpus from real inputs, so the fuzzer begins inside the format.
    local dir="fuzz/corpus/$1"
    mkdir -p "$dir"
    case "$1" in
        dataset) cp tests/hostile/not-a-dataset.json fuzz/seeds/dataset/*.json "$dir"/
                 node -e 'const d = require("./assets/collection.json"); d.reviews = d.reviews.slice(0, 3);
                          process.stdout.write(JSON.stringify(d))' > "$dir/three-reviews.json" ;;
        url_state) printf '?genre=Drama&genre=Comedy&rating=7&sort=year-desc&q=caf%%C3%%A9' > "$dir/seed" ;;
        markdown) cp examples/reviews/*.md "$dir"/ ;;
    esac
}

for target in "${targets[@]}"; do
    seeds "$target"
    echo "fuzz: $target, $runs runs"
    start=$(date +%s)
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -runs="$runs" -max_len=65536 -timeout=10 -print_final_stats=1 2>&1 |
        grep -E '^(#[0-9]+ +DONE|Done|==|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|.*panicked)' || true
    status=${PIPESTATUS[0]}
    echo "fuzz: $target finished in $(( $(date +%s) - start )) s (exit $status)"
    [ "$status" -eq 0 ] || exit "$status"
done
