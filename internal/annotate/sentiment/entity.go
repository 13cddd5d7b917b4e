package sentiment

import (
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/text"
)

// entityMask stands for the entity in the text about it, so that the model
// reads what is said of it and not its name.
const entityMask = "Xentity"

// EntityText returns the text that tells how the entity at mention, in
// sentence sp of body, reads: when the mention is an item of a list ("Stocks
// That Crossed 52-Week Highs (AAON, BECN, CADE)", "Top losers: A, B, C"),
// the sentence without the list, whose words apply to every item; when the
// sentence names other entities, the clause about this one (Segment);
// otherwise the whole sentence. The mention itself reads entityMask and
// other entities' mentions otherMask.
func EntityText(body string, sp, mention text.Span, others []text.Span) string {
	if list, ok := listAround(body, sp, mention); ok {
		head := strings.TrimSpace(body[sp.Start:list.Start]) + " " + strings.TrimSpace(body[list.End:sp.End])
		head = strings.TrimRight(strings.TrimSpace(head), ":-–—( ")
		if len(strings.Fields(head)) >= 2 {
			return head
		}
	}
	seg := sp
	if len(others) > 0 {
		seg = Segment(body, sp, mention, others)
	}
	return maskSpans(body, seg, mention, others)
}

// listMinItems is how many comma-separated items make a list.
const listMinItems = 3

// listMaxWords is the longest item of a list, in words: names and tickers.
const listMaxWords = 5

// listAround returns the span of the list holding the mention: the inside
// of the parentheses around it, or what follows the last colon or dash
// before it, when that is a comma-separated run of short items.
func listAround(body string, sp, mention text.Span) (text.Span, bool) {
	s := body[sp.Start:sp.End]
	ms, me := mention.Start-sp.Start, mention.End-sp.Start
	if ms < 0 || me > len(s) {
		return text.Span{}, false
	}
	// In parentheses.
	if open := strings.LastIndexByte(s[:ms], '('); open >= 0 && !strings.Contains(s[open:ms], ")") {
		end := len(s)
		if k := strings.IndexByte(s[me:], ')'); k >= 0 {
			end = me + k
		}
		if isList(s[open+1 : end]) {
			return text.Span{Start: sp.Start + open, End: sp.Start + min(end+1, len(s))}, true
		}
	}
	// After a colon or a dash.
	cut := -1
	for _, sep := range []string{": ", "- ", "– ", "— "} {
		if k := strings.LastIndex(s[:ms], sep); k > cut {
			cut = k
		}
	}
	if cut < 0 {
		return text.Span{}, false
	}
	end := len(s)
	if k := strings.IndexAny(s[me:], ";("); k >= 0 {
		end = me + k
	}
	if isList(s[cut+1 : end]) {
		return text.Span{Start: sp.Start + cut, End: sp.Start + end}, true
	}
	return text.Span{}, false
}

// isList reports whether s is a run of at least listMinItems short items
// separated by commas (the last may follow "and").
func isList(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ".…")
	items := strings.Split(s, ",")
	if last := items[len(items)-1]; strings.Contains(last, " and ") {
		a, b, _ := strings.Cut(last, " and ")
		items = append(items[:len(items)-1], a, b)
	}
	if len(items) < listMinItems {
		return false
	}
	for _, it := range items {
		if n := len(strings.Fields(it)); n == 0 || n > listMaxWords {
			return false
		}
	}
	return true
}

// analystActions are the verbs with which a broker acts on a rating.
var analystActions = map[string]bool{
	"upgrades": true, "downgrades": true, "maintains": true, "reiterates": true, "initiates": true,
	"assumes": true, "resumes": true, "reinstates": true, "starts": true,
}

// targetActions change a broker's price target ("Citi cuts target price on X").
var targetActions = map[string]bool{
	"raises": true, "lowers": true, "cuts": true, "ups": true, "hikes": true, "trims": true,
	"boosts": true, "slashes": true, "reduces": true,
}

// ratingContext are words that make an action a rating action.
var ratingContext = map[string]bool{
	"coverage": true, "target": true, "pt": true, "po": true, "rating": true,
}

// IsAnalyst reports whether the entity at mention, in sentence sp of body,
// is a broker rating a company ("Stifel Maintains Buy on Aaron's", "HSBC
// upgrades Tata Power", "Citi cuts target price on ONGC"): its mention is
// followed by a rating action whose object is a rating, a price target or
// another entity (others). The headline is about the rated company; the
// broker itself reads neutral.
func IsAnalyst(body string, sp, mention text.Span, others []text.Span) bool {
	if mention.End > sp.End {
		return false
	}
	ws := words(body[mention.End:sp.End])
	if len(ws) > 0 && ws[0].norm == "'s" {
		return false
	}
	if len(ws) == 0 {
		return false
	}
	v := ws[0].norm
	switch {
	case analystActions[v]:
		for _, w := range ws[1:] {
			if ratingContext[w.norm] {
				return true
			}
			if _, ok := ratingWords[w.norm]; ok {
				return true
			}
		}
		for _, o := range others {
			if o.Start >= mention.End && o.Start-mention.End < 40 {
				return true
			}
		}
	case targetActions[v]:
		for _, w := range ws[1:min(len(ws), 5)] {
			if w.norm == "target" || w.norm == "pt" || w.norm == "po" {
				return true
			}
		}
	}
	return false
}

// otherMask stands for the other entities in the text about one.
const otherMask = "Xother"

// maskSpans returns the text of seg with the mention read as entityMask
// and the other entities inside it as otherMask.
func maskSpans(body string, seg, mention text.Span, others []text.Span) string {
	type cut struct {
		sp   text.Span
		mask string
	}
	var cuts []cut
	if mention.Start >= seg.Start && mention.End <= seg.End {
		cuts = append(cuts, cut{mention, entityMask})
	}
	for _, o := range others {
		if o.Start >= seg.Start && o.End <= seg.End && (o.End <= mention.Start || o.Start >= mention.End) {
			cuts = append(cuts, cut{o, otherMask})
		}
	}
	slices.SortFunc(cuts, func(a, b cut) int { return a.sp.Start - b.sp.Start })
	var sb strings.Builder
	at := seg.Start
	for _, c := range cuts {
		if c.sp.Start < at {
			continue
		}
		sb.WriteString(body[at:c.sp.Start])
		sb.WriteString(c.mask)
		at = c.sp.End
	}
	sb.WriteString(body[at:seg.End])
	return sb.String()
}

// withoutLists returns s without the lists of names or tickers in it ("(AAON,
// BECN, CADE)", ": Lithia Motors, Deckers and Arrow"), which say nothing
// of how it reads; s itself when it holds none.
func withoutLists(s string) string {
	out := s
	for {
		open := strings.IndexByte(out, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(out[open:], ')')
		if end < 0 || !isList(out[open+1:open+end]) {
			break
		}
		out = strings.TrimSpace(out[:open]) + " " + strings.TrimSpace(out[open+end+1:])
	}
	cut := -1
	for _, sep := range []string{": ", "- ", "– ", "— "} {
		if k := strings.LastIndex(out, sep); k > cut {
			cut = k
		}
	}
	if cut > 0 && isList(out[cut+1:]) {
		out = out[:cut]
	}
	out = strings.TrimSpace(out)
	if len(strings.Fields(out)) < 2 {
		return s
	}
	return out
}
