package sqlite

import (
	"context"
	"testing"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

func TestEntityBackfill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	storetest.EntityBackfill(t, s,
		func(q string) error { _, err := s.write.ExecContext(ctx, q); return err },
		func() store.Store {
			s.Close()
			if s, err = Open(ctx, dir); err != nil {
				t.Fatal(err)
			}
			return s
		})
	s.Close()
}
