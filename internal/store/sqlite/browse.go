package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

var _ store.Browser = (*Store)(nil)

// sentimentLabel is an article's sentiment label, as indexed by articles_sentiment.
const sentimentLabel = `json_extract(a.annotation, '$.sentiment.label')`

// Browse returns one page of matching articles and the facets of the newest matches.
func (s *Store) Browse(ctx context.Context, bq store.BrowseQuery) (store.Result, store.Facets, error) {
	q, search, err := store.Normalize(bq.Query)
	if err != nil {
		return store.Result{}, store.Facets{}, err
	}
	where, b := sqlquery.Where(dialect, q, search)
	if bq.Source != "" {
		where += " AND a.source = " + b.Arg(bq.Source)
	}
	if bq.Sentiment != "" {
		where += " AND " + sentimentLabel + " = " + b.Arg(bq.Sentiment)
	}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.Result{}, store.Facets{}, err
	}
	defer tx.Rollback()
	res, err := s.page(ctx, tx, q, where, b)
	if err != nil || bq.FacetSample <= 0 || res.Found == 0 {
		return res, store.Facets{}, err
	}
	sample := min(bq.FacetSample, store.MaxFacetSample, res.Found)
	rows, err := tx.QueryContext(ctx, `WITH m AS MATERIALIZED (
		SELECT a.id, a.source, a.sort_time, `+sentimentLabel+` AS label FROM articles a WHERE `+where+`
		ORDER BY a.sort_time DESC, a.id DESC LIMIT `+b.Arg(sample)+`)
		SELECT 'company', l.symbol || '.' || l.mic, count(*) FROM m JOIN article_listings l ON l.article_id = m.id GROUP BY 2
		UNION ALL SELECT 'event', e.type, count(*) FROM m JOIN article_events e ON e.article_id = m.id GROUP BY 2
		UNION ALL SELECT 'sentiment', m.label, count(*) FROM m GROUP BY 2
		UNION ALL SELECT 'source', m.source, count(*) FROM m GROUP BY 2
		UNION ALL SELECT 'day', strftime('%Y-%m-%d', m.sort_time / 1000000, 'unixepoch'), count(*) FROM m GROUP BY 2`,
		b.Args()...)
	if err != nil {
		return res, store.Facets{}, fmt.Errorf("facets: %w", err)
	}
	defer rows.Close()
	var facetRows []store.FacetRow
	for rows.Next() {
		var r store.FacetRow
		var value sql.NullString
		if err := rows.Scan(&r.Kind, &value, &r.Count); err != nil {
			return res, store.Facets{}, fmt.Errorf("facets: %w", err)
		}
		r.Value = value.String
		facetRows = append(facetRows, r)
	}
	if err := rows.Err(); err != nil {
		return res, store.Facets{}, fmt.Errorf("facets: %w", err)
	}
	return res, store.BuildFacets(sample, facetRows), nil
}

// page counts the articles matching where and reads q's page of them.
func (s *Store) page(ctx context.Context, tx *sql.Tx, q store.Query, where string, b *sqlquery.Builder) (store.Result, error) {
	var res store.Result
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+where, b.Args()...).Scan(&res.Found); err != nil {
		return res, fmt.Errorf("search articles: %w", err)
	}
	if res.Found <= q.Offset {
		return res, nil
	}
	args := append([]any(nil), b.Args()...)
	page := `SELECT ` + articleColumns + ` FROM articles a WHERE ` + where +
		` ORDER BY a.sort_time DESC, a.id DESC LIMIT ? OFFSET ?`
	rows, err := tx.QueryContext(ctx, page, append(args, q.Limit, q.Offset)...)
	if err != nil {
		return res, fmt.Errorf("search articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return res, err
		}
		res.Articles = append(res.Articles, a)
	}
	return res, rows.Err()
}

// DailyMentions returns the listing's mentions per UTC day in [from, to).
func (s *Store) DailyMentions(ctx context.Context, l store.ListingKey, from, to time.Time) ([]store.DayStat, error) {
	const day = int64(24 * time.Hour / time.Microsecond)
	rows, err := s.read.QueryContext(ctx, `SELECT sort_time / ?, count(*), avg(sentiment) FROM article_listings
		WHERE symbol = ? AND mic = ? AND sort_time >= ? AND sort_time < ? GROUP BY 1 ORDER BY 1`,
		day, l.Symbol, l.MIC, from.UnixMicro(), to.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("daily mentions: %w", err)
	}
	defer rows.Close()
	var out []store.DayStat
	for rows.Next() {
		var d int64
		var st store.DayStat
		if err := rows.Scan(&d, &st.Articles, &st.Sentiment); err != nil {
			return nil, fmt.Errorf("daily mentions: %w", err)
		}
		st.Day = time.UnixMicro(d * day).UTC()
		out = append(out, st)
	}
	return out, rows.Err()
}
