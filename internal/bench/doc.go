// Package bench holds tickerwire's end-to-end benchmarks and their peers
// (prose, Bleve), in its tests only, so that the binary links neither peer.
// `make bench` runs them and tabulates the results; see bench/RESULTS.md.
//
// The benchmarks keep the stores and indexes they build under BENCH_DIR
// (default: tickerwire-bench in the temporary directory) and reuse them.
// BENCH_LARGE=1 adds the 1,000,000-article figures.
package bench
