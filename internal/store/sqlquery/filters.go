package sqlquery

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// entityCond returns the condition on article_listings columns (prefixed
// by alias, such as "l.") that q's entity filters ask for, and whether
// there is one.
func (b *Builder) entityCond(q store.Query, alias string) (string, bool) {
	if !q.HasEntityFilter() {
		return "", false
	}
	var conds []string
	if matches := store.SymbolMatches(q.Symbols); len(matches) > 0 {
		var bare []string
		var ors []string
		for _, m := range matches {
			if m.MIC == "" {
				bare = append(bare, m.Symbol)
			} else {
				ors = append(ors, "("+alias+"symbol = "+b.Arg(m.Symbol)+" AND "+alias+"mic = "+b.Arg(m.MIC)+")")
			}
		}
		ors = append(ors, alias+"symbol IN ("+b.list(bare)+")")
		conds = append(conds, "("+strings.Join(ors, " OR ")+")")
	}
	for _, in := range [...]struct {
		col  string
		vals []string
	}{{"mic", upper(q.MICs)}, {"country", upper(q.Countries)}, {"industry", nonEmpty(q.Industries)}} {
		if len(in.vals) > 0 {
			conds = append(conds, alias+in.col+" IN ("+b.list(in.vals)+")")
		}
	}
	if types := nonEmpty(q.EntityTypes); len(types) > 0 && !slices.ContainsFunc(types, isEquity) {
		conds = append(conds, "FALSE")
	}
	if q.SentimentGTE != nil {
		conds = append(conds, alias+"sentiment >= "+b.Arg(*q.SentimentGTE))
	}
	if q.SentimentLTE != nil {
		conds = append(conds, alias+"sentiment <= "+b.Arg(*q.SentimentLTE))
	}
	if q.MinMatchScore > 0 {
		conds = append(conds, alias+"match_score >= "+b.Arg(q.MinMatchScore))
	}
	if len(conds) == 0 {
		return "TRUE", true
	}
	return strings.Join(conds, " AND "), true
}

func isEquity(t string) bool { return strings.EqualFold(t, store.EntityTypeEquity) }

// filterConds adds the conditions of q's article filters: domains,
// sources and one article per story.
func (b *Builder) filterConds(q store.Query) {
	if domains := lower(q.Domains); len(domains) > 0 {
		b.conds = append(b.conds, "a.domain IN ("+b.list(withWWW(domains))+")")
	}
	if domains := lower(q.ExcludeDomains); len(domains) > 0 {
		b.conds = append(b.conds, "a.domain NOT IN ("+b.list(withWWW(domains))+")")
	}
	if len(q.SourceIDs) > 0 {
		ph := make([]string, len(q.SourceIDs))
		for i, id := range q.SourceIDs {
			ph[i] = b.Arg(id)
		}
		b.conds = append(b.conds, "a.source_id IN ("+strings.Join(ph, ", ")+")")
	}
	if q.GroupSimilar {
		b.conds = append(b.conds, `(a.story_id = '' OR a.id = (SELECT s.id FROM articles s WHERE s.story_id = a.story_id
			ORDER BY s.sort_time DESC, s.id DESC LIMIT 1))`)
	}
}

// withWWW returns each domain and its www. host.
func withWWW(domains []string) []string {
	out := make([]string, 0, 2*len(domains))
	for _, d := range domains {
		d = strings.TrimPrefix(d, "www.")
		out = append(out, d, "www."+d)
	}
	return out
}

// PageQuery returns the query selecting columns of one page of the
// articles matching where (built by Where, with b), in q's order, after
// q's cursor, adding its arguments to b. Sorted by time, it orders and
// cuts the page on article IDs alone and only then reads the page's rows,
// so no wide rows are sorted.
func PageQuery(columns, where string, q store.Query, search searchquery.Node, b *Builder) (string, error) {
	dir := "DESC"
	if q.Ascending {
		dir = "ASC"
	}
	byTime := "a.sort_time " + dir + ", a.id " + dir
	var join, byScore string
	switch q.Sort {
	case "", store.SortPublished:
	case store.SortMatchScore, store.SortEntitySentiment:
		col := "max(l.match_score)"
		if q.Sort == store.SortEntitySentiment {
			col = "avg(l.sentiment)"
		}
		cond, ok := b.entityCond(q, "l.")
		if !ok {
			cond = "TRUE"
		}
		byScore = "coalesce((SELECT " + col + " FROM article_listings l WHERE l.article_id = a.id AND " + cond + "), -2) " + dir
	case store.SortRelevance:
		if search != nil {
			var expr string
			var arg any
			join, expr, arg = b.d.Rank(b.d.Placeholder(len(b.args)+1), search)
			b.args = append(b.args, arg)
			byScore = expr + " " + dir
		}
	default:
		return "", fmt.Errorf("%w: sort %q is not one of %s", store.ErrBadQuery, q.Sort, strings.Join(store.Sorts, ", "))
	}
	if byScore != "" {
		if q.Cursor != "" {
			return "", fmt.Errorf("%w: a cursor pages only by %s", store.ErrBadQuery, store.SortPublished)
		}
		return `SELECT ` + columns + ` FROM articles a` + join + ` WHERE ` + where + ` ORDER BY ` + byScore + `, ` + byTime +
			` LIMIT ` + b.Arg(q.Limit) + ` OFFSET ` + b.Arg(q.Offset), nil
	}
	offset := q.Offset
	if q.Cursor != "" {
		c, err := store.DecodeCursor(q.Cursor)
		if err != nil {
			return "", err
		}
		op := "<"
		if q.Ascending {
			op = ">"
		}
		where += " AND (a.sort_time, a.id) " + op + " (" + b.Arg(b.d.Time(c.SortTime)) + ", " + b.Arg(c.ID) + ")"
		offset = 0
	}
	order := ` ORDER BY ` + byTime
	return `SELECT ` + columns + ` FROM articles a WHERE a.id IN (SELECT a.id FROM articles a WHERE ` + where +
		order + ` LIMIT ` + b.Arg(q.Limit) + ` OFFSET ` + b.Arg(offset) + `)` + order, nil
}

// NextCursorQuery is the query of the cursor after an article, by UUID:
// it returns the article's sort time in microseconds and its row id.
func NextCursorQuery(d Dialect) string {
	return "SELECT " + d.Micros("a.sort_time") + ", a.id FROM articles a WHERE a.uuid = " + d.Placeholder(1)
}

// HasNext reports whether a page of q with n articles may be followed by
// another that a cursor can reach.
func HasNext(q store.Query, n int) bool {
	return n == q.Limit && (q.Sort == "" || q.Sort == store.SortPublished)
}

func upper(vals []string) []string {
	out := nonEmpty(vals)
	for i := range out {
		out[i] = strings.ToUpper(out[i])
	}
	return out
}

func lower(vals []string) []string {
	out := nonEmpty(vals)
	for i := range out {
		out[i] = strings.ToLower(out[i])
	}
	return out
}
