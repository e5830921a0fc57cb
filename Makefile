# Common tasks. CI runs `make ci` through .ci/run.
.PHONY: build release test corpus-check bench-extraction e2e ci

build:
	swift build

release:
	swift build -c release

test:
	swift test

corpus-check:
	python3 scripts/render_corpus.py --check

# Article-extraction quality and speed on ../shared/data (needs a release build).
bench-extraction: release
	python3 scripts/bench_extraction.py --one-core --worst 10

# Run the CLI over the whole corpus and check every page gave an article.
e2e: build
	.build/debug/backchannel extract --format jsonl Corpus/html Corpus/text > /dev/null

ci: corpus-check test e2e
