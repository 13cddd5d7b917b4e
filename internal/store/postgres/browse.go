package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

var _ store.Browser = (*Store)(nil)

// sentimentLabel is an article's sentiment label, as indexed by articles_sentiment.
const sentimentLabel = `(a.annotation -> 'sentiment' ->> 'label')`

// Browse returns one page of matching articles, their count and the
// facets of the newest matches.
func (s *Store) Browse(ctx context.Context, bq store.BrowseQuery) (store.Browsed, error) {
	q, search, err := store.Normalize(bq.Query)
	if err != nil {
		return store.Browsed{}, err
	}
	where, b := sqlquery.Where(dialect, q, search)
	if bq.Source != "" {
		where += " AND lower(a.source) = lower(" + b.Arg(bq.Source) + ")"
	}
	if bq.Sentiment != "" {
		where += " AND " + sentimentLabel + " = " + b.Arg(bq.Sentiment)
	}
	var out store.Browsed
	countLimit := min(max(bq.CountLimit, 0), store.MaxFacetSample)
	err = pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		var err error
		args := slices.Clone(b.Args()) // page adds its own
		if out.Result, err = page(ctx, tx, q, where, b, countLimit); err != nil {
			return err
		}
		out.Found, out.More = store.Counted(out.Found, countLimit)
		if bq.FacetSample <= 0 || out.Found == 0 {
			return nil
		}
		sample := min(bq.FacetSample, store.MaxFacetSample, out.Found)
		rows, err := tx.Query(ctx, `WITH m AS MATERIALIZED (
			SELECT a.id, a.source, a.sort_time, `+sentimentLabel+` AS label FROM articles a WHERE `+where+`
			ORDER BY a.sort_time DESC, a.id DESC LIMIT `+strconv.Itoa(sample)+`)
			SELECT 'company', l.symbol || '.' || l.mic, count(*) FROM m JOIN article_listings l ON l.article_id = m.id GROUP BY 2
			UNION ALL SELECT 'event', e.type, count(*) FROM m JOIN article_events e ON e.article_id = m.id GROUP BY 2
			UNION ALL SELECT 'sentiment', m.label, count(*) FROM m GROUP BY 2
			UNION ALL SELECT 'source', m.source, count(*) FROM m GROUP BY 2
			UNION ALL SELECT 'day', to_char(m.sort_time AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*) FROM m GROUP BY 2`,
			args...)
		if err != nil {
			return fmt.Errorf("facets: %w", err)
		}
		facetRows, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.FacetRow, error) {
			var r store.FacetRow
			var value *string
			err := row.Scan(&r.Kind, &value, &r.Count)
			if value != nil {
				r.Value = *value
			}
			return r, err
		})
		if err != nil {
			return fmt.Errorf("facets: %w", err)
		}
		out.Facets = store.BuildFacets(sample, facetRows)
		return nil
	})
	if err != nil {
		return store.Browsed{}, fmt.Errorf("browse articles: %w", err)
	}
	return out, nil
}

// page counts the articles matching where (up to countLimit+1 of them when
// countLimit > 0) and reads q's page of them.
func page(ctx context.Context, tx pgx.Tx, q store.Query, where string, b *sqlquery.Builder, countLimit int) (store.Result, error) {
	var res store.Result
	count := `SELECT count(*) FROM articles a WHERE ` + where
	if countLimit > 0 {
		count = `SELECT count(*) FROM (SELECT 1 FROM articles a WHERE ` + where + ` LIMIT ` + fmt.Sprint(countLimit+1) + `) c`
	}
	if err := tx.QueryRow(ctx, count, b.Args()...).Scan(&res.Found); err != nil {
		return res, err
	}
	if res.Found <= q.Offset {
		return res, nil
	}
	rows, err := tx.Query(ctx, `SELECT `+articleColumns+` FROM articles a WHERE `+where+
		` ORDER BY a.sort_time DESC, a.id DESC LIMIT `+strconv.Itoa(q.Limit)+` OFFSET `+strconv.Itoa(q.Offset), b.Args()...)
	if err != nil {
		return res, err
	}
	res.Articles, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (news.Article, error) { return scanArticle(row) })
	return res, err
}

// DailyMentions returns the listing's mentions per UTC day in [from, to).
func (s *Store) DailyMentions(ctx context.Context, l store.ListingKey, from, to time.Time) ([]store.DayStat, error) {
	rows, err := s.pool.Query(ctx, `SELECT date_trunc('day', sort_time AT TIME ZONE 'UTC'), count(*), avg(sentiment)
		FROM article_listings WHERE symbol = $1 AND mic = $2 AND sort_time >= $3 AND sort_time < $4 GROUP BY 1 ORDER BY 1`,
		l.Symbol, l.MIC, from, to)
	if err != nil {
		return nil, fmt.Errorf("daily mentions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.DayStat, error) {
		var st store.DayStat
		err := row.Scan(&st.Day, &st.Articles, &st.Sentiment)
		st.Day = time.Date(st.Day.Year(), st.Day.Month(), st.Day.Day(), 0, 0, 0, 0, time.UTC)
		return st, err
	})
	if err != nil {
		return nil, fmt.Errorf("daily mentions: %w", err)
	}
	return out, nil
}
