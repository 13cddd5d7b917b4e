package sqlite

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// TestFTSSymbolsBackfill checks that migration 0030 rebuilds the full-text
// index, symbols included, from the stored articles and listings.
func TestFTSSymbolsBackfill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	listed := func(symbols ...string) news.Annotation {
		var ann news.Annotation
		for _, sym := range symbols {
			ann.Companies = append(ann.Companies, news.Company{Name: sym, Listings: []news.Listing{{Symbol: sym, MIC: "XNYS"}}})
		}
		return ann
	}
	for _, a := range []*news.Article{
		{Title: "Nissan and Honda talk", Annotation: listed("NSANY", "HMC")},
		{Title: "Honda recalls cars", Description: "S4 sales fall", Annotation: listed("HMC")},
		{Title: "Berkshire sells shares", Text: "It sold Apple shares.", Annotation: listed("BRK.B", "AAPL")},
	} {
		if _, err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	queries := []store.Query{
		{Symbols: []string{"HMC"}, Search: "honda"},
		{Symbols: []string{"NSANY", "AAPL"}, Search: "shares | talk"},
		{Symbols: []string{"BRK.B.XNYS"}, Search: "apple"},
		{Symbols: []string{"HMC"}, Search: "s4*"}, // symbols' tokens are "s" and hex digits
		{Search: "s4*"},
	}
	search := func() [][]string {
		var out [][]string
		for _, q := range queries {
			res, err := s.SearchArticles(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, a := range res.Articles {
				titles = append(titles, a.Title)
			}
			out = append(out, titles)
		}
		return out
	}
	want := [][]string{
		{"Honda recalls cars", "Nissan and Honda talk"},
		{"Berkshire sells shares", "Nissan and Honda talk"},
		{"Berkshire sells shares"},
		{"Honda recalls cars"},
		{"Honda recalls cars"},
	}
	if diff := cmp.Diff(want, search()); diff != "" {
		t.Errorf("before the migration runs again (-want +got):\n%s", diff)
	}
	for _, q := range []string{`DELETE FROM articles_fts`, `DELETE FROM schema_migrations WHERE version = 30`} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff([][]string{nil, nil, nil, nil, nil}, search()); diff != "" {
		t.Fatalf("with the index emptied (-want +got):\n%s", diff)
	}
	s.Close()
	if s, err = Open(ctx, dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff(want, search()); diff != "" {
		t.Errorf("after the migration (-want +got):\n%s", diff)
	}
}
