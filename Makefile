# hiwaic — build, test and run on Debian with Swift installed.
# `make run` and `make test` install what is missing first (apt-get, as root or through sudo).

SWIFT       ?= swift
JOBS        ?= 2
PREFIX      ?= /usr/local
BUILD_FLAGS := -j $(JOBS)
# To build and run: ncursesw, libqrencode, libxcrypt and SQLite headers, libxml2 (schedule.xml imports), time zones.
DEBIAN_PACKAGES := libncursesw5-dev libqrencode-dev libcrypt-dev libsqlite3-dev libxml2 tzdata
# To test as well: tmux for the end-to-end terminal tests, zbarimg to read QR codes off screens,
# PostgreSQL for the fleet tests (each starts a throw-away server of its own).
TEST_PACKAGES := $(DEBIAN_PACKAGES) tmux zbar-tools postgresql

# apt-get as root, or through sudo when there is one.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps test-deps install-packages build release run kiosk test bench bench-adapt soak eval eval-test train train-check fuzz fuzz-build install uninstall clean format validate

all: build

## deps: install the Debian packages hiwaic needs, if any is missing (quiet when all are there)
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEBIAN_PACKAGES)"

## test-deps: the same, with what the tests need too
test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

install-packages:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## build: a debug build of everything
build: deps
	$(SWIFT) build $(BUILD_FLAGS)

## release: an optimised build
release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

## run: start hiwaic on the embedded WAIC 2025 pack
run: build
	@./.build/debug/hiwaic $(ARGS)

## kiosk: start hiwaic as a kiosk (needs HIWAIC_ADMIN_PIN or /etc/hiwaic/kiosk.conf; the way
## out is Ctrl-\ three times, then the PIN)
kiosk: build
	@SWIFT_BACKTRACE=enable=no ./.build/debug/hiwaic --kiosk $(ARGS)

## test: every test
test: test-deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test $(BUILD_FLAGS)

## bench: speed and memory figures, release build (PostgreSQL for the fleet's figures)
bench: test-deps release
	./.build/release/hiwaic-bench

## bench-adapt: Mycroft Adapt 1.0 on the same questions (intent detection alone), the reference of
## issue 12, then the two alternated round by round for their ratio; needs python3-venv and pip
## access to adapt-parser 1.0.0
ADAPT_VENV ?= .build/adapt-venv
bench-adapt: release
	test -x $(ADAPT_VENV)/bin/python || python3 -m venv $(ADAPT_VENV)
	$(ADAPT_VENV)/bin/pip install -q adapt-parser==1.0.0
	rm -rf .build/pack10 && ./.build/release/hiwaic gen-pack --scale 10 .build/pack10 > /dev/null
	$(ADAPT_VENV)/bin/python contrib/bench/adapt_baseline.py Data/waic2025 Data/evaluation/dev.json ../shared/clinc/val.tsv
	$(ADAPT_VENV)/bin/python contrib/bench/adapt_baseline.py .build/pack10 Data/evaluation/dev.json ../shared/clinc/val.tsv
	$(ADAPT_VENV)/bin/python contrib/bench/interleaved.py Data/waic2025 Data/evaluation/dev.json ../shared/clinc/val.tsv ./.build/release/hiwaic
	$(ADAPT_VENV)/bin/python contrib/bench/interleaved.py .build/pack10 Data/evaluation/dev.json ../shared/clinc/val.tsv ./.build/release/hiwaic

## eval: the assistant graded on the dev set (Data/evaluation/dev.json) and CLINC150 val
eval: release
	./.build/release/hiwaic-eval

## eval-test: the held-out test set (Data/evaluation/test.json), figures only: measure, never tune
eval-test: release
	HIWAIC_DEV_SET=Data/evaluation/test.json HIWAIC_HELD_OUT=1 ./.build/release/hiwaic-eval

## train: the intent model from Data/training into the WAIC pack's lexicon (about a second)
train: release
	./.build/release/hiwaic train

## train-check: the committed intent model is exactly what training gives
train-check: release
	./.build/release/hiwaic train --check

## soak: the kiosk for SOAK_MINUTES (default 30) of generated use, memory at start and end
soak: release test-deps
	contrib/kiosk/soak.sh .build/release/hiwaic

## fuzz: libFuzzer (with the address sanitizer) on each target for FUZZ_SECONDS (default 600);
## `make -j 2 fuzz` runs two at once. Seeds are Fuzz/Seeds/TARGET, what the fuzzer learns goes
## to Fuzz/.corpus/TARGET, a crashing input to Fuzz/.artifacts/TARGET (copy it to
## Fuzz/Regressions/TARGET: `make test` replays those). Leak detection is off: the pack and
## the matcher, loaded once per process and kept, read as leaks to LeakSanitizer.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := question pack time optw kiosk notes
FUZZ_FLAGS  := -c release $(BUILD_FLAGS) -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz: $(addprefix fuzz-,$(FUZZ_TARGETS))

fuzz-build: deps
	cd Fuzz && $(SWIFT) build $(FUZZ_FLAGS)

fuzz-%: fuzz-build
	@mkdir -p Fuzz/.corpus/$* Fuzz/.artifacts/$*
	@echo "== fuzz-$* for $(FUZZ_SECONDS) s"
	@ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/release/fuzz-$* -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	  -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix=Fuzz/.artifacts/$*/ \
	  Fuzz/.corpus/$* Fuzz/Seeds/$* $$([ -d Fuzz/Regressions/$* ] && echo Fuzz/Regressions/$*) \
	  >Fuzz/.artifacts/$*/last-run.log 2>&1; \
	  status=$$?; \
	  grep -E "^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)" \
	    Fuzz/.artifacts/$*/last-run.log; \
	  echo "fuzz-$*: exit $$status (log: Fuzz/.artifacts/$*/last-run.log)"; exit $$status

## validate: check the shipped pack
validate: build
	./.build/debug/hiwaic validate Data/waic2025

## install: binary to $(PREFIX)/bin, packs to $(PREFIX)/share/hiwaic/packs
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/hiwaic/packs"
	install -m 755 .build/release/hiwaic "$(DESTDIR)$(PREFIX)/bin/hiwaic"
	rm -rf "$(DESTDIR)$(PREFIX)/share/hiwaic/packs/waic2025"
	cp -R Data/waic2025 "$(DESTDIR)$(PREFIX)/share/hiwaic/packs/waic2025"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/hiwaic"
	rm -rf "$(DESTDIR)$(PREFIX)/share/hiwaic"

## format: format the sources with swift format
format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Package.swift Sources Tests

clean:
	rm -rf .build
