GO ?= go

.PHONY: build run test fuzz soak bench eval

build:
	$(GO) build -o bin/tickerwire ./cmd/tickerwire

run:
	$(GO) run ./cmd/tickerwire serve

test:
	$(GO) vet ./...
	$(GO) test ./...

fuzz:
	bash scripts/fuzz.sh

# A bounded soak on loopback: serve under API load and ingestion with faults
# injected (SOAK_DURATION, 90s by default); prints the reconciled counts.
SOAK_DURATION ?= 90s
soak:
	TICKERWIRE_SOAK=1 TICKERWIRE_SOAK_DURATION=$(SOAK_DURATION) $(GO) test ./internal/e2e -run '^TestSoak$$' -count=1 -v -timeout 15m

# Benchmarks and their peers; the table goes to bench/RESULTS.md.
# BENCH_LARGE=1 adds the 1,000,000-article figures; see scripts/bench.sh.
bench:
	GO=$(GO) bash scripts/bench.sh

eval: build
	bash ../shared/eval/dev-report.sh
