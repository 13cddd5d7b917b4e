package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// SaveSource adds a source or updates the one with the same URL.
func (s *Store) SaveSource(ctx context.Context, src *news.Source) error {
	store.PrepareSource(src)
	headers, err := json.Marshal(src.Headers)
	if err != nil {
		return fmt.Errorf("source headers: %w", err)
	}
	err = s.pool.QueryRow(ctx, `INSERT INTO sources (kind, url, name, full_text, interval_ns, headers,
		last_success, last_error, last_error_at, consecutive_failures, items_seen, blocked, etag, last_modified, next_poll)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
		ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, name = excluded.name, full_text = excluded.full_text,
			interval_ns = excluded.interval_ns, headers = excluded.headers, last_success = excluded.last_success,
			last_error = excluded.last_error, last_error_at = excluded.last_error_at,
			consecutive_failures = excluded.consecutive_failures, items_seen = excluded.items_seen,
			blocked = excluded.blocked, etag = excluded.etag, last_modified = excluded.last_modified,
			next_poll = excluded.next_poll
		RETURNING id`,
		src.Kind, src.URL, src.Name, src.FullText, int64(src.Interval), json.RawMessage(headers),
		nullTime(src.LastSuccess), src.LastError, nullTime(src.LastErrorAt), src.ConsecutiveFailures,
		src.ItemsSeen, src.Blocked, src.ETag, src.LastModified, nullTime(src.NextPoll)).Scan(&src.ID)
	if err != nil {
		return fmt.Errorf("save source %s: %w", src.URL, err)
	}
	return nil
}

// ListSources returns every source, by ID.
func (s *Store) ListSources(ctx context.Context) ([]news.Source, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, kind, url, name, full_text, interval_ns, headers,
		last_success, last_error, last_error_at, consecutive_failures, items_seen, blocked, etag, last_modified, next_poll
		FROM sources ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (news.Source, error) {
		var src news.Source
		var interval int64
		var headers []byte
		var lastSuccess, lastErrorAt, nextPoll *time.Time
		if err := row.Scan(&src.ID, &src.Kind, &src.URL, &src.Name, &src.FullText, &interval, &headers,
			&lastSuccess, &src.LastError, &lastErrorAt, &src.ConsecutiveFailures, &src.ItemsSeen, &src.Blocked,
			&src.ETag, &src.LastModified, &nextPoll); err != nil {
			return src, err
		}
		src.Interval = time.Duration(interval)
		src.LastSuccess, src.LastErrorAt, src.NextPoll = fromNull(lastSuccess), fromNull(lastErrorAt), fromNull(nextPoll)
		if err := json.Unmarshal(headers, &src.Headers); err != nil {
			return src, fmt.Errorf("source %d headers: %w", src.ID, err)
		}
		return src, nil
	})
}

// DeleteSource removes a source, or returns store.ErrNotFound.
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return store.ErrNotFound
	}
	return nil
}
