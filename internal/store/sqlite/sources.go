package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

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
	err = s.write.QueryRowContext(ctx, `INSERT INTO sources (kind, url, name, full_text, interval_ns, headers,
		last_success, last_error, last_error_at, consecutive_failures, items_seen, blocked, etag, last_modified, next_poll)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, name = excluded.name, full_text = excluded.full_text,
			interval_ns = excluded.interval_ns, headers = excluded.headers, last_success = excluded.last_success,
			last_error = excluded.last_error, last_error_at = excluded.last_error_at,
			consecutive_failures = excluded.consecutive_failures, items_seen = excluded.items_seen,
			blocked = excluded.blocked, etag = excluded.etag, last_modified = excluded.last_modified,
			next_poll = excluded.next_poll
		RETURNING id`,
		src.Kind, src.URL, src.Name, src.FullText, int64(src.Interval), headers,
		micro(src.LastSuccess), src.LastError, micro(src.LastErrorAt),
		src.ConsecutiveFailures, src.ItemsSeen, src.Blocked, src.ETag, src.LastModified,
		micro(src.NextPoll)).Scan(&src.ID)
	if err != nil {
		return fmt.Errorf("save source %s: %w", src.URL, err)
	}
	return nil
}

// ListSources returns every source, by ID.
func (s *Store) ListSources(ctx context.Context) ([]news.Source, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, kind, url, name, full_text, interval_ns, headers,
		last_success, last_error, last_error_at, consecutive_failures, items_seen, blocked, etag, last_modified, next_poll
		FROM sources ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Source
	for rows.Next() {
		var src news.Source
		var interval int64
		var headers []byte
		var lastSuccess, lastErrorAt, nextPoll sql.NullInt64
		if err := rows.Scan(&src.ID, &src.Kind, &src.URL, &src.Name, &src.FullText, &interval, &headers,
			&lastSuccess, &src.LastError, &lastErrorAt, &src.ConsecutiveFailures, &src.ItemsSeen, &src.Blocked,
			&src.ETag, &src.LastModified, &nextPoll); err != nil {
			return nil, err
		}
		src.Interval = time.Duration(interval)
		src.LastSuccess, src.LastErrorAt, src.NextPoll = fromMicro(lastSuccess), fromMicro(lastErrorAt), fromMicro(nextPoll)
		if err := json.Unmarshal(headers, &src.Headers); err != nil {
			return nil, fmt.Errorf("source %d headers: %w", src.ID, err)
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

// DeleteSource removes a source, or returns store.ErrNotFound.
func (s *Store) DeleteSource(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return store.ErrNotFound
	}
	return nil
}
