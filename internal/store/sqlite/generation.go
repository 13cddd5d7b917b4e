package sqlite

import (
	"context"
	"database/sql"
	"sync"

	"github.com/tickerwire/tickerwire/internal/store"
)

var _ store.Generationer = (*Store)(nil)

// generation tracks SQLite's data_version on a connection of its own that
// never writes, so that the version changes with every commit of any other
// connection, in this process or another. The connection is kept for the
// store's life: a new one numbers versions afresh, so getting one (after an
// error) also starts a new generation.
type generation struct {
	mu      sync.Mutex
	db      *sql.DB
	conn    *sql.Conn
	version int64  // the last data_version read on conn
	n       uint64 // the generation
}

// Generation returns a number that changes whenever a write is committed
// to the database.
func (s *Store) Generation(ctx context.Context) (uint64, error) {
	g := &s.gen
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.conn == nil {
		conn, err := g.db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		g.conn = conn
		g.n++
		g.version = -1
	}
	var v int64
	if err := g.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		g.conn.Close()
		g.conn = nil
		return 0, err
	}
	if v != g.version {
		g.version = v
		g.n++
	}
	return g.n, nil
}

// close releases the generation's connection.
func (g *generation) close() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.conn != nil {
		g.conn.Close()
		g.conn = nil
	}
	return g.db.Close()
}
