package postgres

import (
	"flag"
	"fmt"
	"testing"

	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

var benchArticles = flag.Int("bench.articles", 100000, "articles in the benchmark store")

// BenchmarkSearch measures searches on -bench.articles synthetic articles,
// kept in the schema bench_N of the test database and reused by later runs:
//
//	eval "$(scripts/start-postgres.sh)"
//	go test ./internal/store/postgres -run '^$' -bench Search -bench.articles 1000000
func BenchmarkSearch(b *testing.B) {
	s := openSchema(b, fmt.Sprintf("bench_%d", *benchArticles))
	defer s.Close()
	storetest.Fill(b, s, *benchArticles)
	if _, err := s.pool.Exec(b.Context(), `VACUUM ANALYZE`); err != nil {
		b.Fatal(err)
	}
	storetest.Bench(b, s)
}
