package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the statements kept prepared: searches of the same shape
// share one, so a few hundred hold the shapes in use.
const maxStmts = 256

// stmtCache keeps the read pool's prepared statements by query text, so
// that a query run again is not parsed and planned again: for a short
// search by symbol, preparing its queries costs as much as running them.
// A statement is prepared after the search that first ran it, once that
// search's connection is back in the pool (preparing takes a connection,
// which a search waiting for one while holding its own could deadlock on).
type stmtCache struct {
	db    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// get returns the statement prepared for query, or nil.
func (c *stmtCache) get(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stmts[query]
}

// prepare prepares the queries not yet prepared, while there is room; the
// caller holds no connection of the pool. A query that fails to prepare is
// left to fail when run.
func (c *stmtCache) prepare(ctx context.Context, queries []string) {
	for _, q := range queries {
		c.mu.Lock()
		_, done := c.stmts[q]
		full := len(c.stmts) >= maxStmts
		c.mu.Unlock()
		if done || full {
			continue
		}
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if _, done := c.stmts[q]; done || len(c.stmts) >= maxStmts {
			st.Close()
		} else {
			if c.stmts == nil {
				c.stmts = map[string]*sql.Stmt{}
			}
			c.stmts[q] = st
		}
		c.mu.Unlock()
	}
}

// close closes the prepared statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}
