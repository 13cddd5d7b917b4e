package sqlite

import (
	"context"
	"testing"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

func TestBrowser(t *testing.T) {
	storetest.RunBrowser(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
