# Quire: the two setup commands are 'make demo' and 'make test'; both install what is missing.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: all bootstrap build build-release test demo bench eval screenshots docs clean

all: build

bootstrap:
	@Scripts/bootstrap

build: bootstrap
	$(SWIFT) build $(BUILD_FLAGS)

build-release: bootstrap
	$(SWIFT) build -c release $(BUILD_FLAGS)
	@Scripts/tests/fault-hooks-check release

## Every test: unit, catalogue, pipeline and CLI (tests needing ../shared skip with a message),
## then generated wikitext parsed by mwparserfromhell (installed from PyPI when missing) and exported
## EPUBs checked by epubcheck (Scripts/tests/epub-check, 0 errors and 0 warnings), searchable PDFs by
## poppler and qpdf (Scripts/tests/pdf-check). Publish tests
## run against a throwaway MediaWiki (Debian's package, installed when missing) and skip with a reason otherwise.
## Scripts/tests/serve-check drives `quire serve` in headless Chromium with Selenium (Debian's
## chromium, chromium-driver and python3-selenium, installed when missing). docs/commands.md must
## match the tool's help (Scripts/command-reference --check; `make docs` rewrites it).
## Scripts/tests/fault-hooks-check: the crash and hang test hooks are in the debug binary and not
## in the release one (when built).
test: bootstrap
	@Scripts/mediawiki-test-server install || echo "make test: MediaWiki cannot be installed here; the publish integration tests will be skipped (they say why)"
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build --disable-xctest $(BUILD_FLAGS)
	@Scripts/command-reference --check
	@Scripts/tests/wikitext-balance
	@Scripts/tests/epub-check
	@Scripts/tests/serve-check
	@Scripts/tests/pdf-check
	@Scripts/tests/fault-hooks-check

## The command reference (docs/commands.md) rendered from every command's --help.
docs: build
	@Scripts/command-reference

## The whole pipeline on the bundled sample; results under out/demo/.
demo: build
	@Scripts/demo

## A PNG of each view of `quire serve` in out/screenshots/ (headless Chromium, on the bundled sample).
screenshots: build
	@Scripts/screenshots

## Benchmarks against peers (release build); figures go into the README.
bench: build-release
	@Scripts/bench

## Quire's own evaluation over both halves of ../shared/corpora (release build): Page: structure,
## match & split, OCR accuracy (Scripts/eval/ocr_accuracy.py) and ../shared/tools/structure-check.py.
## EVAL_ARGS adds options, e.g. EVAL_ARGS="--json out/eval.json --reuse /work/cache".
eval: build-release
	@Scripts/eval/run $(EVAL_ARGS)

clean:
	rm -rf .build out
