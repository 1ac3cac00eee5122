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

.PHONY: run test setup ui app check fmt-check clippy cross-check-windows cargo-test ui-test e2e bundle deb-check bench bench-uplink bench-selftest clean-screens \
	fuzz fuzz-smoke fuzz-build fuzz-merge deny audit

## run: install what is missing, build, and start the app against the built-in sandbox
run: setup ui
	cargo build -p cardcoins-desktop $(APP_FEATURES)
	@if [[ -z "$${DISPLAY:-}" && -z "$${WAYLAND_DISPLAY:-}" ]]; then \
	  echo "No display found: starting the app on a virtual display (Xvfb)."; \
	  exec xvfb-run -a -s "-screen 0 1280x800x24" $(APP_BIN) --sandbox; \
	else \
	  exec $(APP_BIN) --sandbox; \
	fi

## test: every check and test (format, clippy, cargo tests, frontend typecheck + Vitest, fuzz smoke, end-to-end)
test: setup check cross-check-windows ui-test bench-selftest cargo-test deny audit fuzz-smoke e2e
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

## cross-check-windows: clippy -D warnings for Windows (x86_64-pc-windows-gnu, MinGW): the
## cfg(windows) code (the captcha window's WebView2 loader) compiles and lints here. Part of make test.
# Check only: nothing links, so no Windows SDK is needed. The e2e crate drives Linux's WebKit.
cross-check-windows: ui
	cargo clippy --workspace --exclude cardcoins-e2e --all-targets --target x86_64-pc-windows-gnu $(APP_FEATURES) -- -D warnings

cargo-test: ui
	$(KEYRING) cargo test --workspace --exclude cardcoins-e2e $(APP_FEATURES)
	@# The release profile unwinds: a panic in photo intake must come back as an error there too.
	cargo run --release -p cardcoins-photos --example panic_boundary

ui-test:
	npm --prefix ui run check
	npm --prefix ui test

## e2e: the real app window under Xvfb, driven through tauri-driver (screenshots in target/e2e-screens/)
e2e: app
	@# The wallet journey checks that the command line reads the app's wallet alike.
	cargo build -p cardcoins-cli
	$(KEYRING) cargo test -p cardcoins-e2e -- --test-threads=1

## bundle: .deb and .rpm installers (AppImage needs a download this environment cannot make)
# The CLI runs beforeBuildCommand (`npm run build`) in the frontend folder: name both folders.
bundle: setup
	TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri build --bundles deb,rpm
	scripts/recompress-deb.sh $(CARGO_TARGET_DIR)/release/bundle/deb/CardCoins_*.deb
	@ls -l $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb $(CARGO_TARGET_DIR)/release/bundle/rpm/*.rpm

## deny: licences, banned crates and sources of every dependency (deny.toml); offline-safe
# Advisories need the RustSec database from the network: `cargo deny check advisories` where it is reachable.
deny:
	cargo deny check licenses bans sources

## audit: npm audit of the frontend's runtime dependencies, where npm's advisory service answers
audit:
	scripts/npm-audit.sh

## deb-check: install the built .deb with apt on a clean Debian 12 (debootstrap) and start the app from its launcher
# On demand, not part of `make test`: needs root and deb.debian.org; reuses the .deb from `make bundle`.
deb-check:
	scripts/check-deb-on-clean-debian.sh

## bench-uplink: two 12 MP photos through a store throttled to 8, 1 and 0.25 Mbit/s, the app's way and a browser form's
bench-uplink:
	bench/uplink/run.sh

## bench-selftest: the start-up bench's own statistics and retry logic (quick, no app started)
bench-selftest:
	python3 -m unittest discover -s bench/startup

## bench: start-up, memory and size against a bare Tauri app (on demand; not part of make test)
bench: setup
	$(KEYRING) bench/startup/run.sh

## fuzz: each cargo-fuzz target for FUZZ_SECONDS (default 300) from the committed corpus (fuzz/README.md)
# Nightly and cargo-fuzz come from scripts/setup-debian.sh. The builds go to their own folder,
# $(CARGO_TARGET_DIR)/fuzz, so they never invalidate the main build. The committed corpus is only
# read; what a run finds stays under $(CARGO_TARGET_DIR)/fuzz until `make fuzz-merge` (the next
# run starts afresh unless FUZZ_RESUME=1).
FUZZ_TARGETS := photo_intake destination api_response
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_RESUME ?= 0

fuzz-build: setup
	cargo +nightly fuzz build --fuzz-dir fuzz --target-dir $(CARGO_TARGET_DIR)/fuzz

# Every target runs even when one fails; the run fails if any did.
fuzz: fuzz-build
	@failed=0; for target in $(FUZZ_TARGETS); do \
	  FUZZ_RESUME=$(FUZZ_RESUME) fuzz/run.sh $$target $(FUZZ_SECONDS) fuzz || failed=1; done; \
	exit $$failed

## fuzz-smoke: each target for FUZZ_SMOKE_SECONDS (default 20), part of make test
fuzz-smoke: fuzz-build
	@failed=0; for target in $(FUZZ_TARGETS); do \
	  fuzz/run.sh $$target $(FUZZ_SMOKE_SECONDS) smoke || failed=1; done; exit $$failed

## fuzz-merge: add what make fuzz found that reaches new code to the committed corpus
fuzz-merge: fuzz-build
	@for target in $(FUZZ_TARGETS); do fuzz/run.sh $$target 0 merge; done
