package sqlite

import (
	"context"
	"database/sql"
	"testing"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/migrate"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/data"
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Title: "Nissan in talks with Foxconn"}
	if _, err := s.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if _, err := s.GetArticle(ctx, a.UUID); err != nil {
		t.Errorf("article after reopen: %v", err)
	}
	var versions int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&versions); err != nil {
		t.Fatal(err)
	}
	all, err := migrate.Load(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if versions != len(all) {
		t.Errorf("schema_migrations has %d rows, want %d", versions, len(all))
	}
}

// TestOpenConcurrently opens one new data directory from several goroutines
// at once, as two processes starting together would.
func TestOpenConcurrently(t *testing.T) {
	dir := t.TempDir()
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := Open(context.Background(), dir)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// The read pool maps the file; the writer does not, and caches less (see
// Open).
func TestConnectionMemory(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		name   string
		db     *sql.DB
		pragma string
		want   int64
	}{
		{"write", s.write, "mmap_size", 0},
		{"write", s.write, "cache_size", -32768},
		{"read", s.read, "mmap_size", 1 << 30},
		{"read", s.read, "cache_size", -65536},
	} {
		var got int64
		if err := tc.db.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s connection: %s %d, want %d", tc.name, tc.pragma, got, tc.want)
		}
	}
}
