package testutil

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgresURL returns the test database's URL from
// TICKERWIRE_TEST_DATABASE_URL, skipping the test when it is unset (CI sets
// it; locally run eval "$(scripts/start-postgres.sh)").
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("TICKERWIRE_TEST_DATABASE_URL")
	if u == "" {
		tb.Skip("TICKERWIRE_TEST_DATABASE_URL is not set; run eval \"$(scripts/start-postgres.sh)\" to run the PostgreSQL tests")
	}
	return u
}

// PostgresSchemaURL creates a new schema in the test database, dropped when
// the test ends, and returns a URL whose connections use it, so tests never
// see each other's data.
func PostgresSchemaURL(tb testing.TB) string {
	tb.Helper()
	ctx := context.Background()
	base := PostgresURL(tb)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := pgx.Identifier{"test_" + hex.EncodeToString(b)}.Sanitize()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		admin, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Error(err)
			return
		}
		defer admin.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+name+" CASCADE"); err != nil {
			tb.Error(err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name[1:len(name)-1])
	u.RawQuery = q.Encode()
	return u.String()
}
