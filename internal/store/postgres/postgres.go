// Package postgres is the Store on PostgreSQL (pgx connection pool), for
// running tickerwire on several machines: tsvector + GIN full-text search,
// embedded numbered migrations.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/migrate"
	"github.com/tickerwire/tickerwire/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key that serialises migrations when
// several processes start at once.
const migrationLock = 0x74776d67 // "twmg"

// Store is the PostgreSQL store. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
	sqlstore.DB
}

var _ store.Store = (*Store)(nil)

// Open connects to the database at url (postgres://user:pass@host/db?...;
// pool settings such as pool_max_conns go in the URL too) and brings its
// schema up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres store: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres store: %w", err)
	}
	s := &Store{pool: pool, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres store %s@%s/%s: %w", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	db := stdlib.OpenDBFromPool(pool)
	s.DB = sqlstore.DB{Write: db, Read: db, Dialect: dialect, Now: func() time.Time { return s.now() }}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	all, err := migrate.Load(migrations, "migrations")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return err
		}
		versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
		if err != nil {
			return err
		}
		applied := map[int]bool{}
		for _, v := range versions {
			applied[v] = true
		}
		for _, m := range migrate.Pending(all, applied) {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return err
			}
		}
		return nil
	})
}

// Ping checks the database is reachable.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Close closes the connection pool.
func (s *Store) Close() error {
	err := s.DB.Write.Close()
	s.pool.Close()
	return err
}

// nullTime is t, or NULL for the zero time.
func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// fromNull is the inverse of nullTime, in UTC.
func fromNull(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// SaveMaster stores the encoded security master.
func (s *Store) SaveMaster(ctx context.Context, encoded []byte) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO security_master (id, data, saved) VALUES (1, $1, now())
		ON CONFLICT (id) DO UPDATE SET data = excluded.data, saved = excluded.saved`, encoded)
	return err
}

// LoadMaster returns the stored security master, or store.ErrNotFound.
func (s *Store) LoadMaster(ctx context.Context) ([]byte, error) {
	var data []byte
	err := s.pool.QueryRow(ctx, `SELECT data FROM security_master WHERE id = 1`).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	return data, err
}
