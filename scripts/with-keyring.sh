#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so the keyring
# crate talks to a real Secret Service; HOME is a throwaway folder so no real keyring is touched.
set -euo pipefail
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export KEYRING_TEST_HOME="$keyring_home"
# cargo and rustup find their homes through HOME unless told: pin them before HOME moves.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
dbus-run-session -- bash -c '
  export HOME="$KEYRING_TEST_HOME" XDG_DATA_HOME="$KEYRING_TEST_HOME/.local/share"
  mkdir -p "$XDG_DATA_HOME/keyrings"
  echo -n test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' bash "$@"
