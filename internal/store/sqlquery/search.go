package sqlquery

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// Key is an article's place in the time order: its sort time in Unix
// microseconds and its row ID.
type Key struct{ Micros, ID int64 }

// Runner runs the queries of Search in one read transaction.
type Runner interface {
	// Keys returns the rows (sort time in microseconds, ID) a query selects.
	Keys(query string, args []any) ([]Key, error)
	// CountedKeys returns the number in the first column of the rows a
	// query selects and the keys in the other two (sort time in
	// microseconds, ID), which are both NULL in a row holding only the number.
	CountedKeys(query string, args []any) (int, []Key, error)
	// Count returns the number a query selects.
	Count(query string, args []any) (int, error)
	// Articles returns the articles a query selects, in its order, with
	// the columns given to Search.
	Articles(query string, args []any) ([]news.Article, error)
}

// Search answers q (normalised by store.Normalize, with its parsed
// search), reading the articles' columns.
//
// A full-text search, or a query by symbol that selects from the listings
// table, costs much before its first match: such a query selects the keys
// of the matches once, in q's order, up to q.MaxFound+1 of them, which
// gives both the count and the page (also one after a cursor). Other
// queries walk the articles along an index, testing each row cheaply: they
// count up to q.MaxFound+1 matches in no order, and then select the page's
// keys along the order, which stops at the page's end. Either way the page's
// articles are then read by ID, so no wide rows are sorted.
func Search(r Runner, d Dialect, q store.Query, search searchquery.Node, columns string) (store.Result, error) {
	res, page, err := Page(r, d, q, search)
	if err != nil || len(page) == 0 {
		return res, err
	}
	res.Next = NextCursor(q, page)
	res.Articles, err = r.Articles(ByIDs(d, columns, page))
	return res, err
}

// Page answers q as Search does, up to reading the page's articles: it
// returns the result without them, and the keys of the page's articles in
// order, to be read by ID (ByIDs).
func Page(r Runner, d Dialect, q store.Query, search searchquery.Node) (store.Result, []Key, error) {
	var res store.Result
	var after *store.Cursor
	if q.Cursor != "" {
		c, err := store.DecodeCursor(q.Cursor)
		if err != nil {
			return res, nil, err
		}
		after = &c
	}
	if matches, ok := symbolMatches(q, search); ok {
		return searchSymbols(r, d, q, matches, after)
	}
	sel, b := build(d, q, search, true)
	join, order, byTime, err := b.order(q, search)
	if err != nil {
		return res, nil, err
	}
	if after != nil && !byTime {
		return res, nil, fmt.Errorf("%w: a cursor pages only by %s", store.ErrBadQuery, store.SortPublished)
	}
	base := len(b.args)
	selectKeys := func(cond string) string {
		return sel.withClause() + "SELECT " + d.Micros("a.sort_time") + ", a.id FROM " + sel.from + join + " WHERE " + cond + " ORDER BY " + order
	}
	// pageKeys selects the keys of the page with LIMIT and OFFSET, or
	// after the cursor.
	pageKeys := func() ([]Key, error) {
		b.Truncate(base)
		cond, offset := b.where(), q.Offset
		if after != nil {
			op := "<"
			if q.Ascending {
				op = ">"
			}
			cond += " AND (a.sort_time, a.id) " + op + " (" + b.Arg(d.Time(after.SortTime)) + ", " + b.Arg(after.ID) + ")"
			offset = 0
		}
		return r.Keys(selectKeys(cond)+" LIMIT "+b.Arg(q.Limit)+" OFFSET "+b.Arg(offset), b.args)
	}
	var page []Key
	if byTime && search == nil && !sel.listings {
		n, err := r.Count("SELECT count(*) FROM (SELECT 1 FROM "+sel.from+" WHERE "+b.where()+" LIMIT "+b.Arg(q.MaxFound+1)+") AS m", b.args)
		if err != nil {
			return res, nil, err
		}
		res.Found, res.FoundMore = min(n, q.MaxFound), n > q.MaxFound
		if n > q.Offset || res.FoundMore || after != nil {
			if page, err = pageKeys(); err != nil {
				return res, nil, err
			}
		}
	} else if byTime {
		n, keys, err := r.CountedKeys(countedPage(b, sel, q, after, "SELECT "+d.Micros("a.sort_time")+" AS k_micros, a.id AS k_id FROM "+sel.from+join+" WHERE "+b.where()+" ORDER BY "+order))
		if err != nil {
			return res, nil, err
		}
		res.Found, res.FoundMore = min(n, q.MaxFound), n > q.MaxFound
		if page = keys; len(page) < q.Limit && res.FoundMore {
			if page, err = pageKeys(); err != nil {
				return res, nil, err
			}
		}
	} else {
		keys, err := r.Keys(selectKeys(b.where())+" LIMIT "+b.Arg(q.MaxFound+1), b.args)
		if err != nil {
			return res, nil, err
		}
		res.Found, res.FoundMore = min(len(keys), q.MaxFound), len(keys) > q.MaxFound
		start := q.Offset
		if after != nil {
			start = sort.Search(len(keys), func(i int) bool { return keys[i].after(*after, q.Ascending) })
		}
		if start+q.Limit <= len(keys) || !res.FoundMore {
			page = keys[min(start, len(keys)):min(start+q.Limit, len(keys))]
		} else if page, err = pageKeys(); err != nil {
			return res, nil, err
		}
	}
	return res, page, nil
}

