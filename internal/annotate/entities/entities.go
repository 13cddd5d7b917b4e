// Package entities finds the people and places an article names.
//
// A greedy averaged-perceptron tagger trained on CoNLL-2003 (model.bin.gz,
// retrained by `go generate`) finds person, location, organisation and
// miscellaneous names; a hand-written gazetteer (places.tsv, firstnames.txt,
// and countries.tsv generated from ISO 3166) gives places their country,
// adds gazetteer places the tagger missed, and reads demonyms ("Taiwanese")
// as references to their country. Roles and companies of people come from
// phrases around the name ("Apple CEO Tim Cook", "Tim Cook, chief executive
// of Apple", "under CEO Ivan Espinosa" with the company named nearby).
// Names inside the company and organisation mentions found by earlier steps
// are never people or places.
package entities

import (
	"strings"
	"sync"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Finder finds people and places. It is safe for concurrent use.
type Finder struct {
	g *gazetteer
	m *model
}

var loadOnce = sync.OnceValues(func() (*Finder, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	return &Finder{g: g, m: m}, nil
})

// New returns the finder with its embedded model and gazetteer (loaded once
// per process and shared).
func New() (*Finder, error) { return loadOnce() }

// MustNew is New for program set-up; the embedded tables are checked by the
// package's tests, so it fails only on a broken build.
func MustNew() *Finder {
	f, err := New()
	if err != nil {
		panic("entities: " + err.Error())
	}
	return f
}

// Input is what Find reads: the text (offsets point into it), its language
// (ISO 639-1, "" when unknown) and the companies and organisations found in
// it already, whose names are never people or places.
type Input struct {
	Body          string
	Language      string
	Companies     []news.Company
	Organizations []news.Organization
}

// Find returns the people and places named in in.Body, in order of first
// mention, with byte offsets into in.Body.
func (f *Finder) Find(in Input) ([]news.Person, []news.Place) {
	doc := f.analyse(in)
	return doc.people(), doc.places()
}

// analysed is one document after tagging.
type analysed struct {
	body   string
	toks   []token
	lower  []string
	sents  [][2]int // token ranges of sentences
	sentOf []int    // sentence index of each token
	ents   []span   // tagger entities, token ranges into toks
	title  []bool   // per token: in a Title Case headline
	gaz    []placeMatch
	orgs   orgIndex // company and organisation mentions of earlier steps
	// tagNames is false for a text whose capitals mean no names (as the
	// language step found): then only gazetteer place names are read.
	tagNames bool
	step     *Finder
}

func (s *Finder) analyse(d Input) *analysed {
	a := &analysed{body: d.Body, toks: tokenize(d.Body), step: s, tagNames: readsCapitals(d.Language)}
	a.lower = make([]string, len(a.toks))
	a.sentOf = make([]int, len(a.toks))
	a.title = make([]bool, len(a.toks))
	for _, c := range d.Companies {
		for _, m := range c.Mentions {
			a.orgs = append(a.orgs, orgMention{m.Start, m.End, c.Name})
		}
	}
	for _, o := range d.Organizations {
		for _, m := range o.Mentions {
			a.orgs = append(a.orgs, orgMention{m.Start, m.End, o.Name})
		}
	}
	a.orgs.sort()
	for _, r := range sentenceRanges(d.Body, a.toks) {
		sent := newSentence(s.g, a.toks[r[0]:r[1]])
		copy(a.lower[r[0]:], sent.lower)
		for i := r[0]; i < r[1]; i++ {
			a.sentOf[i] = len(a.sents)
			a.title[i] = sent.title || sent.allUpper
		}
		a.sents = append(a.sents, r)
		if a.tagNames {
			for _, sp := range s.tidy(sent, s.addRoleNames(sent, extendFirstNames(sent, splitRoles(sent, spans(s.m.tag(sent)))))) {
				a.ents = append(a.ents, span{sp.from + r[0], sp.to + r[0], sp.typ})
			}
		}
		for _, pm := range sent.matches {
			if !a.tagNames && pm.place.kind == kindDemonym {
				continue
			}
			a.gaz = append(a.gaz, placeMatch{pm.from + r[0], pm.to + r[0], pm.place})
		}
	}
	return a
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

// sentenceRanges splits tokens into sentences: at line breaks and after
// sentence-final punctuation.
func sentenceRanges(body string, toks []token) [][2]int {
	var out [][2]int
	start := 0
	for i := range toks {
		if i > start && strings.Contains(body[toks[i-1].end:toks[i].start], "\n") {
			out = append(out, [2]int{start, i})
			start = i
		}
		switch toks[i].text {
		case ".", "!", "?":
			next := i + 1
			if next < len(toks) && (toks[next].text == `"` || toks[next].text == "'") {
				next++
			}
			if next >= len(toks) || startsUpper(toks[next].text) || !isWordy(toks[next].text) {
				out = append(out, [2]int{start, next})
				start = next
			}
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

func isWordy(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 {
			return true
		}
	}
	return false
}

// text returns the body text of tokens [from, to).
func (a *analysed) text(from, to int) string {
	return a.body[a.toks[from].start:a.toks[to-1].end]
}

func (a *analysed) mention(from, to int) news.Mention {
	return news.Mention{Start: a.toks[from].start, End: a.toks[to-1].end, Text: a.text(from, to)}
}

// everyday reports whether tokens [from, to) stand in a headline
// and are all everyday words, so their capitals say nothing.
func (a *analysed) everyday(from, to int) bool {
	if !a.title[from] {
		return false
	}
	for k := from; k < to; k++ {
		if !a.step.m.isCommon(a.lower[k]) {
			return false
		}
	}
	return true
}

// isOrg reports whether tokens [from, to) are (part of) a company or
// organisation mention.
func (a *analysed) isOrg(from, to int) bool {
	return a.orgs.covers(a.toks[from].start, a.toks[to-1].end)
}
