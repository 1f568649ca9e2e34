#!/usr/bin/env bash
# Installs whatever Marquee's build and tests need, and skips what is already
# present at the right version. Safe to run again and again.
#
#   scripts/setup.sh build   # Rust target, Trunk, wasm-bindgen-cli, wasm-opt, crates
#   scripts/setup.sh test    # all of the above, plus Chromium, ChromeDriver, Firefox ESR, geckodriver,
#                            # WebKitGTK's WebDriver, Xvfb, leptosfmt and the npm test packages
#   scripts/setup.sh bench   # all of the above, plus the benchmark's npm packages (MiniSearch, ItemsJS, Lighthouse)
#   scripts/setup.sh size    # the build's tools, plus twiggy (the code-size profiler behind `./dev size`)
#
# Only package registries are used (crates.io, npm, Debian): nothing is downloaded from GitHub.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
WASM_OPT_VERSION="132"
TWIGGY_VERSION="0.8.0"
GECKODRIVER_VERSION="0.36.0"
LEPTOSFMT_VERSION="0.1.33"
WHAT="${1:-build}"

say() { printf '\033[1;34msetup:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31msetup: %s\033[0m\n' "$*" >&2; exit 1; }

require() {
    command -v "$1" >/dev/null 2>&1 || die "$1 is missing. $2"
}

export PATH="$HOME/.cargo/bin:$PATH"
require cargo "Install Rust with rustup (https://rustup.rs) first."
require rustup "Install Rust with rustup (https://rustup.rs) first."
require node "Install Node.js 20 or newer (apt-get install nodejs npm)."
require npm "Install npm (apt-get install npm)."

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
wasm_bindgen_locked() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# 1. The WebAssembly target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

# 2. Crates, so that Trunk's offline build finds everything.
say "fetching crates (cargo fetch)"
(cd "$ROOT" && cargo fetch --quiet)

# 3. Trunk.
if command -v trunk >/dev/null 2>&1 && [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
else
    say "installing trunk $TRUNK_VERSION from crates.io (about 20 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version
fi

# 4. wasm-bindgen-cli, at exactly Cargo.lock's version (used by Trunk and by the test runner).
WBG="$(wasm_bindgen_locked)"
[ -n "$WBG" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if command -v wasm-bindgen >/dev/null 2>&1 && [ "$(wasm-bindgen --version)" = "wasm-bindgen $WBG" ] \
    && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    say "wasm-bindgen-cli $WBG: present"
else
    say "installing wasm-bindgen-cli $WBG from crates.io (a few minutes, once)"
    # No --locked: one of its locked dependencies is newer than the registry serves.
    cargo install wasm-bindgen-cli --version "$WBG" --force
fi

# 5. wasm-opt from binaryen on npm. Debian's binaryen (108) builds broken apps, so refuse it.
wasm_opt_ok() { command -v wasm-opt >/dev/null 2>&1 && wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION\b"; }
if wasm_opt_ok; then
    say "wasm-opt $WASM_OPT_VERSION: present ($(command -v wasm-opt))"
else
    say "installing wasm-opt $WASM_OPT_VERSION (npm binaryen@$BINARYEN_VERSION)"
    npm install --global --no-fund --no-audit "binaryen@$BINARYEN_VERSION"
    hash -r
    wasm_opt_ok || die "wasm-opt on PATH is $(command -v wasm-opt || echo none): $(wasm-opt --version 2>&1 || true). Put npm's global bin ($(npm prefix -g)/bin) before /usr/bin."
fi

# 6. twiggy, for `./dev size` only.
if [ "$WHAT" = "size" ]; then
    if command -v twiggy >/dev/null 2>&1 && [ "$(twiggy --version 2>/dev/null)" = "twiggy $TWIGGY_VERSION" ]; then
        say "twiggy $TWIGGY_VERSION: present"
    else
        say "installing twiggy $TWIGGY_VERSION from crates.io (a few minutes, once)"
        cargo install --locked twiggy --version "$TWIGGY_VERSION"
    fi
    say "done"
    exit 0
fi

[ "$WHAT" = "test" ] || [ "$WHAT" = "bench" ] || exit 0

# 7. The three engines from Debian: Chromium and ChromeDriver (wasm-bindgen-test and
#    Playwright), Firefox ESR and WebKitGTK's WebDriver with Xvfb (tests/e2e/engines/).
apt_install() {
    local missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "$(printf '%s ' "${@%%:*}"): present"
        return
    fi
    say "installing ${missing[*]} with apt"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "${missing[*]} missing and this user cannot install them: run 'apt-get install -y ${missing[*]}' as root."
        SUDO="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}"
}
apt_install chromium:chromium chromedriver:chromium-driver firefox-esr:firefox-esr \
    WebKitWebDriver:webkit2gtk-driver xvfb-run:xvfb
CHROME_MAJOR="$(chromium --version | grep -oE '[0-9]+' | head -n 1)"
DRIVER_MAJOR="$(chromedriver --version | grep -oE '[0-9]+' | head -n 1)"
[ "$CHROME_MAJOR" = "$DRIVER_MAJOR" ] || die "chromium $CHROME_MAJOR and chromedriver $DRIVER_MAJOR differ: apt-get install --only-upgrade chromium chromium-driver"

# 8. geckodriver, which drives Firefox, from crates.io at a pinned version.
if command -v geckodriver >/dev/null 2>&1 && geckodriver --version 2>/dev/null | head -n 1 | grep -q "^geckodriver $GECKODRIVER_VERSION\b"; then
    say "geckodriver $GECKODRIVER_VERSION: present"
else
    say "installing geckodriver $GECKODRIVER_VERSION from crates.io (a few minutes, once)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# 9. leptosfmt, which formats (and checks) the view! macros, from crates.io at a pinned version.
if command -v leptosfmt >/dev/null 2>&1 && [ "$(leptosfmt --version 2>/dev/null)" = "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "leptosfmt $LEPTOSFMT_VERSION: present"
else
    say "installing leptosfmt $LEPTOSFMT_VERSION from crates.io (a few minutes, once)"
    cargo install --locked leptosfmt --version "$LEPTOSFMT_VERSION"
fi

# npm_packages DIR WHAT: the packages of DIR exactly as its package-lock.json pins them,
# installed again only when the lock file changed since the last install.
npm_packages() {
    local dir="$ROOT/$1" stamp="$ROOT/$1/node_modules/.marquee-lock"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
        say "npm $2 packages: present"
    else
        say "installing the npm $2 packages (npm ci in $1)"
        (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit)
        cp "$dir/package-lock.json" "$stamp"
    fi
}

# 10. The browser-test packages. Never `playwright install`: the tests use Debian's Chromium.
npm_packages tests/e2e test

# 11. The benchmark's packages (MiniSearch, ItemsJS, Lighthouse), only for `./dev bench`.
if [ "$WHAT" = "bench" ]; then
    npm_packages bench benchmark
fi
say "done"
