// Package migrate reads a store's numbered SQL migrations: files named
// NNNN_what.sql (0001_init.sql, 0002_...), applied in order once each and
// recorded in a schema_migrations table by the store that runs them.
package migrate

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered SQL file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// BlockSize is the step of migration blocks: work done in parallel numbers
// its migrations from its own multiple of BlockSize (0001.., 0010..), so a
// gap is allowed only up to a multiple of it.
const BlockSize = 10

// Load returns the migrations in dir of fsys, ordered by version. Versions
// start at 1 and have no repeats and no gaps except up to a new block.
func Load(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migrations: %s: name must be NNNN_what.sql", e.Name())
		}
		body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		out = append(out, Migration{Version: v, Name: e.Name(), SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	prev := 0
	for _, m := range out {
		if m.Version != prev+1 && (m.Version <= prev || m.Version%BlockSize != 0) {
			return nil, fmt.Errorf("migrations: %s: expected version %d, or a new block at a multiple of %d", m.Name, prev+1, BlockSize)
		}
		prev = m.Version
	}
	return out, nil
}

// Pending returns the migrations whose versions are not in applied.
func Pending(all []Migration, applied map[int]bool) []Migration {
	var out []Migration
	for _, m := range all {
		if !applied[m.Version] {
			out = append(out, m)
		}
	}
	return out
}
