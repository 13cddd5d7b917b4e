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

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
)

// Step is the annotate step for people and places. It is safe for
// concurrent use.
type Step struct {
	g *gazetteer
	m *model
}

var loadOnce = sync.OnceValues(func() (*Step, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	return &Step{g: g, m: m}, nil
})

// New returns the step with its embedded model and gazetteer (loaded once
// per process and shared).
func New() (*Step, error) { return loadOnce() }

// MustNew is New for program set-up; the embedded tables are checked by the
// package's tests, so it fails only on a broken build.
func MustNew() *Step {
	s, err := New()
	if err != nil {
		panic("entities: " + err.Error())
	}
	return s
}

// Name names the step.
func (*Step) Name() string { return "entities" }

// Annotate adds the people and places of d to d.Ann.
func (s *Step) Annotate(d *annotate.Document) {
	doc := s.analyse(d)
	d.Ann.People = append(d.Ann.People, doc.people()...)
	d.Ann.Places = append(d.Ann.Places, doc.places()...)
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
	step     *Step
}

func (s *Step) analyse(d *annotate.Document) *analysed {
	a := &analysed{body: d.Body, toks: tokenize(d.Body), step: s, tagNames: readsCapitals(d.Ann.Language)}
	a.lower = make([]string, len(a.toks))
	a.sentOf = make([]int, len(a.toks))
	a.title = make([]bool, len(a.toks))
	for _, c := range d.Ann.Companies {
		for _, m := range c.Mentions {
			a.orgs = append(a.orgs, orgMention{m.Start, m.End, c.Name})
		}
	}
	for _, o := range d.Ann.Organizations {
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
			for _, sp := range trimDates(sent, splitRoles(sent, spans(s.m.tag(sent)))) {
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

// trimDates drops month and weekday names from the ends of entities, and
// entities made only of them.
func trimDates(s *sentence, ents []span) []span {
	out := ents[:0]
	for _, e := range ents {
		for e.from < e.to && dateWords[s.lower[e.from]] {
			e.from++
		}
		for e.to > e.from && dateWords[s.lower[e.to-1]] {
			e.to--
		}
		if e.from < e.to {
			out = append(out, e)
		}
	}
	return out
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

// isOrg reports whether tokens [from, to) overlap a company or organisation mention.
func (a *analysed) isOrg(from, to int) bool {
	return a.orgs.overlaps(a.toks[from].start, a.toks[to-1].end)
}
