# hiwaic — build, test and run on Debian with Swift installed.
# `make run` and `make test` install what is missing first (apt-get, as root or through sudo).

SWIFT       ?= swift
JOBS        ?= 2
PREFIX      ?= /usr/local
BUILD_FLAGS := -j $(JOBS)
DEBIAN_PACKAGES := libncursesw5-dev tmux tzdata

# apt-get as root, or through sudo when there is one.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps build release run test bench install uninstall clean format validate

all: build

## deps: install the Debian packages hiwaic needs, if any is missing (quiet when all are there)
deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
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

## test: every test
test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test $(BUILD_FLAGS)

## bench: speed and memory figures, release build
bench: release
	./.build/release/hiwaic-bench

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
