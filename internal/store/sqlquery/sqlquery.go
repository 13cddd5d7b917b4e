// Package sqlquery builds the WHERE clause of an article search for the SQL
// stores. Both schemas name things alike: articles a (sort_time, language,
// story_id, parent_uuid, kind), article_listings (article_id, symbol, mic,
// sort_time) and article_events (article_id, type, sort_time); a Dialect
// supplies what differs.
package sqlquery

import (
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// Dialect is what differs between the SQL databases.
type Dialect struct {
	// Placeholder returns the n-th (1-based) bind parameter: "?" or "$n".
	Placeholder func(n int) string
	// Time converts a time to a bind argument for sort_time.
	Time func(time.Time) any
	// Search returns the condition on articles a for a full-text query,
	// adding its arguments to b. When other conditions select candidate
	// articles (by symbol, event, story, parent or date), candidates is not
	// nil and each call returns a subquery selecting their IDs (with its
	// arguments added to b), which may bound the search.
	Search func(b *Builder, n searchquery.Node, candidates func() string) string
	// SearchOnIDs tells that the Search condition reads only a.id (not
	// other columns), so a query by symbol can select from the listings
	// table alone.
	SearchOnIDs bool
}

// Builder collects conditions and their arguments.
type Builder struct {
	d     Dialect
	conds []string
	args  []any
}

// Arg adds a bind argument and returns its placeholder.
func (b *Builder) Arg(v any) string {
	b.args = append(b.args, v)
	return b.d.Placeholder(len(b.args))
}

// Args returns the bind arguments added so far.
func (b *Builder) Args() []any { return b.args }

func (b *Builder) list(vals []string) string {
	ph := make([]string, len(vals))
	for i, v := range vals {
		ph[i] = b.Arg(v)
	}
	return strings.Join(ph, ", ")
}

// timeRange returns " AND col >= x AND col <= y" for q's date bounds.
func (b *Builder) timeRange(col string, q store.Query) string {
	var s string
	if !q.PublishedAfter.IsZero() {
		s += " AND " + col + " >= " + b.Arg(b.d.Time(q.PublishedAfter))
	}
	if !q.PublishedBefore.IsZero() {
		s += " AND " + col + " <= " + b.Arg(b.d.Time(q.PublishedBefore))
	}
	return s
}

// Where returns the FROM and WHERE clauses selecting the articles matching
// q (normalised by store.Normalize, with its parsed search) as a, with
// columns id and sort_time at least, and a Builder holding their arguments.
//
// A query by symbol whose other conditions read only a.id and a.sort_time
// selects from the listings table alone (each listing row has its article's
// sort_time), so ordering thousands of matches reads no article rows.
func Where(d Dialect, q store.Query, search searchquery.Node) (string, *Builder) {
	b := &Builder{d: d}
	from := "articles a"
	var candidates func() string // the most selective subquery of article IDs
	matches := store.SymbolMatches(q.Symbols)
	if len(matches) > 0 || q.MinMatchScore > 0 || q.SentimentGTE != nil || q.SentimentLTE != nil {
		listings := func() string {
			var conds []string
			if len(matches) > 0 {
				var bare, ors []string
				for _, m := range matches {
					if m.MIC == "" {
						bare = append(bare, m.Symbol)
					} else {
						ors = append(ors, "(symbol = "+b.Arg(m.Symbol)+" AND mic = "+b.Arg(m.MIC)+")")
					}
				}
				ors = append(ors, "symbol IN ("+b.list(bare)+")")
				conds = append(conds, "("+strings.Join(ors, " OR ")+")")
			}
			if q.MinMatchScore > 0 {
				conds = append(conds, "match_score >= "+b.Arg(q.MinMatchScore))
			}
			if q.SentimentGTE != nil {
				conds = append(conds, "sentiment >= "+b.Arg(*q.SentimentGTE))
			}
			if q.SentimentLTE != nil {
				conds = append(conds, "sentiment <= "+b.Arg(*q.SentimentLTE))
			}
			return strings.Join(conds, " AND ") + b.timeRange("sort_time", q)
		}
		listingsOnly := len(matches) > 0 && len(nonEmpty(q.Languages)) == 0 && len(nonEmpty(q.Sources)) == 0 &&
			q.Kind == "" && (search == nil || d.SearchOnIDs)
		if listingsOnly {
			from = "(SELECT DISTINCT sort_time, article_id AS id FROM article_listings WHERE " + listings() + ") AS a"
		} else {
			b.conds = append(b.conds, "a.id IN (SELECT article_id FROM article_listings WHERE "+listings()+")")
		}
		candidates = func() string { return "SELECT article_id FROM article_listings WHERE " + listings() }
	}
	if events := nonEmpty(q.Events); len(events) > 0 {
		byEvent := func() string {
			return "SELECT article_id FROM article_events WHERE type IN (" + b.list(events) + ")" + b.timeRange("sort_time", q)
		}
		if candidates == nil {
			candidates = byEvent
		}
		b.conds = append(b.conds, "a.id IN ("+byEvent()+")")
	}
	for _, eq := range [...]struct{ col, val string }{{"story_id", q.StoryID}, {"parent_uuid", q.ParentUUID}} {
		if eq.val == "" {
			continue
		}
		byColumn := func() string { return "SELECT id AS article_id FROM articles WHERE " + eq.col + " = " + b.Arg(eq.val) }
		if candidates == nil {
			candidates = byColumn
		}
		b.conds = append(b.conds, "a.id IN ("+byColumn()+")")
	}
	if candidates == nil && (!q.PublishedAfter.IsZero() || !q.PublishedBefore.IsZero()) {
		candidates = func() string {
			return "SELECT id AS article_id FROM articles WHERE TRUE" + b.timeRange("sort_time", q)
		}
	}
	if search != nil {
		b.conds = append(b.conds, d.Search(b, search, candidates))
	}
	if r := b.timeRange("a.sort_time", q); r != "" {
		b.conds = append(b.conds, strings.TrimPrefix(r, " AND "))
	}
	if langs := nonEmpty(q.Languages); len(langs) > 0 {
		for i := range langs {
			langs[i] = strings.ToLower(langs[i])
		}
		b.conds = append(b.conds, "a.language IN ("+b.list(langs)+")")
	}
	if sources := nonEmpty(q.Sources); len(sources) > 0 {
		for i := range sources {
			sources[i] = strings.ToLower(sources[i])
		}
		b.conds = append(b.conds, "lower(a.source) IN ("+b.list(sources)+")")
	}
	if q.Kind != "" {
		b.conds = append(b.conds, "a.kind = "+b.Arg(q.Kind))
	}
	if len(b.conds) == 0 {
		return "FROM " + from, b
	}
	return "FROM " + from + " WHERE " + strings.Join(b.conds, " AND "), b
}

func nonEmpty(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// order is the order of search results: newest first.
const order = ` ORDER BY a.sort_time DESC, a.id DESC`

// Runner runs the queries of Search in one read transaction.
type Runner interface {
	// IDs returns the article IDs a query selects.
	IDs(query string, args []any) ([]int64, error)
	// Articles returns the articles a query selects (with the columns
	// given to Search).
	Articles(query string, args []any) ([]news.Article, error)
}

// Search answers q, whose clauses Where built into filter and b. It
// selects the IDs of the matches in order, up to q.MaxFound+1 of them, which
// gives both the count and the page, and then reads the page's articles by
// ID, so neither the conditions are evaluated twice nor wide rows sorted. A
// page past q.MaxFound is selected with LIMIT and OFFSET.
func Search(r Runner, q store.Query, filter string, b *Builder, columns string) (store.Result, error) {
	base := len(b.args)
	ids, err := r.IDs(`SELECT a.id `+filter+order+` LIMIT `+b.Arg(q.MaxFound+1), b.args)
	if err != nil {
		return store.Result{}, err
	}
	var res store.Result
	res.Found, res.FoundMore = min(len(ids), q.MaxFound), len(ids) > q.MaxFound
	b.args = b.args[:base]
	var query string
	if end := q.Offset + q.Limit; end <= q.MaxFound || !res.FoundMore {
		page := ids[min(q.Offset, len(ids)):min(end, len(ids))]
		if len(page) == 0 {
			return res, nil
		}
		b.args = nil
		ph := make([]string, len(page))
		for i, id := range page {
			ph[i] = b.Arg(id)
		}
		query = `SELECT ` + columns + ` FROM articles a WHERE a.id IN (` + strings.Join(ph, ", ") + `)` + order
	} else {
		query = `SELECT ` + columns + ` FROM articles a WHERE a.id IN (SELECT a.id ` + filter +
			order + ` LIMIT ` + b.Arg(q.Limit) + ` OFFSET ` + b.Arg(q.Offset) + `)` + order
	}
	res.Articles, err = r.Articles(query, b.args)
	return res, err
}
