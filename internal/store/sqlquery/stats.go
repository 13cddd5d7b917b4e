package sqlquery

import (
	"fmt"
	"slices"
	"strings"

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
	where, b := Where(d, q.Query, search)
	cond, ok := b.entityCond(q.Query, "l.")
	if !ok {
		cond = "TRUE"
	}
	if len(q.Symbols) == 0 && len(q.MICs) == 0 {
		cond += " AND l.rank = 0" // each company once, by its primary listing
	}
	key, mic := "l.symbol", "l.mic"
	switch groupBy {
	case store.GroupByExchange:
		key, mic = "l.mic", "''"
	case store.GroupByCountry:
		key, mic = "l.country", "''"
		cond += " AND l.country <> ''"
	case store.GroupByIndustry:
		key, mic = "l.industry", "''"
		cond += " AND l.industry <> ''"
	case store.GroupByType:
		key, mic = "'"+store.EntityTypeEquity+"'", "''"
	}
	sql := "SELECT " + bucket + " AS bucket, " + key + " AS k, " + mic + " AS m, count(DISTINCT l.article_id) AS n, avg(l.sentiment) " +
		"FROM article_listings l JOIN articles a ON a.id = l.article_id WHERE " + where + " AND " + cond +
		b.timeRange("l.sort_time", q.Query) +
		" GROUP BY bucket, k, m ORDER BY bucket DESC, n DESC, k, m"
	return sql, b.Args(), nil
}
