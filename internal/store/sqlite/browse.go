package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

var _ store.Browser = (*Store)(nil)

// sentimentLabel is an article's sentiment label, as indexed by articles_sentiment.
const sentimentLabel = `json_extract(a.annotation, '$.sentiment.label')`

// Browse returns one page of matching articles, their count and the facets
// of the newest matches. It walks the articles newest first along a
// time-ordered index, testing each against the conditions, and stops once
// it has the page, the facet sample and CountLimit+1 matches: the cost is
// bounded by the size of the index however many articles match, where
// looking up every match by id would read each matching row.
func (s *Store) Browse(ctx context.Context, bq store.BrowseQuery) (store.Browsed, error) {
	var out store.Browsed
	q, search, err := store.Normalize(bq.Query)
	if err != nil {
		return out, err
	}
	where, b := sqlquery.Where(dialect, q, search)
	if bq.Source != "" {
		where += " AND lower(a.source) = lower(" + b.Arg(bq.Source) + ")"
	}
	if bq.Sentiment != "" {
		where += " AND " + sentimentLabel + " = " + b.Arg(bq.Sentiment)
	}
	sample := min(max(bq.FacetSample, 0), store.MaxFacetSample)
	countLimit := min(max(bq.CountLimit, 0), store.MaxFacetSample)
	want := max(q.Offset+q.Limit, sample)
	if countLimit > 0 {
		want = max(want, countLimit+1)
	}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	// Walk the narrowest time-ordered index the conditions allow.
	index := "articles_sort_time"
	switch {
	case bq.Sentiment != "":
		index = "articles_sentiment"
	case bq.Source != "":
		index = "articles_source"
	}
	ids, err := queryIDs(ctx, tx, `SELECT a.id FROM articles a INDEXED BY `+index+` WHERE `+where+
		` ORDER BY a.sort_time DESC, a.id DESC LIMIT `+fmt.Sprint(want), b.Args()...)
	if err != nil {
		return out, fmt.Errorf("browse articles: %w", err)
	}
	if countLimit > 0 {
		out.Found, out.More = store.Counted(len(ids), countLimit)
	} else if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+where, b.Args()...).Scan(&out.Found); err != nil {
		return out, fmt.Errorf("browse articles: %w", err)
	}
	if q.Offset < len(ids) {
		if out.Articles, err = articlesByID(ctx, tx, ids[q.Offset:min(q.Offset+q.Limit, len(ids))]); err != nil {
			return out, err
		}
	}
	if sample > 0 && len(ids) > 0 {
		ids = ids[:min(sample, len(ids))]
		if out.Facets, err = facets(ctx, tx, ids); err != nil {
			return out, err
		}
	}
	return out, nil
}

func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// idList is ids as a JSON array, for json_each.
func idList(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// articlesByID reads the articles with these row ids, in the order given.
func articlesByID(ctx context.Context, tx *sql.Tx, ids []int64) ([]news.Article, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, `+articleColumns+` FROM articles a
		WHERE a.id IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("browse articles: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]news.Article, len(ids))
	for rows.Next() {
		var id int64
		a, err := scanArticle(prefixScanner{rows, &id})
		if err != nil {
			return nil, err
		}
		byID[id] = a
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]news.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// prefixScanner scans a leading id column, then hands the rest to scanArticle.
type prefixScanner struct {
	rows *sql.Rows
	id   *int64
}

func (p prefixScanner) Scan(dest ...any) error {
	return p.rows.Scan(append([]any{p.id}, dest...)...)
}

// facets counts the values of the articles with these row ids.
func facets(ctx context.Context, tx *sql.Tx, ids []int64) (store.Facets, error) {
	rows, err := tx.QueryContext(ctx, `WITH m AS MATERIALIZED (
		SELECT a.id, a.source, a.sort_time, `+sentimentLabel+` AS label FROM articles a
		WHERE a.id IN (SELECT value FROM json_each(?)))
		SELECT 'company', l.symbol || '.' || l.mic, count(*) FROM m JOIN article_listings l ON l.article_id = m.id GROUP BY 2
		UNION ALL SELECT 'event', e.type, count(*) FROM m JOIN article_events e ON e.article_id = m.id GROUP BY 2
		UNION ALL SELECT 'sentiment', m.label, count(*) FROM m GROUP BY 2
		UNION ALL SELECT 'source', m.source, count(*) FROM m GROUP BY 2
		UNION ALL SELECT 'day', strftime('%Y-%m-%d', m.sort_time / 1000000, 'unixepoch'), count(*) FROM m GROUP BY 2`,
		idList(ids))
	if err != nil {
		return store.Facets{}, fmt.Errorf("facets: %w", err)
	}
	defer rows.Close()
	var facetRows []store.FacetRow
	for rows.Next() {
		var r store.FacetRow
		var value sql.NullString
		if err := rows.Scan(&r.Kind, &value, &r.Count); err != nil {
			return store.Facets{}, fmt.Errorf("facets: %w", err)
		}
		r.Value = value.String
		facetRows = append(facetRows, r)
	}
	if err := rows.Err(); err != nil {
		return store.Facets{}, fmt.Errorf("facets: %w", err)
	}
	return store.BuildFacets(len(ids), facetRows), nil
}

// DailyMentions returns the listing's mentions per UTC day in [from, to),
// from the covering index article_listings_daily.
func (s *Store) DailyMentions(ctx context.Context, l store.ListingKey, from, to time.Time) ([]store.DayStat, error) {
	const day = int64(24 * time.Hour / time.Microsecond)
	rows, err := s.read.QueryContext(ctx, `SELECT sort_time / ?, count(*), avg(sentiment) FROM article_listings
		WHERE symbol = ? AND mic = ? AND sort_time >= ? AND sort_time < ? GROUP BY 1 ORDER BY 1`,
		day, strings.ToUpper(l.Symbol), strings.ToUpper(l.MIC), from.UnixMicro(), to.UnixMicro())
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
