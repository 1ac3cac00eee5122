#!/usr/bin/env bash
# The slow-uplink benchmark: an order's two 12 MP phone photos through the sandbox's image store
# throttled to 8, 1 and 0.25 Mbit/s, sent the app's way and a browser form's way (the anchor).
# Prints a Markdown table (docs/performance.md keeps the last one). Loopback only.
#
#   bench/uplink/run.sh                 # 8mbit,1mbit,0.25mbit
#   bench/uplink/run.sh 1mbit,0.25mbit  # some rates only
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/cardcoins-desktop-target}"

missing=()
command -v tesseract >/dev/null || missing+=(tesseract-ocr tesseract-ocr-eng)
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf ]] || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  echo "uplink bench: installing ${missing[*]} (OCR of the card number, and the font it is drawn in)" >&2
  if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cargo run --quiet --release -p cardcoins-cli --example uplink_bench -- "${1:-8mbit,1mbit,0.25mbit}"
