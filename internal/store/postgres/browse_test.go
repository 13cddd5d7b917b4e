package postgres

import (
	"testing"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

func TestBrowser(t *testing.T) {
	testURL(t)
	storetest.RunBrowser(t, func(t *testing.T) store.Store { return openSchema(t, "") })
}
