GO ?= go

.PHONY: build run test vet bench eval

build:
	$(GO) build -o bin/tickerwire ./cmd/tickerwire

run:
	$(GO) run ./cmd/tickerwire serve

test:
	$(GO) vet ./...
	$(GO) test ./...

eval: build
	bash ../shared/eval/dev-report.sh
