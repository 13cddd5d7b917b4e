package sqlquery

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// symbolMatches returns the distinct listings to look up when q selects
// articles by symbols alone (within its date range, in the time order),
// and whether it does. Such a query, the API's most common, is answered
// from article_symbols (each article once per symbol it names, in time
// order) and symbol_counts: its page is read along an index, however many
// articles match, and its count is kept by the store.
func symbolMatches(q store.Query, search searchquery.Node) ([]store.SymbolMatch, bool) {
	if search != nil {
		return nil, false
	}
	switch q.Sort {
	case "", store.SortPublished, store.SortRelevance: // relevance without a search is the time order
	default:
		return nil, false
	}
	rest := q
	rest.Symbols, rest.Search = nil, ""
	rest.PublishedAfter, rest.PublishedBefore = time.Time{}, time.Time{}
	rest.Limit, rest.Offset, rest.MaxFound = 0, 0, 0
	rest.Sort, rest.Ascending, rest.Cursor = "", false, ""
	if !reflect.ValueOf(rest).IsZero() { // any other filter, including ones added later
		return nil, false
	}
	matches := distinctMatches(q.Symbols)
	return matches, len(matches) > 0
}

// distinctMatches returns the listings symbols ask for
// (store.SymbolMatches), each once.
func distinctMatches(symbols []string) []store.SymbolMatch {
	var matches []store.SymbolMatch
	for _, m := range store.SymbolMatches(symbols) {
		if !slices.Contains(matches, m) {
			matches = append(matches, m)
		}
	}
	return matches
}

// symbolKeys returns the query selecting the keys of the page of a query
// by symbols (see symbolMatches): the newest (or oldest) offset+limit
// articles of each listing, merged. after, when not nil, replaces the
// offset.
func symbolKeys(d Dialect, q store.Query, matches []store.SymbolMatch, after *store.Cursor) (string, []any) {
	b := &Builder{d: d}
	dir, op := "DESC", "<"
	if q.Ascending {
		dir, op = "ASC", ">"
	}
	offset := q.Offset
	if after != nil {
		offset = 0
	}
	parts := make([]string, len(matches))
	for i, m := range matches {
		sel := symbolSelect(b, m, "sort_time, article_id AS id") + b.timeRange("sort_time", q)
		if after != nil {
			sel += " AND (sort_time, article_id) " + op + " (" + b.Arg(d.Time(after.SortTime)) + ", " + b.Arg(after.ID) + ")"
		}
		parts[i] = "SELECT sort_time, id FROM (" + sel + " ORDER BY sort_time " + dir + ", article_id " + dir +
			" LIMIT " + b.Arg(offset+q.Limit) + ") AS m"
	}
	return "SELECT " + d.Micros("k.sort_time") + ", k.id FROM (" + strings.Join(parts, " UNION ") + ") AS k" +
		" ORDER BY k.sort_time " + dir + ", k.id " + dir + " LIMIT " + b.Arg(q.Limit) + " OFFSET " + b.Arg(offset), b.args
}

// symbolCount returns the query counting the articles a query by symbols
// matches, up to q.MaxFound+1. Without a date range it reads the counts
// the store keeps (symbol_counts, and entities for a SYMBOL.MIC), which
// give the count when at most one of the listings has articles; it answers
// -1 when they do not.
func symbolCount(d Dialect, q store.Query, matches []store.SymbolMatch, kept bool) (string, []any) {
	b := &Builder{d: d}
	parts := make([]string, len(matches))
	if kept {
		for i, m := range matches {
			if m.MIC == "" {
				parts[i] = "SELECT articles AS n FROM symbol_counts WHERE symbol = " + b.Arg(m.Symbol)
			} else {
				parts[i] = "SELECT documents AS n FROM entities WHERE symbol = " + b.Arg(m.Symbol) + " AND mic = " + b.Arg(m.MIC)
			}
		}
		return "SELECT CASE WHEN sum(CASE WHEN n > 0 THEN 1 ELSE 0 END) > 1 THEN -1 ELSE coalesce(max(n), 0) END FROM (" +
			strings.Join(parts, " UNION ALL ") + ") AS c", b.args
	}
	for i, m := range matches {
		parts[i] = symbolSelect(b, m, "article_id") + b.timeRange("sort_time", q)
	}
	return "SELECT count(*) FROM (" + strings.Join(parts, " UNION ") + " LIMIT " + b.Arg(q.MaxFound+1) + ") AS m", b.args
}

// symbolSelect returns "SELECT columns FROM ... WHERE ..." over the rows of
// the articles naming the listing m: article_symbols for a bare symbol,
// article_listings for a symbol and MIC (one row per article there too).
func symbolSelect(b *Builder, m store.SymbolMatch, columns string) string {
	if m.MIC == "" {
		return "SELECT " + columns + " FROM article_symbols WHERE symbol = " + b.Arg(m.Symbol)
	}
	return "SELECT " + columns + " FROM article_listings WHERE symbol = " + b.Arg(m.Symbol) + " AND mic = " + b.Arg(m.MIC)
}

// searchSymbols answers a query by symbols (see symbolMatches).
func searchSymbols(r Runner, d Dialect, q store.Query, matches []store.SymbolMatch, after *store.Cursor) (store.Result, []Key, error) {
	var res store.Result
	dated := !q.PublishedAfter.IsZero() || !q.PublishedBefore.IsZero()
	n, err := r.Count(symbolCount(d, q, matches, !dated))
	if err != nil {
		return res, nil, err
	}
	if n < 0 {
		if n, err = r.Count(symbolCount(d, q, matches, false)); err != nil {
			return res, nil, err
		}
	}
	res.Found, res.FoundMore = min(n, q.MaxFound), n > q.MaxFound
	if n <= q.Offset && after == nil {
		return res, nil, nil
	}
	page, err := r.Keys(symbolKeys(d, q, matches, after))
	return res, page, err
}
