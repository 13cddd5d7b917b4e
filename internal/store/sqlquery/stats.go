package sqlquery

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// Stats returns the query of entity statistics for q (normalised, with its
// parsed search) and its arguments. Its rows are: interval start in
// microseconds (0 without an interval), key, MIC ("" unless grouped by
// symbol), number of articles, average sentiment.
func Stats(d Dialect, q store.StatsQuery, search searchquery.Node) (string, []any, error) {
	groupBy := q.GroupBy
	if groupBy == "" {
		groupBy = store.GroupBySymbol
	}
	if !slices.Contains(store.GroupBys, groupBy) {
		return "", nil, fmt.Errorf("%w: group_by %q is not one of %s", store.ErrBadQuery, groupBy, strings.Join(store.GroupBys, ", "))
	}
	bucket := "0"
	if q.Interval != "" {
		if !slices.Contains(store.Intervals, q.Interval) {
			return "", nil, fmt.Errorf("%w: interval %q is not one of %s", store.ErrBadQuery, q.Interval, strings.Join(store.Intervals, ", "))
		}
		bucket = d.Bucket("l.sort_time", q.Interval)
	}
	// Article-level filters select the articles; the entity filters and
	// the time range apply to the listing rows themselves, which an index
	// on article_listings answers without reading the articles.
	articles := q.Query
	articles.PublishedAfter, articles.PublishedBefore, articles.Symbols = time.Time{}, time.Time{}, nil
	articles.Filters = store.Filters{Domains: q.Domains, ExcludeDomains: q.ExcludeDomains, SourceIDs: q.SourceIDs, GroupSimilar: q.GroupSimilar}
	articles.MinMatchScore, articles.SentimentGTE, articles.SentimentLTE = 0, nil, nil
	where, b := Where(d, articles, search)
	conds := []string{}
	if where != "TRUE" {
		conds = append(conds, "l.article_id IN (SELECT a.id FROM articles a WHERE "+where+")")
	}
	if cond, ok := b.entityCond(q.Query, "l."); ok {
		conds = append(conds, cond)
	}
	if len(q.Symbols) == 0 && len(q.MICs) == 0 {
		conds = append(conds, "l.rank = 0") // each company once, by its primary listing
	}
	key, mic := "l.symbol", "l.mic"
	switch groupBy {
	case store.GroupByExchange:
		key, mic = "l.mic", "''"
	case store.GroupByCountry:
		key, mic = "l.country", "''"
		conds = append(conds, "l.country <> ''")
	case store.GroupByIndustry:
		key, mic = "l.industry", "''"
		conds = append(conds, "l.industry <> ''")
	case store.GroupByType:
		key, mic = "'"+store.EntityTypeEquity+"'", "''"
	}
	sql := "SELECT " + bucket + " AS bucket, " + key + " AS k, " + mic + " AS m, count(DISTINCT l.article_id) AS n, avg(l.sentiment) " +
		"FROM article_listings l WHERE " + strings.Join(conds, " AND ") + b.timeRange("l.sort_time", q.Query) +
		" GROUP BY bucket, k, m ORDER BY bucket DESC, n DESC, k, m"
	return sql, b.Args(), nil
}
