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

func (f *Finder) analyse(d Input) *analysed {
	a := &analysed{body: d.Body, toks: tokenize(d.Body), step: f, tagNames: readsCapitals(d.Language)}
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
		sent := newSentence(f.g, a.toks[r[0]:r[1]])
		copy(a.lower[r[0]:], sent.lower)
		for i := r[0]; i < r[1]; i++ {
			a.sentOf[i] = len(a.sents)
			a.title[i] = sent.title || sent.allUpper
		}
		a.sents = append(a.sents, r)
		if a.tagNames {
			for _, sp := range f.names(sent) {
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
	a.surnames()
	return a
}

// surnames makes every later lone mention of a person's surname a mention
// of that person, whatever the tagger made of it ("Espinosa said").
func (a *analysed) surnames() {
	last := map[string]bool{}
	for _, e := range a.ents {
		if e.typ == typePER && e.to-e.from > 1 {
			last[a.toks[e.to-1].text] = true
		}
	}
	if len(last) == 0 {
		return
	}
	taken := make([]bool, len(a.toks))
	for i, e := range a.ents {
		for k := e.from; k < e.to; k++ {
			taken[k] = true
		}
		if e.to-e.from == 1 && e.typ != typePER && last[a.toks[e.from].text] && !a.isOrg(e.from, e.to) {
			a.ents[i].typ = typePER
		}
	}
	var added []span
	for k, t := range a.toks {
		if !taken[k] && last[t.text] && startsUpper(t.text) && !a.isOrg(k, k+1) {
			added = append(added, span{k, k + 1, typePER})
		}
	}
	if len(added) > 0 {
		a.ents = append(a.ents, added...)
		sortBy(a.ents, func(e span) int { return e.from })
	}
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
