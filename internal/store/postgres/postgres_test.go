package postgres

import (
	"context"
	"testing"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// testURL returns the test database's URL, skipping the test when none is set.
func testURL(tb testing.TB) string { return testutil.PostgresURL(tb) }

// openSchema opens a store in the named schema of the test database; with
// name "" a new one, dropped when the test ends.
func openSchema(tb testing.TB, name string) *Store {
	tb.Helper()
	s, err := Open(context.Background(), testutil.PostgresSchemaURL(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openSchema(t, "") })
}

func TestMigrateTwice(t *testing.T) {
	s := openSchema(t, "")
	defer s.Close()
	if err := s.migrate(context.Background()); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
}

func TestEntityBackfill(t *testing.T) {
	ctx := context.Background()
	s := openSchema(t, "")
	defer s.Close()
	storetest.EntityBackfill(t, s,
		func(q string) error { _, err := s.pool.Exec(ctx, q); return err },
		func() store.Store {
			if err := s.migrate(ctx); err != nil {
				t.Fatal(err)
			}
			return s
		})
}
