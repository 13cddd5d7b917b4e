GO ?= go

.PHONY: build run test fuzz bench eval

build:
	$(GO) build -o bin/tickerwire ./cmd/tickerwire

run:
	$(GO) run ./cmd/tickerwire serve

test:
	$(GO) vet ./...
	$(GO) test ./...

fuzz:
	bash scripts/fuzz.sh

# Benchmarks and their peers; the table goes to bench/RESULTS.md.
# BENCH_LARGE=1 adds the 1,000,000-article figures; see scripts/bench.sh.
bench:
	GO=$(GO) bash scripts/bench.sh

eval: build
	bash ../shared/eval/dev-report.sh
