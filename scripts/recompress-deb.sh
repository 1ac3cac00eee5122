#!/usr/bin/env bash
# Tauri packs .deb files with gzip; the same files with xz -9e (dpkg's own default format) make a
# download about 30% smaller. Contents, control fields and permissions are unchanged.
#   scripts/recompress-deb.sh target/release/bundle/deb/CardCoins_0.1.0_amd64.deb
set -euo pipefail
for deb in "$@"; do
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  dpkg-deb -R "$deb" "$work/root"
  dpkg-deb --root-owner-group -Zxz -z9 -Sextreme -b "$work/root" "$work/out.deb" >/dev/null
  mv "$work/out.deb" "$deb"
  rm -rf "$work"
  trap - EXIT
  echo "recompressed $deb with xz: $(stat -c %s "$deb") bytes"
done
