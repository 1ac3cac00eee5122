#!/usr/bin/env bash
# Installs what building, running and testing CardCoins Desktop needs on Debian/Ubuntu, and only
# what is missing, so it is quick to run again. Called by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# System packages: WebKitGTK to build the app; Xvfb and WebKitWebDriver for the real-window tests;
# gnome-keyring and D-Bus for the real Secret Service; libvips for the photo benchmark's anchor.
APT_PACKAGES=(
  # cmake and nasm build the bundled libjpeg-turbo 3 that photo intake links statically.
  build-essential pkg-config libssl-dev curl file cmake nasm python3
  libwebkit2gtk-4.1-dev libgtk-3-dev
  xvfb xauth x11-utils xdotool webkit2gtk-driver imagemagick fonts-dejavu-core
  dbus dbus-x11 gnome-keyring libsecret-tools
  libvips-tools libimage-exiftool-perl
  # pdftotext reads the order receipt back in its tests.
  poppler-utils
  # libheif (with its HEVC decoder) lets photo intake convert HEIC; its tests run when it is here.
  libheif1
  rpm
  # The Windows cross-check (make test): MinGW's C compiler for the crates that build C (ring,
  # libjpeg-turbo, secp256k1).
  gcc-mingw-w64-x86-64
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  say "Installing system packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node.js 20.19+ (Vite 8). Debian 12's own nodejs is 18: point to NodeSource/nvm if it is too old.
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20.19 or newer is needed and none is installed." >&2
  echo "Install it from https://nodejs.org (or with nvm), then run this again." >&2
  exit 1
fi
node_version=$(node -p 'process.versions.node')
node_major=${node_version%%.*}
node_minor=$(echo "$node_version" | cut -d. -f2)
if (( node_major < 20 || (node_major == 20 && node_minor < 19) )); then
  echo "Node.js $node_version is too old: Vite 8 needs 20.19 or newer. Install a newer Node.js (nodejs.org or nvm)." >&2
  exit 1
fi

# Frontend packages, from the lock file, when missing or older than the lock.
if [[ ! -d ui/node_modules ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  say "Installing frontend packages"
  npm --prefix ui ci --no-audit --no-fund
fi

# tauri-driver: the WebDriver bridge for the end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1 && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]]; then
  say "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

# Fuzzing (make fuzz, and make test's fuzz smoke run): cargo-fuzz and a nightly toolchain, which
# libFuzzer's sanitizer instrumentation needs. The app itself builds on stable.
if ! rustup toolchain list | grep -q '^nightly'; then
  say "Installing the nightly Rust toolchain (for cargo-fuzz)"
  if ! rustup toolchain install nightly --profile minimal; then
    echo "The fuzz targets need a nightly Rust toolchain and installing one failed." >&2
    echo "Run 'rustup toolchain install nightly --profile minimal' by hand, then run this again." >&2
    exit 1
  fi
fi
if ! command -v cargo-fuzz >/dev/null 2>&1 && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-fuzz" ]]; then
  say "Installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# Dependency checks (make deny): cargo-deny, at the version deny.toml was written for.
if ! command -v cargo-deny >/dev/null 2>&1 && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-deny" ]]; then
  say "Installing cargo-deny"
  cargo install cargo-deny --version 0.20.2 --locked
fi

# The Windows cross-check (make cross-check-windows, part of make test): the standard library for
# x86_64-pc-windows-gnu, so every cfg(windows) line is compiled and linted on this machine.
if ! rustup target list --installed | grep -qx 'x86_64-pc-windows-gnu'; then
  say "Adding the Windows (GNU) target to the Rust toolchain"
  rustup target add x86_64-pc-windows-gnu
fi
