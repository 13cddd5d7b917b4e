package sqlite

import (
	"context"
	"testing"
	"time"

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

// TestFTSSearchSpans checks that a search by symbols, words and dates finds
// the articles stored late with IDs far above the others (a gap of blocks of
// IDs with no candidate, which the full-text index is not read over).
func TestFTSSearchSpans(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := func(d int) time.Time { return time.Date(2024, 1, d, 12, 0, 0, 0, time.UTC) }
	honda := news.Annotation{Companies: []news.Company{{Name: "Honda", Listings: []news.Listing{{Symbol: "HMC", MIC: "XNYS"}}}}}
	save := func(title string, published time.Time, ann news.Annotation) {
		if _, err := s.SaveArticle(ctx, &news.Article{Title: title, Published: published, Annotation: ann}); err != nil {
			t.Fatal(err)
		}
	}
	save("Honda sales rise", day(2), honda)
	save("Honda sales fall", day(3), honda)
	save("Other sales", day(4), news.Annotation{})
	// The next articles are stored with IDs above 100,000.
	if _, err := s.write.ExecContext(ctx, `UPDATE articles SET id = 100000 WHERE title = 'Other sales'`); err != nil {
		t.Fatal(err)
	}
	save("Honda sales late", day(1), honda)
	save("Honda sales later", day(20), honda)
	save("Honda sales then", day(5), honda)
	tests := []struct {
		q    store.Query
		want []string
	}{
		{store.Query{Symbols: []string{"HMC"}, Search: "sales", PublishedAfter: day(1), PublishedBefore: day(10)},
			[]string{"Honda sales then", "Honda sales fall", "Honda sales rise", "Honda sales late"}},
		{store.Query{Symbols: []string{"HMC"}, Search: "sales", PublishedAfter: day(2), PublishedBefore: day(4)},
			[]string{"Honda sales fall", "Honda sales rise"}},
		{store.Query{Symbols: []string{"HMC", "NSANY"}, Search: "honda -fall", PublishedAfter: day(1), PublishedBefore: day(30)},
			[]string{"Honda sales later", "Honda sales then", "Honda sales rise", "Honda sales late"}},
		{store.Query{Symbols: []string{"HMC"}, Search: "sales", PublishedAfter: day(15)}, []string{"Honda sales later"}},
	}
	for _, tt := range tests {
		res, err := s.SearchArticles(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range res.Articles {
			titles = append(titles, a.Title)
		}
		if diff := cmp.Diff(tt.want, titles); diff != "" || res.Found != len(tt.want) {
			t.Errorf("%+v: found %d (-want +got):\n%s", tt.q, res.Found, diff)
		}
	}
}
