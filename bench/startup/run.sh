#!/usr/bin/env bash
# Start-up, memory and size of the release app against a bare Tauri app built in the same run.
# On demand only (`make bench`), never part of `make test`. Needs what `make e2e` needs (Xvfb,
# tauri-driver, WebKitWebDriver) and a Secret Service for the journey: `make bench` runs it inside
# scripts/with-keyring.sh. Results: target/bench/startup.json, summary on stdout.
#   RUNS=40 JOURNEYS=3 SKIP_BUILD=1 bench/startup/run.sh
# RUNS: rounds of interleaved starts (baseline, app, app --sandbox); each figure is reported as
# min, median and max, and each ratio says whether its target is met, missed or still unsettled
# (then raise RUNS).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
target=${CARGO_TARGET_DIR:-$repo/target}
export CARGO_TARGET_DIR=$target
# The baseline gets its own folder under the shared one: a separate workspace, so nothing to share.
baseline_target=$target/bench-hello-world
tauri=ui/node_modules/.bin/tauri

if [[ -z "${SKIP_BUILD:-}" ]]; then
  # The app exactly as shipped: `make bundle` (release profile, frontend embedded).
  make bundle
  # The baseline: same tauri (same lockfile versions), same release profile.
  CARGO_TARGET_DIR=$baseline_target \
    TAURI_APP_PATH=bench/hello-world/src-tauri TAURI_FRONTEND_PATH=bench/hello-world \
    "$tauri" build --bundles deb
  # Packed like the app's .deb, so the sizes compare.
  scripts/recompress-deb.sh "$baseline_target"/release/bundle/deb/hello-world_*.deb
fi

mkdir -p "$target/bench"
python3 bench/startup/measure.py \
  --app "$target/release/cardcoins-desktop" \
  --baseline "$baseline_target/release/hello-world" \
  --app-deb "$(ls "$target"/release/bundle/deb/CardCoins_*.deb | head -1)" \
  --app-rpm "$(ls "$target"/release/bundle/rpm/CardCoins-*.rpm | head -1)" \
  --baseline-deb "$(ls "$baseline_target"/release/bundle/deb/hello-world_*.deb | head -1)" \
  --dist ui/dist \
  --repo "$repo" \
  --runs "${RUNS:-40}" \
  --journeys "${JOURNEYS:-3}" \
  --out "$target/bench/startup.json"
