// Package sqlstore implements the store.Extensions (entity statistics,
// sources, API keys, watchlists, alerts) once for both SQL stores over
// database/sql: their tables are alike, and a sqlquery.Dialect supplies
// what differs.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

// DB runs the extension queries. Write is used for changes (SQLite allows
// one writer), Read for queries; they may be the same.
type DB struct {
	Write, Read *sql.DB
	Dialect     sqlquery.Dialect
	Now         func() time.Time
}

var _ store.Extensions = (*DB)(nil)

// bind rewrites the ? placeholders of query in the dialect's style.
func (db *DB) bind(query string) string {
	if db.Dialect.Placeholder(1) == "?" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString(db.Dialect.Placeholder(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (db *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.Write.ExecContext(ctx, db.bind(query), args...)
}

func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return db.Read.QueryRowContext(ctx, db.bind(query), args...)
}

func (db *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.Read.QueryContext(ctx, db.bind(query), args...)
}

func (db *DB) now() int64 { return db.Now().UnixMicro() }

// micro is t as Unix microseconds, or NULL for the zero time.
func micro(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func fromMicro(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// collect scans every row with scan.
func collect[T any](rows *sql.Rows, err error, scan func(*sql.Rows) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// affected returns store.ErrNotFound when res changed no row.
func affected(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return store.ErrNotFound
	}
	return nil
}

// EntityStats counts the matching articles by entity key (and interval).
func (db *DB) EntityStats(ctx context.Context, q store.StatsQuery) ([]store.EntityStat, error) {
	var err error
	query, search, err := store.Normalize(q.Query)
	if err != nil {
		return nil, err
	}
	q.Query = query
	text, args, err := sqlquery.Stats(db.Dialect, q, search)
	if err != nil {
		return nil, err
	}
	rows, err := db.Read.QueryContext(ctx, text, args...)
	return collect(rows, err, func(rows *sql.Rows) (store.EntityStat, error) {
		var s store.EntityStat
		var bucket int64
		var avg sql.NullFloat64
		err := rows.Scan(&bucket, &s.Key, &s.MIC, &s.TotalDocuments, &avg)
		if q.Interval != "" {
			s.Bucket = time.UnixMicro(bucket).UTC()
		}
		s.SentimentAvg = avg.Float64
		return s, err
	})
}

// SearchEntities returns the named listings matching q, most named first.
func (db *DB) SearchEntities(ctx context.Context, q store.EntitySearch) ([]store.EntityInfo, int, error) {
	conds := []string{"documents > 0"}
	var args []any
	if t := strings.ToUpper(strings.TrimSpace(q.Text)); t != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t) + "%"
		conds = append(conds, `(upper(symbol) LIKE ? ESCAPE '\' OR upper(name) LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	for _, in := range [...]struct {
		col  string
		vals []string
	}{{"symbol", q.Symbols}, {"mic", q.MICs}, {"country", q.Countries}} {
		if len(in.vals) > 0 {
			conds = append(conds, in.col+" IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(in.vals)), ", ")+")")
			for _, v := range in.vals {
				args = append(args, strings.ToUpper(v))
			}
		}
	}
	if len(q.Industries) > 0 {
		conds = append(conds, "industry IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(q.Industries)), ", ")+")")
		for _, v := range q.Industries {
			args = append(args, v)
		}
	}
	where := strings.Join(conds, " AND ")
	var found int
	if err := db.queryRow(ctx, `SELECT count(*) FROM entities WHERE `+where, args...).Scan(&found); err != nil {
		return nil, 0, fmt.Errorf("search entities: %w", err)
	}
	if q.Limit <= 0 {
		q.Limit = store.DefaultLimit
	}
	rows, err := db.query(ctx, `SELECT symbol, mic, name, country, industry, documents FROM entities WHERE `+where+
		` ORDER BY documents DESC, symbol, mic LIMIT ? OFFSET ?`, append(args, q.Limit, max(q.Offset, 0))...)
	out, err := collect(rows, err, func(rows *sql.Rows) (store.EntityInfo, error) {
		var e store.EntityInfo
		err := rows.Scan(&e.Symbol, &e.MIC, &e.Name, &e.Country, &e.Industry, &e.Documents)
		return e, err
	})
	return out, found, err
}

// Industries returns the industries of the named entities.
func (db *DB) Industries(ctx context.Context) ([]string, error) {
	rows, err := db.query(ctx, `SELECT DISTINCT industry FROM entities WHERE industry <> '' AND documents > 0 ORDER BY industry`)
	return collect(rows, err, func(rows *sql.Rows) (string, error) {
		var s string
		return s, rows.Scan(&s)
	})
}

// SourceStats returns the stored articles' sources by domain and language.
func (db *DB) SourceStats(ctx context.Context) ([]store.SourceStat, error) {
	rows, err := db.query(ctx, `SELECT source_id, domain, language, count(*) FROM articles
		GROUP BY source_id, domain, language ORDER BY count(*) DESC, domain, language, source_id`)
	return collect(rows, err, func(rows *sql.Rows) (store.SourceStat, error) {
		var s store.SourceStat
		return s, rows.Scan(&s.SourceID, &s.Domain, &s.Language, &s.Articles)
	})
}

// CreateAPIKey stores a key.
func (db *DB) CreateAPIKey(ctx context.Context, k *store.APIKey) error {
	if k.Prefix == "" || k.Hash == "" {
		return fmt.Errorf("%w: an API key needs a prefix and a hash", store.ErrInvalid)
	}
	k.Created = time.UnixMicro(db.now()).UTC()
	return db.Write.QueryRowContext(ctx, db.bind(`INSERT INTO api_keys (prefix, hash, name, rate_limit, created)
		VALUES (?, ?, ?, ?, ?) RETURNING id`), k.Prefix, k.Hash, k.Name, k.RateLimit, k.Created.UnixMicro()).Scan(&k.ID)
}

const keyColumns = `id, prefix, hash, name, rate_limit, created, revoked`

func scanKey(row interface{ Scan(...any) error }) (store.APIKey, error) {
	var k store.APIKey
	var created int64
	var revoked sql.NullInt64
	err := row.Scan(&k.ID, &k.Prefix, &k.Hash, &k.Name, &k.RateLimit, &created, &revoked)
	k.Created, k.Revoked = time.UnixMicro(created).UTC(), fromMicro(revoked)
	return k, err
}

// APIKeys returns every key.
func (db *DB) APIKeys(ctx context.Context) ([]store.APIKey, error) {
	rows, err := db.query(ctx, `SELECT `+keyColumns+` FROM api_keys ORDER BY id`)
	return collect(rows, err, func(rows *sql.Rows) (store.APIKey, error) { return scanKey(rows) })
}

// APIKeyByPrefix returns the key with this prefix.
func (db *DB) APIKeyByPrefix(ctx context.Context, prefix string) (*store.APIKey, error) {
	k, err := scanKey(db.queryRow(ctx, `SELECT `+keyColumns+` FROM api_keys WHERE prefix = ?`, prefix))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &k, nil
}

// RevokeAPIKey revokes a key.
func (db *DB) RevokeAPIKey(ctx context.Context, id int64) error {
	return affected(db.exec(ctx, `UPDATE api_keys SET revoked = coalesce(revoked, ?) WHERE id = ?`, db.now(), id))
}

// SaveWatchlist adds or replaces a watchlist.
func (db *DB) SaveWatchlist(ctx context.Context, w *store.Watchlist) error {
	now := time.UnixMicro(db.now()).UTC()
	w.Updated = now
	if w.ID == 0 {
		w.Created = now
	}
	spec, err := json.Marshal(w)
	if err != nil {
		return fmt.Errorf("%w: watchlist: %v", store.ErrInvalid, err)
	}
	if w.ID == 0 {
		return db.Write.QueryRowContext(ctx, db.bind(`INSERT INTO watchlists (key_id, spec, created, updated)
			VALUES (?, ?, ?, ?) RETURNING id`), w.KeyID, spec, now.UnixMicro(), now.UnixMicro()).Scan(&w.ID)
	}
	var created int64
	err = db.Write.QueryRowContext(ctx, db.bind(`UPDATE watchlists SET spec = ?, updated = ? WHERE id = ? RETURNING created`),
		spec, now.UnixMicro(), w.ID).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return store.ErrNotFound
	}
	w.Created = time.UnixMicro(created).UTC()
	return err
}

func scanWatchlist(row interface{ Scan(...any) error }) (store.Watchlist, error) {
	var w store.Watchlist
	var id, keyID, created, updated int64
	var spec string
	if err := row.Scan(&id, &keyID, &spec, &created, &updated); err != nil {
		return w, err
	}
	if err := json.Unmarshal([]byte(spec), &w); err != nil {
		return w, fmt.Errorf("watchlist %d: %w", id, err)
	}
	w.ID, w.KeyID, w.Created, w.Updated = id, keyID, time.UnixMicro(created).UTC(), time.UnixMicro(updated).UTC()
	return w, nil
}

// Watchlist returns one watchlist.
func (db *DB) Watchlist(ctx context.Context, id int64) (*store.Watchlist, error) {
	w, err := scanWatchlist(db.queryRow(ctx, `SELECT id, key_id, spec, created, updated FROM watchlists WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &w, nil
}

// Watchlists returns every watchlist.
func (db *DB) Watchlists(ctx context.Context) ([]store.Watchlist, error) {
	rows, err := db.query(ctx, `SELECT id, key_id, spec, created, updated FROM watchlists ORDER BY id`)
	return collect(rows, err, func(rows *sql.Rows) (store.Watchlist, error) { return scanWatchlist(rows) })
}

// DeleteWatchlist removes a watchlist and its alerts.
func (db *DB) DeleteWatchlist(ctx context.Context, id int64) error {
	return affected(db.exec(ctx, `DELETE FROM watchlists WHERE id = ?`, id))
}

const alertColumns = `id, watchlist_id, article_uuid, status, attempts, next_attempt, last_error, created, delivered`

func scanAlert(row interface{ Scan(...any) error }) (store.Alert, error) {
	var a store.Alert
	var created int64
	var next, delivered sql.NullInt64
	err := row.Scan(&a.ID, &a.WatchlistID, &a.ArticleUUID, &a.Status, &a.Attempts, &next, &a.LastError, &created, &delivered)
	a.NextAttempt, a.Created, a.Delivered = fromMicro(next), time.UnixMicro(created).UTC(), fromMicro(delivered)
	return a, err
}

// CreateAlert stores a new pending alert once per watchlist and article.
func (db *DB) CreateAlert(ctx context.Context, a *store.Alert) (bool, error) {
	now := db.now()
	var id int64
	err := db.Write.QueryRowContext(ctx, db.bind(`INSERT INTO alerts (watchlist_id, article_uuid, status, attempts, next_attempt, last_error, created)
		VALUES (?, ?, ?, 0, ?, '', ?) ON CONFLICT (watchlist_id, article_uuid) DO NOTHING RETURNING id`),
		a.WatchlistID, a.ArticleUUID, store.AlertPending, now, now).Scan(&id)
	created := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("create alert: %w", err)
	}
	stored, err := scanAlert(db.Write.QueryRowContext(ctx, db.bind(`SELECT `+alertColumns+` FROM alerts
		WHERE watchlist_id = ? AND article_uuid = ?`), a.WatchlistID, a.ArticleUUID))
	if err != nil {
		return false, fmt.Errorf("create alert: %w", err)
	}
	*a = stored
	return created, nil
}

// UpdateAlert saves an alert's delivery state.
func (db *DB) UpdateAlert(ctx context.Context, a *store.Alert) error {
	return affected(db.exec(ctx, `UPDATE alerts SET status = ?, attempts = ?, next_attempt = ?, last_error = ?, delivered = ?
		WHERE id = ?`, a.Status, a.Attempts, micro(a.NextAttempt), a.LastError, micro(a.Delivered), a.ID))
}

// Alerts returns alerts, newest first.
func (db *DB) Alerts(ctx context.Context, q store.AlertQuery) ([]store.Alert, error) {
	conds, args := []string{"TRUE"}, []any{}
	if q.WatchlistID != 0 {
		conds, args = append(conds, "watchlist_id = ?"), append(args, q.WatchlistID)
	}
	if q.Status != "" {
		conds, args = append(conds, "status = ?"), append(args, q.Status)
	}
	if q.Limit <= 0 || q.Limit > store.MaxLimit {
		q.Limit = store.MaxLimit
	}
	rows, err := db.query(ctx, `SELECT `+alertColumns+` FROM alerts WHERE `+strings.Join(conds, " AND ")+
		` ORDER BY id DESC LIMIT ?`, append(args, q.Limit)...)
	return collect(rows, err, func(rows *sql.Rows) (store.Alert, error) { return scanAlert(rows) })
}

// AddDeliveryAttempt logs one delivery attempt.
func (db *DB) AddDeliveryAttempt(ctx context.Context, d store.DeliveryAttempt) error {
	_, err := db.exec(ctx, `INSERT INTO delivery_attempts (alert_id, attempt, at, status_code, error, duration_ns)
		VALUES (?, ?, ?, ?, ?, ?)`, d.AlertID, d.Attempt, d.At.UnixMicro(), d.StatusCode, d.Error, int64(d.Duration))
	return err
}

// DeliveryAttempts returns an alert's attempts in order.
func (db *DB) DeliveryAttempts(ctx context.Context, alertID int64) ([]store.DeliveryAttempt, error) {
	rows, err := db.query(ctx, `SELECT alert_id, attempt, at, status_code, error, duration_ns FROM delivery_attempts
		WHERE alert_id = ? ORDER BY attempt`, alertID)
	return collect(rows, err, func(rows *sql.Rows) (store.DeliveryAttempt, error) {
		var d store.DeliveryAttempt
		var at, dur int64
		err := rows.Scan(&d.AlertID, &d.Attempt, &at, &d.StatusCode, &d.Error, &dur)
		d.At, d.Duration = time.UnixMicro(at).UTC(), time.Duration(dur)
		return d, err
	})
}
