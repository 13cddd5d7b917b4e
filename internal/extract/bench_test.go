//go:build unix

package extract

import (
	"bytes"
	"syscall"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runPages runs fn over every page b.N times and reports pages per second.
func runPages(b *testing.B, fn func(page []byte)) {
	pages := devPages(b)
	cpu0 := cpuTime()
	for b.Loop() {
		for _, p := range pages {
			fn(p)
		}
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(n/b.Elapsed().Seconds(), "pages/s")
	// On a shared machine wall time understates the speed of one core:
	// pages per second of CPU time used by the process (GC included).
	b.ReportMetric(n/(cpuTime()-cpu0).Seconds(), "pages/cpu-s")
}

// BenchmarkExtract measures this package (charset, parse, body, metadata,
// date) over the benchmark pages; run with -cpu 1 for one core. The peers
// below give the cost of the libraries alone on the same pages.
func BenchmarkExtract(b *testing.B) {
	runPages(b, func(p []byte) { _, _ = HTML(p, "") })
}

func BenchmarkPeerTrafilatura(b *testing.B) {
	runPages(b, func(p []byte) {
		_, _ = trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true})
	})
}

func BenchmarkPeerReadability(b *testing.B) {
	runPages(b, func(p []byte) { _, _ = readability.FromReader(bytes.NewReader(p), nil) })
}

func BenchmarkPeerHTMLParse(b *testing.B) {
	runPages(b, func(p []byte) { _, _ = html.Parse(bytes.NewReader(p)) })
}