// countedPage returns the query (for Runner.CountedKeys) counting the keys
// (k_micros, k_id) that matches selects in q's time order, up to
// q.MaxFound+1, and selecting the page's among them, after the cursor or
// from q.Offset; and its arguments, added to b. One query gives both,
// without returning every key.
func countedPage(b *Builder, sel selection, q store.Query, after *store.Cursor, matches string) (string, []any) {
	dir, op := "DESC", "<"
	if q.Ascending {
		dir, op = "ASC", ">"
	}
	keys := "page_keys AS MATERIALIZED (" + matches + " LIMIT " + b.Arg(q.MaxFound+1) + ")"
	cond, offset := "", q.Offset
	if after != nil {
		cond = " WHERE (k_micros, k_id) " + op + " (" + b.Arg(after.SortTime.UnixMicro()) + ", " + b.Arg(after.ID) + ")"
		offset = 0
	}
	order := func(t string) string { return " ORDER BY " + t + "k_micros " + dir + ", " + t + "k_id " + dir }
	return sel.withClause(keys) + "SELECT c.n, p.k_micros, p.k_id FROM (SELECT count(*) AS n FROM page_keys) AS c" +
		" LEFT JOIN (SELECT k_micros, k_id FROM page_keys" + cond + order("") + " LIMIT " + b.Arg(q.Limit) + " OFFSET " + b.Arg(offset) + ") AS p" +
		" ON TRUE" + order("p."), b.args
}

// NextCursor returns the cursor of the page after page, the keys of the
// page of q, or "" when there is none (the last page, a sort by score).
func NextCursor(q store.Query, page []Key) string {
	if len(page) == q.Limit && (q.Sort == "" || q.Sort == store.SortPublished) {
		last := page[len(page)-1]
		return store.Cursor{SortTime: time.UnixMicro(last.Micros), ID: last.ID}.Encode()
	}
	return ""
}

// after reports whether k comes after cursor c going down (or up, when
// ascending) the time order.
func (k Key) after(c store.Cursor, ascending bool) bool {
	micros := c.SortTime.UnixMicro()
	if ascending {
		return k.Micros > micros || k.Micros == micros && k.ID > c.ID
	}
	return k.Micros < micros || k.Micros == micros && k.ID < c.ID
}

// order returns the ORDER BY clause of q's sort, a join on articles a it
// needs (or ""), and whether it is the time order, adding its arguments to
// b.
func (b *Builder) order(q store.Query, search searchquery.Node) (join, order string, byTime bool, err error) {
	dir := "DESC"
	if q.Ascending {
		dir = "ASC"
	}
	order = "a.sort_time " + dir + ", a.id " + dir
	switch q.Sort {
	case "", store.SortPublished:
		return "", order, true, nil
	case store.SortMatchScore, store.SortEntitySentiment:
		col := "max(l.match_score)"
		if q.Sort == store.SortEntitySentiment {
			col = "avg(l.sentiment)"
		}
		cond, ok := b.entityCond(q, "l.")
		if !ok {
			cond = "TRUE"
		}
		return "", "coalesce((SELECT " + col + " FROM article_listings l WHERE l.article_id = a.id AND " + cond + "), -2) " + dir + ", " + order, false, nil
	case store.SortRelevance:
		if search == nil {
			return "", order, true, nil
		}
		join, expr, arg := b.d.Rank(b.d.Placeholder(len(b.args)+1), search)
		b.args = append(b.args, arg)
		return join, expr + " " + dir + ", " + order, false, nil
	}
	return "", "", false, fmt.Errorf("%w: sort %q is not one of %s", store.ErrBadQuery, q.Sort, strings.Join(store.Sorts, ", "))
}

// ByIDs returns the query reading columns of the articles of keys, in
// their order, and its arguments.
func ByIDs(d Dialect, columns string, keys []Key) (string, []any) {
	b := &Builder{d: d}
	ids := make([]string, len(keys))
	var places strings.Builder
	for i, k := range keys {
		ids[i] = b.Arg(k.ID)
		fmt.Fprintf(&places, " WHEN %s THEN %d", ids[i], i)
	}
	return "SELECT " + columns + " FROM articles a WHERE a.id IN (" + strings.Join(ids, ", ") + ") ORDER BY CASE a.id" + places.String() + " END", b.args
}
