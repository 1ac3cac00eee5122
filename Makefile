# CardCoins Desktop. The two commands that matter: `make run` and `make test`.
# Both install what is missing first (scripts/setup-debian.sh), so either works on a fresh machine.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
APP_BIN := $(CARGO_TARGET_DIR)/debug/cardcoins-desktop
# The same features everywhere, so cargo builds Tauri once and reuses it for build, test and clippy.
APP_FEATURES := --features cardcoins-desktop/embed
KEYRING := scripts/with-keyring.sh

.PHONY: run test setup ui app check fmt-check clippy cargo-test ui-test e2e bundle bench clean-screens

## run: install what is missing, build, and start the app against the built-in sandbox
run: setup ui
	cargo build -p cardcoins-desktop $(APP_FEATURES)
	@if [[ -z "$${DISPLAY:-}" && -z "$${WAYLAND_DISPLAY:-}" ]]; then \
	  echo "No display found: starting the app on a virtual display (Xvfb)."; \
	  exec xvfb-run -a -s "-screen 0 1280x800x24" $(APP_BIN) --sandbox; \
	else \
	  exec $(APP_BIN) --sandbox; \
	fi

## test: every check and test (format, clippy, cargo tests, frontend typecheck + Vitest, end-to-end)
test: setup check ui-test cargo-test e2e
	@echo "make test: all checks and tests passed"

setup:
	@scripts/setup-debian.sh

ui:
	npm --prefix ui run build

app: ui
	cargo build -p cardcoins-desktop $(APP_FEATURES)

check: ui fmt-check clippy

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets $(APP_FEATURES) -- -D warnings

cargo-test: ui
	$(KEYRING) cargo test --workspace --exclude cardcoins-e2e $(APP_FEATURES)

ui-test:
	npm --prefix ui run check
	npm --prefix ui test

## e2e: the real app window under Xvfb, driven through tauri-driver (screenshots in target/e2e-screens/)
e2e: app
	$(KEYRING) cargo test -p cardcoins-e2e -- --test-threads=1

## bundle: .deb and .rpm installers (AppImage needs a download this environment cannot make)
# The CLI runs beforeBuildCommand (`npm run build`) in the frontend folder: name both folders.
bundle: setup
	TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri build --bundles deb,rpm
	scripts/recompress-deb.sh $(CARGO_TARGET_DIR)/release/bundle/deb/CardCoins_*.deb
	@ls -l $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb $(CARGO_TARGET_DIR)/release/bundle/rpm/*.rpm

## bench: start-up, memory and size against a bare Tauri app (on demand; not part of make test)
bench: setup
	$(KEYRING) bench/startup/run.sh
