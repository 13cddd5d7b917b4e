// Package sqlquery builds the WHERE clause of an article search for the SQL
// stores. Both schemas name things alike: articles a (sort_time, language,
// story_id, parent_uuid, kind), article_listings (article_id, symbol, mic,
// sort_time) and article_events (article_id, type, sort_time); a Dialect
// supplies what differs.
package sqlquery

import (
	"reflect"
	"strings"
	"time"

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
	// articles (by symbol, event, story or parent), candidates is not nil
	// and each call returns a subquery selecting their IDs (with its
	// arguments added to b), which may bound the search.
	Search func(b *Builder, n searchquery.Node, candidates func() string) string
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

// Where returns the conditions for q (normalised by store.Normalize, with
// its parsed search) joined by AND, "TRUE" when there are none, and a
// Builder holding their arguments, to which the caller may add more.
func Where(d Dialect, q store.Query, search searchquery.Node) (string, *Builder) {
	b := &Builder{d: d}
	var candidates func() string // the most selective subquery of article IDs
	matches := store.SymbolMatches(q.Symbols)
	if len(matches) > 0 || q.MinMatchScore > 0 || q.SentimentGTE != nil || q.SentimentLTE != nil {
		candidates = func() string {
			return "SELECT article_id FROM article_listings WHERE " + b.listingConds(q, matches)
		}
		b.conds = append(b.conds, "a.id IN ("+candidates()+")")
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
		return "TRUE", b
	}
	return strings.Join(b.conds, " AND "), b
}

// listingConds returns the conditions on article_listings rows for q's
// symbols, match score, sentiment and date range; q has at least one of
// the first three.
func (b *Builder) listingConds(q store.Query, matches []store.SymbolMatch) string {
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

// ListingsOnly returns the conditions on article_listings rows that answer
// q alone, when q (normalised, with no search) selects by symbols and
// nothing but match score, sentiment and dates, which article_listings
// rows carry: such a query can count and page on that table's index
// without reading articles. ok is false for any other query.
func ListingsOnly(d Dialect, q store.Query) (cond string, b *Builder, ok bool) {
	matches := store.SymbolMatches(q.Symbols)
	rest := q
	rest.Symbols, rest.MinMatchScore, rest.SentimentGTE, rest.SentimentLTE = nil, 0, nil, nil
	rest.PublishedAfter, rest.PublishedBefore, rest.Limit, rest.Offset = time.Time{}, time.Time{}, 0, 0
	if len(matches) == 0 || !reflect.DeepEqual(rest, store.Query{}) {
		return "", nil, false
	}
	b = &Builder{d: d}
	return b.listingConds(q, matches), b, true
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

// Count returns the query counting the articles matching where.
func Count(where string) string {
	return `SELECT count(*) FROM articles a WHERE ` + where
}

// Page returns the query selecting columns of one page of the articles
// matching where, newest first. It orders and cuts the page on article IDs
// alone and only then reads the page's rows, so no wide rows are sorted.
func Page(columns, where string, b *Builder, limit, offset int) string {
	const order = ` ORDER BY a.sort_time DESC, a.id DESC`
	return `SELECT ` + columns + ` FROM articles a WHERE a.id IN (SELECT a.id FROM articles a WHERE ` + where +
		order + ` LIMIT ` + b.Arg(limit) + ` OFFSET ` + b.Arg(offset) + `)` + order
}
