package sqlite

import (
	"context"
	"testing"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// TestGeneration checks that the generation changes with each write
// committed, by the store itself or by another one on the same file (as
// another process would), and only then.
func TestGeneration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	open := func() *Store {
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	s, other := open(), open()
	gen := func() uint64 {
		g, err := s.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	steps := []struct {
		name    string
		write   func() error
		changes bool
	}{
		{"nothing written", func() error { return nil }, false},
		{"an article saved", func() error {
			_, err := s.SaveArticle(ctx, &news.Article{Title: "Nissan in talks with Foxconn"})
			return err
		}, true},
		{"a read", func() error { _, err := s.SearchArticles(ctx, store.Query{}); return err }, false},
		{"an article saved by another store", func() error {
			_, err := other.SaveArticle(ctx, &news.Article{Title: "Honda and Nissan end merger talks"})
			return err
		}, true},
		{"the master saved by another store", func() error { return other.SaveMaster(ctx, []byte("master")) }, true},
		{"a duplicate, which writes nothing", func() error {
			_, err := s.SaveArticle(ctx, &news.Article{Title: "Nissan in talks with Foxconn"})
			return err
		}, false},
	}
	prev := gen()
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		g := gen()
		if changed := g != prev; changed != st.changes {
			t.Errorf("%s: generation %d -> %d, changed %v, want %v", st.name, prev, g, changed, st.changes)
		}
		prev = g
	}
}
