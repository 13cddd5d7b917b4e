package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// testRefs checks a store.RefSearcher: its pages are SearchArticles' ones,
// it reads only the articles the caller lacks, and an article's reference
// changes when the article does.
func testRefs(t *testing.T, s store.Store) {
	rs, ok := s.(store.RefSearcher)
	if !ok {
		t.Skip("the store does not implement store.RefSearcher")
	}
	ids := searchFixture(t, s)
	queries := []store.Query{{}, {Symbols: []string{"NSANY"}}, {Symbols: []string{"7201.XTKS", "HMC"}, Limit: 1, Offset: 1},
		{Search: "nissan"}, {Languages: []string{"de"}}, {Symbols: []string{"NONE"}}, {Limit: 2, Offset: 10}}
	lacking := func(ref store.ArticleRef) bool { return false }
	for _, q := range queries {
		want, err := s.SearchArticles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, refs, err := rs.SearchRefs(ctx, q, lacking)
		if err != nil {
			t.Fatalf("SearchRefs(%+v): %v", q, err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("SearchRefs(%+v) lacking every article (-SearchArticles +SearchRefs):\n%s", q, diff)
		}
		if len(refs) != len(want.Articles) {
			t.Errorf("SearchRefs(%+v): %d references for %d articles", q, len(refs), len(want.Articles))
		}
		// having every other article, it reads the rest, in order
		var calls int
		got, _, err = rs.SearchRefs(ctx, q, func(store.ArticleRef) bool { calls++; return calls%2 == 0 })
		if err != nil {
			t.Fatal(err)
		}
		var rest []news.Article
		for i := 0; i < len(want.Articles); i += 2 {
			rest = append(rest, want.Articles[i])
		}
		if diff := cmp.Diff(rest, got.Articles, cmpopts.EquateEmpty()); diff != "" || got.Found != want.Found || got.Next != want.Next {
			t.Errorf("SearchRefs(%+v) having every other article: found %d, next %q (want %d, %q); articles (-want +got):\n%s",
				q, got.Found, got.Next, want.Found, want.Next, diff)
		}
	}
	q := store.Query{Symbols: []string{"NSANY"}}
	_, before, err := rs.SearchRefs(ctx, q, lacking)
	if err != nil {
		t.Fatal(err)
	}
	a := get(t, s, ids[merger])
	if err := s.UpdateAnnotation(ctx, a.UUID, a.Annotation, "s9"); err != nil {
		t.Fatal(err)
	}
	res, after, err := rs.SearchRefs(ctx, q, lacking)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != len(after) {
		t.Fatalf("%d references, then %d", len(before), len(after))
	}
	for i := range after {
		changed := res.Articles[i].Title == merger
		if (before[i] != after[i]) != changed || before[i].ID != after[i].ID {
			t.Errorf("%q: reference %+v, then %+v after %q was re-annotated", res.Articles[i].Title, before[i], after[i], merger)
		}
	}
}
