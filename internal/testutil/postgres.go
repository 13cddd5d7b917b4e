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

// PostgresSchemaURL returns a URL of the test database whose connections
// use the named schema, creating it when missing. With name "" the schema is
// new and dropped when the test ends, so tests never see each other's data;
// a named schema is kept (benchmarks reuse their filled data).
func PostgresSchemaURL(tb testing.TB, name string) string {
	tb.Helper()
	ctx := context.Background()
	base := PostgresURL(tb)
	temporary := name == ""
	if temporary {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		name = "test_" + hex.EncodeToString(b)
	}
	ident := pgx.Identifier{name}.Sanitize()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+ident); err != nil {
		tb.Fatal(err)
	}
	if !temporary {
		return withSearchPath(tb, base, name)
	}
	tb.Cleanup(func() {
		admin, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Error(err)
			return
		}
		defer admin.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+ident+" CASCADE"); err != nil {
			tb.Error(err)
		}
	})
	return withSearchPath(tb, base, name)
}

func withSearchPath(tb testing.TB, base, schema string) string {
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
