#!/usr/bin/env bash
# The release build, as GitHub Pages serves it: under a sub-path (default /marquee/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PUBLIC_URL="${1:-/marquee/}"
echo "build: trunk build --release --public-url $PUBLIC_URL"
trunk build --release --public-url "$PUBLIC_URL"
