package sqlite

import (
	"context"
	"testing"

	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

// BenchmarkAPI measures the Marketaux filters, sorts, cursor and entity
// statistics on a store of -bench.articles synthetic articles:
//
//	go test ./internal/store/sqlite -run '^$' -bench API -bench.articles 100000 -bench.dir /tmp/tw-api-bench
func BenchmarkAPI(b *testing.B) {
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
	storetest.BenchAPI(b, s)
}
