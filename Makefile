# Quire: the two setup commands are 'make demo' and 'make test'; both install what is missing.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: all bootstrap build build-release test demo bench clean

all: build

bootstrap:
	@Scripts/bootstrap

build: bootstrap
	$(SWIFT) build $(BUILD_FLAGS)

build-release: bootstrap
	$(SWIFT) build -c release $(BUILD_FLAGS)

## Every test: unit, catalogue, pipeline and CLI (tests needing ../shared skip with a message),
## then generated wikitext parsed by mwparserfromhell (installed from PyPI when missing).
test: bootstrap
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build --disable-xctest $(BUILD_FLAGS)
	@Scripts/tests/wikitext-balance

## The whole pipeline on the bundled sample; results under out/demo/.
demo: build
	@Scripts/demo

## Benchmarks against peers (release build); figures go into the README.
bench: build-release
	@Scripts/bench

clean:
	rm -rf .build out
