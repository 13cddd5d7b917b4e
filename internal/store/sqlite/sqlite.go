// Package sqlite is the default Store: one SQLite database file in the data
// directory (pure Go, WAL journal, FTS5 full-text index), with embedded
// numbered migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/migrate"
	"github.com/tickerwire/tickerwire/internal/store/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database file inside the data directory.
const FileName = "tickerwire.db"

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQLite store. It is safe for concurrent use.
type Store struct {
	write *sql.DB // one connection: SQLite has one writer at a time
	read  *sql.DB
	gen   generation
	stmts stmtCache // of the read pool
	now   func() time.Time
	sqlstore.DB
}

var _ store.Store = (*Store)(nil)

// Open opens (creating when missing) dataDir and the database in it, and
// brings its schema up to date.
func Open(ctx context.Context, dataDir string) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("sqlite store: %w", err)
	}
	path := filepath.Join(dataDir, FileName)
	// 64 MiB of page cache per reading connection, and memory-mapped reads
	// on the read pool: with SQLite's 2 MiB default every page a search
	// touches is a system call. The writer maps nothing: a page it changes
	// is copied into its cache anyway, and the pages its index merges read
	// through a map would stay in the process's resident memory (counted
	// once per mapping) for as long as the connection lives: ~200 MB while
	// articles are pushed, for no gain in speed. Its cache is 32 MiB: at
	// 64 MiB the pages of its index merges filled it (~90 MB resident at
	// 1,000,000 articles) without storing articles any faster.
	const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	write, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=cache_size(-32768)&_pragma=mmap_size(0)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite store: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	s := &Store{write: write, now: time.Now}
	if err := s.migrateRetrying(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=cache_size(-65536)&_pragma=mmap_size(1073741824)&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite store: %w", err)
	}
	read.SetMaxOpenConns(max(4, runtime.NumCPU()))
	read.SetMaxIdleConns(max(4, runtime.NumCPU()))
	s.read = read
	s.stmts.db = read
	if s.gen.db, err = sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)"); err != nil {
		read.Close()
		write.Close()
		return nil, fmt.Errorf("sqlite store: %w", err)
	}
	s.gen.db.SetMaxOpenConns(1)
	s.DB = sqlstore.DB{Write: write, Read: read, Dialect: dialect, Now: func() time.Time { return s.now() }}
	return s, nil
}

// migrateRetrying migrates, retrying while another process or goroutine
// opening a new database at the same moment holds it: switching a new file
// to WAL returns SQLITE_BUSY at once, without waiting for busy_timeout.
func (s *Store) migrateRetrying(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		err := s.migrate(ctx)
		if err == nil || attempt == 50 || !strings.Contains(err.Error(), "SQLITE_BUSY") {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// migrate applies the pending migrations in one write transaction, so a
// second process opening the store at the same time waits and then finds
// nothing left to do.
func (s *Store) migrate(ctx context.Context) error {
	all, err := migrate.Load(migrations, "migrations")
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return err
		}
		applied := map[int]bool{}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return err
			}
			applied[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, m := range migrate.Pending(all, applied) {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
				m.Version, m.Name, s.now().UnixMicro()); err != nil {
				return err
			}
		}
		return nil
	})
}

// inTx runs fn in a write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Ping checks both connection pools.
func (s *Store) Ping(ctx context.Context) error {
	return errors.Join(s.write.PingContext(ctx), s.read.PingContext(ctx))
}

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.close()
	return errors.Join(s.gen.close(), s.read.Close(), s.write.Close())
}

// micro is t as Unix microseconds, or NULL for the zero time.
func micro(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicro is the inverse of micro.
func fromMicro(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// SaveMaster stores the encoded security master.
func (s *Store) SaveMaster(ctx context.Context, encoded []byte) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO security_master (id, data, saved) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET data = excluded.data, saved = excluded.saved`, encoded, s.now().UnixMicro())
	return err
}

// LoadMaster returns the stored security master, or store.ErrNotFound.
func (s *Store) LoadMaster(ctx context.Context) ([]byte, error) {
	var data []byte
	err := s.read.QueryRowContext(ctx, `SELECT data FROM security_master WHERE id = 1`).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return data, err
}

// IntegrityCheck runs SQLite's integrity check on the database in dataDir
// (on its own connection, so it also works on a store another process
// left behind) and returns an error listing the problems it finds.
func IntegrityCheck(ctx context.Context, dataDir string) error {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check of %s failed: %s", dataDir, strings.Join(problems, "; "))
	}
	return nil
}
