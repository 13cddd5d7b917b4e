//go:build unix

package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchPages loads the article-extraction benchmark pages, decompressed, from
// ../shared. It skips the benchmark when they are not there.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	dir := filepath.Join(testutil.SharedDir(b), "data/eval/article-extraction-dev/html")
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Skipf("no benchmark pages in %s", dir)
	}
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// runPages runs fn over every page b.N times and reports pages per second.
func runPages(b *testing.B, fn func(page []byte)) {
	pages := benchPages(b)
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
