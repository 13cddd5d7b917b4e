package store

import "context"

// Generationer is a store that tells when it has changed: its generation
// changes whenever a write is committed to it, by this process or another,
// so what was read from it at one generation may be reused until the
// generation changes. The SQLite store implements it; a shared database
// written by many nodes does not.
type Generationer interface {
	// Generation returns the store's current generation.
	Generation(ctx context.Context) (uint64, error)
}
