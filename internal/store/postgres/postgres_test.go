package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

// testURL returns the test database's URL, skipping the test when none is set.
func testURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("TICKERWIRE_TEST_DATABASE_URL")
	if u == "" {
		tb.Skip("TICKERWIRE_TEST_DATABASE_URL is not set; run eval \"$(scripts/start-postgres.sh)\" to test the PostgreSQL store")
	}
	return u
}

// openSchema opens a store in a new schema of the test database, dropped
// when the test ends, so tests (and parallel runs) never see each other's data.
func openSchema(tb testing.TB, name string) *Store {
	tb.Helper()
	ctx := context.Background()
	base := testURL(tb)
	if name == "" {
		b := make([]byte, 6)
		rand.Read(b)
		name = "test_" + hex.EncodeToString(b)
	}
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatal(err)
	}
	if len(name) > 5 && name[:5] == "test_" {
		tb.Cleanup(func() {
			admin, err := pgx.Connect(ctx, base)
			if err != nil {
				tb.Error(err)
				return
			}
			defer admin.Close(ctx)
			if _, err := admin.Exec(ctx, `DROP SCHEMA `+pgx.Identifier{name}.Sanitize()+` CASCADE`); err != nil {
				tb.Error(err)
			}
		})
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	s, err := Open(ctx, u.String())
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
