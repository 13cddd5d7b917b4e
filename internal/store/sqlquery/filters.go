package sqlquery

import (
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/store"
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
		all := matchedSymbols(matches)
		var bare, ors []string
		for _, m := range matches {
			if m.MIC == "" {
				bare = append(bare, m.Symbol)
			} else {
				ors = append(ors, "("+alias+"symbol = "+b.Arg(m.Symbol)+" AND "+alias+"mic = "+b.Arg(m.MIC)+")")
			}
		}
		if len(ors) > 0 {
			// All the symbols first, so that an index on symbol is
			// searched for each rather than each OR term apart.
			conds = append(conds, alias+"symbol IN ("+b.list(all)+")")
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

// matchedSymbols returns the distinct symbols of matches: every listing
// row they select has one of them.
func matchedSymbols(matches []store.SymbolMatch) []string {
	var all []string
	for _, m := range matches {
		if !slices.Contains(all, m.Symbol) {
			all = append(all, m.Symbol)
		}
	}
	return all
}

func isEquity(t string) bool { return strings.EqualFold(t, store.EntityTypeEquity) }

// filterConds adds the conditions of q's article filters: domains,
// sources and one article per story.
func (b *Builder) filterConds(q store.Query) {
	if domains := lower(q.Domains); len(domains) > 0 {
		b.addWide("a.domain IN (" + b.list(withWWW(domains)) + ")")
	}
	if domains := lower(q.ExcludeDomains); len(domains) > 0 {
		b.addWide("a.domain NOT IN (" + b.list(withWWW(domains)) + ")")
	}
	if len(q.SourceIDs) > 0 {
		ph := make([]string, len(q.SourceIDs))
		for i, id := range q.SourceIDs {
			ph[i] = b.Arg(id)
		}
		b.addWide("a.source_id IN (" + strings.Join(ph, ", ") + ")")
	}
	if q.GroupSimilar {
		b.addWide(`(a.story_id = '' OR a.id = (SELECT s.id FROM articles s WHERE s.story_id = a.story_id
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
