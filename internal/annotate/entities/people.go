package entities

import (
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// people returns the people the document names, in order of first mention.
// A surname alone ("Espinosa") joins the full name it ends ("Ivan Espinosa").
func (a *analysed) people() []news.Person {
	type mention struct {
		from, to int
		name     string
	}
	var ms []mention
	for _, e := range a.ents {
		if e.typ != typePER || a.isOrg(e.from, e.to) {
			continue
		}
		ms = append(ms, mention{e.from, e.to, strings.Join(strings.Fields(a.text(e.from, e.to)), " ")})
	}
	// In a Title Case headline everyday words look like names ("Outlook",
	// "Safety Concerns"): drop names made only of them.
	ms = slices.DeleteFunc(ms, func(m mention) bool { return a.everyday(m.from, m.to) })
	// Resolve short names to the one longer name that ends with them.
	canonical := map[string]string{}
	for _, m := range ms {
		canonical[m.name] = m.name
	}
	for short := range canonical {
		var longer []string
		for _, m := range ms {
			if len(m.name) > len(short) && strings.HasSuffix(m.name, " "+short) && !slices.Contains(longer, m.name) {
				longer = append(longer, m.name)
			}
		}
		if len(longer) == 1 {
			canonical[short] = longer[0]
		}
	}
	var out []news.Person
	index := map[string]int{}
	for _, m := range ms {
		name := canonical[m.name]
		i, ok := index[name]
		if !ok {
			i = len(out)
			index[name] = i
			out = append(out, news.Person{Name: name})
		}
		p := &out[i]
		p.Mentions = append(p.Mentions, a.mention(m.from, m.to))
		if p.Role == "" {
			p.Role, p.Company = a.role(m.from, m.to)
		}
	}
	// A person first seen by surname keeps the index of the full name; order
	// by first mention.
	sortBy(out, func(p news.Person) int { return p.Mentions[0].Start })
	return out
}

// role reads the role and company of the person named by tokens [from, to)
// from the words around the name.
func (a *analysed) role(from, to int) (role, company string) {
	sent := a.sents[a.sentOf[from]]
	// "Apple CEO Tim Cook", "under CEO Ivan Espinosa", "Nissan's chief executive, Ivan Espinosa".
	k := from - 1
	if k > sent[0] && a.toks[k].text == "," {
		k--
	}
	if k >= sent[0] {
		if rs, r := roleEndingAt(a.lower[sent[0]:k+1], k-sent[0]); rs >= 0 {
			j := rs + sent[0] - 1
			for j >= sent[0] && roleQualifiers[a.lower[j]] {
				j--
			}
			if j >= sent[0] && a.lower[j] == "'s" {
				j--
			}
			if j >= sent[0] {
				if c, ok := a.orgEndingAt(j); ok {
					return r, c
				}
			}
			return r, a.nearestOrg(sent, from, to, r)
		}
	}
	// "Tim Cook, chief executive of Apple", "Tim Cook, Apple's CEO".
	k = to
	if k < sent[1] && a.toks[k].text == "," {
		k++
	}
	company = ""
	if k < sent[1] {
		if end, c, ok := a.orgStartingAt(k); ok && end+1 < sent[1] && a.lower[end+1] == "'s" {
			company, k = c, end+2
		}
	}
	for k < sent[1] {
		switch {
		case roleQualifiers[a.lower[k]], a.lower[k] == "the", a.lower[k] == "a", a.lower[k] == "an", a.lower[k] == "its":
			k++
			continue
		case companyWords[a.lower[k]] && k+1 < sent[1] && a.lower[k+1] == "'s":
			k += 2 // "the company's chief executive": the company named nearby
			continue
		}
		break
	}
	if k >= sent[1] {
		return "", ""
	}
	next, r := roleStartingAt(a.lower[k:sent[1]], 0)
	if next < 0 {
		return "", ""
	}
	next += k
	if company != "" {
		return r, company
	}
	if next+1 < sent[1] && (a.lower[next] == "of" || a.lower[next] == "at" || a.lower[next] == "for") {
		if _, c, ok := a.orgStartingAt(next + 1); ok {
			return r, c
		}
	}
	return r, a.nearestOrg(sent, from, to, r)
}

// companyWords stand for a company named before ("the company's CEO").
var companyWords = map[string]bool{
	"company": true, "firm": true, "group": true, "bank": true, "automaker": true,
	"carmaker": true, "carrier": true, "retailer": true, "insurer": true, "airline": true,
	"lender": true, "maker": true, "giant": true, "chipmaker": true, "startup": true,
}

// orgEndingAt returns the company or organisation whose name ends with token k:
// a mention from an earlier step or else an organisation the tagger found.
func (a *analysed) orgEndingAt(k int) (string, bool) {
	if m, ok := a.orgs.endingAt(a.toks[k].end); ok {
		return m.name, true
	}
	for _, e := range a.ents {
		if e.typ == typeORG && e.to == k+1 {
			return a.text(e.from, e.to), true
		}
	}
	return "", false
}

// orgStartingAt returns the last token and name of the company or
// organisation whose name starts with token k.
func (a *analysed) orgStartingAt(k int) (int, string, bool) {
	if m, ok := a.orgs.startingAt(a.toks[k].start); ok {
		end := k
		for end+1 < len(a.toks) && a.toks[end+1].end <= m.end {
			end++
		}
		return end, m.name, true
	}
	for _, e := range a.ents {
		if e.typ == typeORG && e.from == k {
			return e.to - 1, a.text(e.from, e.to), true
		}
	}
	return 0, "", false
}

// nearestOrg returns the company or organisation named closest to the
// person within the sentence, or "" (always for side roles).
func (a *analysed) nearestOrg(sent [2]int, from, to int, role string) string {
	if sideRoles[role] {
		return ""
	}
	lo, hi := a.toks[sent[0]].start, a.toks[sent[1]-1].end
	if m, ok := a.orgs.nearest(lo, hi, a.toks[from].start, a.toks[to-1].end); ok {
		return m.name
	}
	return ""
}

// sortBy sorts s stably by key.
func sortBy[T any](s []T, key func(T) int) {
	slices.SortStableFunc(s, func(x, y T) int { return key(x) - key(y) })
}
