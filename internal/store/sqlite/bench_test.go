package sqlite

import (
	"context"
	"flag"
	"testing"

	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

var (
	benchArticles = flag.Int("bench.articles", 100000, "articles in the benchmark store")
	benchDir      = flag.String("bench.dir", "", "data directory to keep the benchmark store in (filled once, reused); default a temporary one")
)

// BenchmarkSearch measures searches on a store of -bench.articles synthetic
// articles:
//
//	go test ./internal/store/sqlite -run '^$' -bench Search -bench.articles 1000000 -bench.dir /tmp/tw-bench
func BenchmarkSearch(b *testing.B) {
	dir := *benchDir
	if dir == "" {
		dir = b.TempDir()
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.Fill(b, s, *benchArticles)
	storetest.Bench(b, s)
}
