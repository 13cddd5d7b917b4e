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

eval: build
	bash ../shared/eval/dev-report.sh
