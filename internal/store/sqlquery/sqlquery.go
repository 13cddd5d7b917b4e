// Package sqlquery builds the WHERE clause of an article search for the SQL
// stores. Both schemas name things alike: articles a (sort_time, language,
// story_id, parent_uuid, kind), article_listings (article_id, symbol, mic,
// sort_time) and article_events (article_id, type, sort_time); a Dialect
// supplies what differs.
package sqlquery

import (
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// Dialect is what differs between the SQL databases.
type Dialect struct {
	// Placeholder returns the n-th (1-based) bind parameter, numbered ("?n"
	// or "$n") so that clauses may be written in any order.
	Placeholder func(n int) string
	// Time converts a time to a bind argument for sort_time.
	Time func(time.Time) any
	// Search returns the condition on articles a for a full-text query,
	// adding its arguments to b. When other conditions select candidate
	// articles (by symbol, event, story, parent or date), candidates is not
	// nil and each call returns a subquery selecting their IDs (with its
	// arguments added to b), which may bound the search. When the query is
	// by symbol, symbols are the symbols (upper case) of which every
	// candidate names one, which the search may also match.
	Search func(b *Builder, n searchquery.Node, candidates func() string, symbols []string) string
	// SearchOnIDs tells that the Search condition reads only a.id (not
	// other columns), so a query by symbol can select from the listings
	// table alone.
	SearchOnIDs bool
	// Rank returns an expression on articles a that is larger the better
	// a matches a full-text query, a join it needs (or ""), and its argument.
	Rank func(placeholder string, n searchquery.Node) (join, expr string, arg any)
	// Micros returns the expression of a sort_time column as Unix microseconds.
	Micros func(col string) string
	// Bucket returns the expression of the start of the interval (one of
	// store.Intervals) holding a sort_time column, as Unix microseconds.
	Bucket func(col, interval string) string
}

// Builder collects conditions and their arguments.
type Builder struct {
	d     Dialect
	conds []string
	args  []any
	wide  bool // a condition reads columns of articles a other than id and sort_time
}

// Arg adds a bind argument and returns its placeholder.
func (b *Builder) Arg(v any) string {
	b.args = append(b.args, v)
	return b.d.Placeholder(len(b.args))
}

// Args returns the bind arguments added so far.
func (b *Builder) Args() []any { return b.args }

// Truncate drops the arguments after the first n, to build another query
// on the same conditions.
func (b *Builder) Truncate(n int) { b.args = b.args[:n] }

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

// Where returns the conditions on articles a for q (normalised by
// store.Normalize, with its parsed search) joined by AND, "TRUE" when there
// are none, and a Builder holding their arguments, to which the caller may
// add more.
func Where(d Dialect, q store.Query, search searchquery.Node) (string, *Builder) {
	_, b := build(d, q, search, false)
	return b.where(), b
}

// selection is where a search selects its candidate articles from.
type selection struct {
	with     string // the common table expression the FROM clause needs (without WITH), or ""
	from     string // the FROM clause (without FROM) naming the articles a, with columns id and sort_time at least
	listings bool   // from selects from the listings table
}

// withClause returns the WITH clause of the common table expressions sel
// needs and more (or "" when there are none), with a space after it.
func (sel selection) withClause(more ...string) string {
	ctes := more
	if sel.with != "" {
		ctes = append([]string{sel.with}, more...)
	}
	if len(ctes) == 0 {
		return ""
	}
	return "WITH " + strings.Join(ctes, ", ") + " "
}

// build returns where the candidate articles of q are selected from, and a
// Builder holding the conditions on them and their arguments.
//
// When allowed by listings, a query by symbol whose other conditions read
// only a.id and a.sort_time selects from the listings table alone (each
// listing row has its article's sort_time), so ordering thousands of
// matches reads no article rows. With a full-text search, its candidates
// are selected once, into the table listed, which also bounds the search.
func build(d Dialect, q store.Query, search searchquery.Node, listings bool) (selection, *Builder) {
	b := &Builder{d: d}
	if langs := lower(q.Languages); len(langs) > 0 {
		b.addWide("a.language IN (" + b.list(langs) + ")")
	}
	if sources := lower(q.Sources); len(sources) > 0 {
		b.addWide("lower(a.source) IN (" + b.list(sources) + ")")
	}
	if q.Kind != "" {
		b.addWide("a.kind = " + b.Arg(q.Kind))
	}
	b.filterConds(q)
	sel := selection{from: "articles a"}
	var candidates func() string // the most selective subquery of article IDs
	if q.HasEntityFilter() {
		candidates = func() string {
			cond, _ := b.entityCond(q, "")
			return "SELECT article_id FROM article_listings WHERE " + cond + b.timeRange("sort_time", q)
		}
		if listings && !b.wide && (search == nil || d.SearchOnIDs) && len(store.SymbolMatches(q.Symbols)) > 0 {
			listed, ordered := b.listed(q)
			sel = selection{from: "(" + listed + ") AS a", listings: true}
			if search != nil && ordered {
				candidates = func() string {
					listed, _ := b.listed(q)
					return "SELECT id AS article_id FROM (" + listed + ") AS c"
				}
			} else if search != nil {
				sel.with, sel.from = "listed AS MATERIALIZED ("+listed+")", "listed AS a"
				candidates = func() string { return "SELECT id AS article_id FROM listed" }
			}
		} else {
			b.add("a.id IN (" + candidates() + ")")
		}
	}
	if events := nonEmpty(q.Events); len(events) > 0 {
		byEvent := func() string {
			return "SELECT article_id FROM article_events WHERE type IN (" + b.list(events) + ")" + b.timeRange("sort_time", q)
		}
		if candidates == nil {
			candidates = byEvent
		}
		b.add("a.id IN (" + byEvent() + ")")
	}
	for _, eq := range [...]struct{ col, val string }{{"story_id", q.StoryID}, {"parent_uuid", q.ParentUUID}} {
		if eq.val == "" {
			continue
		}
		byColumn := func() string { return "SELECT id AS article_id FROM articles WHERE " + eq.col + " = " + b.Arg(eq.val) }
		if candidates == nil {
			candidates = byColumn
		}
		b.add("a.id IN (" + byColumn() + ")")
	}
	if candidates == nil && (!q.PublishedAfter.IsZero() || !q.PublishedBefore.IsZero()) {
		candidates = func() string {
			return "SELECT id AS article_id FROM articles WHERE TRUE" + b.timeRange("sort_time", q)
		}
	}
	if search != nil {
		symbols := matchedSymbols(store.SymbolMatches(q.Symbols))
		if cond := d.Search(b, search, candidates, symbols); d.SearchOnIDs {
			b.add(cond)
		} else {
			b.addWide(cond)
		}
	}
	if r := b.timeRange("a.sort_time", q); r != "" {
		b.add(strings.TrimPrefix(r, " AND "))
	}
	return sel, b
}

// listed returns the query selecting the sort_time and id of each article
// that q's entity filters select, once, within its date range, and whether
// it reads them along one index in time order. A query by symbols alone
// reads article_symbols (each article once per symbol) and, for a
// SYMBOL.MIC, article_listings; with other entity filters, it reads and
// deduplicates the listing rows that pass them.
func (b *Builder) listed(q store.Query) (query string, ordered bool) {
	rest := q
	rest.Symbols = nil
	if cond, ok := (&Builder{d: b.d}).entityCond(rest, ""); !ok || cond == "TRUE" {
		matches := distinctMatches(q.Symbols)
		parts := make([]string, len(matches))
		for i, m := range matches {
			parts[i] = symbolSelect(b, m, "sort_time, article_id AS id") + b.timeRange("sort_time", q)
		}
		return strings.Join(parts, " UNION "), len(parts) == 1 && matches[0].MIC == ""
	}
	cond, _ := b.entityCond(q, "")
	return "SELECT DISTINCT sort_time, article_id AS id FROM article_listings WHERE " + cond + b.timeRange("sort_time", q), false
}

// add adds a condition that reads only a.id and a.sort_time.
func (b *Builder) add(cond string) { b.conds = append(b.conds, cond) }

// addWide adds a condition that reads other columns of articles a.
func (b *Builder) addWide(cond string) {
	b.conds = append(b.conds, cond)
	b.wide = true
}

// where returns the conditions joined by AND, or "TRUE".
func (b *Builder) where() string {
	if len(b.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(b.conds, " AND ")
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
