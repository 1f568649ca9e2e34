#!/usr/bin/env bash
# Runs every test layer and fails if any fails. Called by `./dev test` after setup.
#   1. cargo fmt and leptosfmt      4. wasm-bindgen-test in headless Chromium
#      --check; stylesheet names
#   2. cargo clippy -D warnings     5. release build under /marquee/
#      (native, wasm, and the app's native `ssr` build that `marquee build` renders with)
#   3. native cargo test            6. end-to-end tests against that build: Playwright in
#   (wasm-bindgen-test also runs        Chromium, and the reader paths over WebDriver in
#    in headless Firefox)               Firefox and WebKit (tests/e2e/engines/)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"
LOGS="$PWD/target/test-logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log

declare -a RESULTS=()
FAILED=0

# layer NAME COMMAND...: runs COMMAND, keeps its output in $LOGS/NAME.log, records the outcome.
layer() {
    local name="$1"; shift
    printf '\n\033[1;35m== %s: %s\033[0m\n' "$name" "$*"
    local start=$SECONDS
    "$@" 2>&1 | tee "$LOGS/$name.log"
    local status=${PIPESTATUS[0]}
    local took=$((SECONDS - start))
    if [ "$status" -eq 0 ]; then
        RESULTS+=("ok      $name (${took}s)")
    else
        RESULTS+=("FAILED  $name (${took}s, exit $status)")
        FAILED=1
    fi
    return "$status"
}

# Sums cargo's "test result:" lines in a log: prints "PASSED FAILED".
cargo_counts() {
    sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { printf "%d %d\n", p, f }'
}

layer fmt cargo fmt --all --check
# The view! macros, which rustfmt leaves alone (leptosfmt.toml).
layer leptosfmt leptosfmt --check src tests
# Every stylesheet is named after its component (style/components/NAME.css ↔ src/components/NAME.rs).
layer css node scripts/bundle-css.mjs --check
layer clippy-native cargo clippy --workspace --exclude marquee-site --all-targets -- -D warnings
layer clippy-wasm cargo clippy -p marquee-site --target wasm32-unknown-unknown --all-targets --features bench -- -D warnings
layer clippy-ssr cargo clippy -p marquee-site --no-default-features --features ssr --lib -- -D warnings
layer native cargo test --workspace --exclude marquee-site
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
    layer wasm cargo test -p marquee-site --target wasm32-unknown-unknown
# wasm-bindgen-test picks Firefox when GECKODRIVER is the only driver it is given.
layer wasm-firefox env -u CHROMEDRIVER GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}" \
    cargo test -p marquee-site --target wasm32-unknown-unknown
# Playwright runs from its own folder (its config starts the Pages-like server there).
e2e() { (cd tests/e2e && npx playwright test "$@"); }
if layer build scripts/build.sh /marquee/; then
    layer e2e e2e
    layer e2e-firefox tests/e2e/engines/run.sh firefox
    layer e2e-webkit tests/e2e/engines/run.sh webkit
else
    RESULTS+=("SKIPPED e2e (the release build failed)")
fi

read -r NATIVE_P NATIVE_F < <(cargo_counts "$LOGS/native.log")
read -r WASM_P WASM_F < <(cargo_counts "$LOGS/wasm.log")
read -r WASM_FX_P WASM_FX_F < <(cargo_counts "$LOGS/wasm-firefox.log")
# node --test's closing lines: "ℹ pass N", "ℹ fail N".
node_counts() {
    sed 's/\x1b\[[0-9;]*m//g' "$1" 2>/dev/null | awk '/ pass [0-9]+$/ { p = $NF } / fail [0-9]+$/ { f = $NF } END { printf "%d %d\n", p, f }'
}
read -r FX_P FX_F < <(node_counts "$LOGS/e2e-firefox.log")
read -r WK_P WK_F < <(node_counts "$LOGS/e2e-webkit.log")
E2E_LINE="$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/e2e.log" 2>/dev/null | grep -E '^ +[0-9]+ (passed|failed|flaky|skipped)' || true)"
E2E_P="$(echo "$E2E_LINE" | awk '/passed/ { print $1 }')"
E2E_F="$(echo "$E2E_LINE" | awk '/failed/ { print $1 }')"

printf '\n\033[1m== summary\033[0m\n'
printf '  %s\n' "${RESULTS[@]}"
printf '  native tests: %s passed, %s failed\n' "$NATIVE_P" "$NATIVE_F"
printf '  wasm chromium: %s passed, %s failed\n' "$WASM_P" "$WASM_F"
printf '  wasm firefox:  %s passed, %s failed\n' "$WASM_FX_P" "$WASM_FX_F"
printf '  e2e chromium: %s passed, %s failed\n' "${E2E_P:-0}" "${E2E_F:-0}"
printf '  e2e firefox: %s passed, %s failed\n' "$FX_P" "$FX_F"
printf '  e2e webkit: %s passed, %s failed\n' "$WK_P" "$WK_F"
TOTAL_P=$((NATIVE_P + WASM_P + WASM_FX_P + ${E2E_P:-0} + FX_P + WK_P))
TOTAL_F=$((NATIVE_F + WASM_F + WASM_FX_F + ${E2E_F:-0} + FX_F + WK_F))
if [ "$FAILED" -ne 0 ] && [ "$TOTAL_F" -eq 0 ]; then
    TOTAL_F=1 # a layer failed without a failing test (a build, lint or runner error)
fi
echo "total: $TOTAL_P passed, $TOTAL_F failed"
exit "$FAILED"
