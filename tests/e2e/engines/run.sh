#!/usr/bin/env bash
# Runs the reader paths (reader-paths.test.mjs) in one engine over WebDriver,
# against the release build in dist/, served as GitHub Pages would with the
# problem probe (../server.mjs --probe). Called by scripts/test.sh.
#
#   tests/e2e/engines/run.sh firefox|webkit
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ENGINE="$1"
# Drivers and the offline test's own server take ports the system hands out (engine.mjs).
PORT=$((4300 + RANDOM % 100))
node server.mjs --port "$PORT" --base /marquee/ --probe 1 >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/marquee/" >/dev/null && break; sleep 0.1; done
export ENGINE BASE_URL="http://127.0.0.1:$PORT/marquee/"
# WebKitGTK's MiniBrowser needs a display: a virtual one unless there is a screen.
WRAP=()
if [ "$ENGINE" = webkit ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then WRAP=(xvfb-run -a); fi
"${WRAP[@]}" node --test --test-concurrency=1 --test-reporter=spec engines/
