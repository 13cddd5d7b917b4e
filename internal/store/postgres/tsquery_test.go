package postgres

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// TestTSQueryAccepted checks that every query Parse accepts renders to text
// PostgreSQL's to_tsquery accepts, over many random hostile strings.
func TestTSQueryAccepted(t *testing.T) {
	s := openSchema(t, "")
	defer s.Close()
	pieces := []string{"nissan", "AT&T", "1=1", `"`, "'", `\`, "(", ")", "|", "-", "+", "*", ":", ":*", "&", "!",
		"<->", "<2>", "^", "NEAR", "AND", "OR", "NOT", "title:", "日産", "é", " ", " ", "--", ";", "''", `\'`}
	r := rand.New(rand.NewPCG(1, 2))
	batch := &pgx.Batch{}
	var rendered []string
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		n, err := searchquery.Parse(b.String())
		if err != nil {
			if !errors.Is(err, searchquery.ErrBadQuery) {
				t.Fatalf("Parse(%q): %v", b.String(), err)
			}
			continue
		}
		if n == nil {
			continue
		}
		tsq := searchquery.TSQuery(n)
		rendered = append(rendered, b.String()+" → "+tsq)
		batch.Queue(`SELECT to_tsquery('simple', $1)::text`, tsq)
	}
	results := s.pool.SendBatch(t.Context(), batch)
	defer results.Close()
	for _, q := range rendered {
		var out string
		if err := results.QueryRow().Scan(&out); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
