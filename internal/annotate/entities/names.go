package entities

import "strings"

// names tags a sentence and corrects what the tagger is known to get
// wrong: a company, role and name run together, given names it reads as
// words, people it misses after roles, dates and headline words run into
// names, and web addresses.
func (f *Finder) names(s *sentence) []span {
	ents := spans(f.m.tag(s))
	ents = splitRoles(s, ents)
	ents = extendFirstNames(s, ents)
	ents = f.addRoleNames(s, ents)
	return f.tidy(s, ents)
}

// dateWords are month and weekday names (and their abbreviations), which
// the tagger sometimes runs into names in tables ("New York Sept").
var dateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "jan.": true, "feb": true, "feb.": true, "mar": true,
	"mar.": true, "apr": true, "apr.": true, "jun": true, "jul": true, "aug": true,
	"aug.": true, "sep": true, "sept": true, "sep.": true, "sept.": true, "oct": true,
	"oct.": true, "nov": true, "nov.": true, "dec": true, "dec.": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true,
}

// tidy drops month and weekday names from the ends of entities, and in
// headlines the everyday words run into places and organisations ("FRANCE
// WINS"; people keep theirs: "GREEN"); it drops
// entities left empty and those holding web addresses.
func (f *Finder) tidy(s *sentence, ents []span) []span {
	out := ents[:0]
	for _, e := range ents {
		for e.from < e.to && dateWords[s.lower[e.from]] {
			e.from++
		}
		for e.to > e.from && (dateWords[s.lower[e.to-1]] ||
			(s.title || s.allUpper) && e.typ != typePER && e.to-e.from > 1 && f.m.isCommon(s.lower[e.to-1])) {
			e.to--
		}
		if e.from < e.to && !hasAddress(s, e) {
			out = append(out, e)
		}
	}
	return out
}

// hasAddress reports whether an entity holds a web or mail address.
func hasAddress(s *sentence, e span) bool {
	for k := e.from; k < e.to; k++ {
		if strings.ContainsAny(s.toks[k].text, "/@") || strings.Contains(s.lower[k], "www.") || strings.Contains(s.lower[k], ".com") {
			return true
		}
	}
	return false
}

// readsCapitals reports whether the tagger, which learned English, can
// read names by their capitals in a text of the language: it can in
// English and the languages written much like it in Latin letters, not in
// German, which capitalises every noun, nor in other scripts.
func readsCapitals(lang string) bool {
	switch lang {
	case "", "en", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "pl", "tr", "id":
		return true
	}
	return false
}

// addRoleNames adds the people the tagger missed right after a role:
// "publisher Will Lewis", a given name and a surname, capitalised.
func (f *Finder) addRoleNames(s *sentence, ents []span) []span {
	taken := make([]bool, len(s.toks))
	for _, e := range ents {
		for k := e.from; k < e.to; k++ {
			taken[k] = true
		}
	}
	var added []span
	for k := 0; k+2 < len(s.toks); k++ {
		if !roleWords[s.lower[k]] {
			continue
		}
		from := k + 1
		if taken[from] || !s.first[from] || !startsUpper(s.toks[from].text) {
			continue
		}
		to := from + 1
		for to < len(s.toks) && to-from < 3 && !taken[to] && startsUpper(s.toks[to].text) &&
			isWordy(s.toks[to].text) && !f.m.isCommon(s.lower[to]) {
			to++
		}
		if to-from >= 2 {
			added = append(added, span{from, to, typePER})
			k = to - 1
		}
	}
	if len(added) == 0 {
		return ents
	}
	ents = append(ents, added...)
	sortBy(ents, func(e span) int { return e.from })
	return ents
}

// extendFirstNames extends a person leftwards over a capitalised given name
// the tagger left out ("Will Lewis", where "Will" also reads as a verb).
func extendFirstNames(s *sentence, ents []span) []span {
	for i, e := range ents {
		k := e.from - 1
		if e.typ != typePER || k < 0 || !s.first[k] || !startsUpper(s.toks[k].text) {
			continue
		}
		if i > 0 && ents[i-1].to > k {
			continue // the token belongs to another entity
		}
		ents[i].from = k
	}
	return ents
}

// splitRoles splits entities that run a company, a role and a name together
// ("Apple CEO Tim Cook" → organisation "Apple", person "Tim Cook"), which the
// tagger does with roles its training text seldom writes so.
func splitRoles(s *sentence, ents []span) []span {
	var out []span
	for _, e := range ents {
		split := false
		for k := e.from; k < e.to-1 && !split; k++ {
			if !startsUpper(s.toks[k].text) {
				continue
			}
			end, _ := roleStartingAt(s.lower[k:e.to], 0)
			if end < 0 || k+end >= e.to || !startsUpper(s.toks[k+end].text) {
				continue
			}
			if k > e.from {
				typ := e.typ
				if typ == typePER {
					typ = typeORG
				}
				out = append(out, span{e.from, k, typ})
			}
			out = append(out, span{k + end, e.to, typePER})
			split = true
		}
		if !split {
			out = append(out, e)
		}
	}
	return out
}
