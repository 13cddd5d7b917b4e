package entities

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Place kinds in the gazetteer.
const (
	kindCountry = "country"
	kindPlace   = "place"   // city, state, province, district
	kindRegion  = "region"  // an area across or beyond countries (Europe, Middle East)
	kindDemonym = "demonym" // an adjective or people name (Taiwanese, Germans)
)

//go:embed countries.tsv
var countriesTSV string

//go:embed places.tsv
var placesTSV string

//go:embed firstnames.txt
var firstNamesTXT string

// place is one gazetteer entry.
type place struct {
	name    string // the place's usual name ("United States" for "U.S.", "Taiwan" for "Taiwanese")
	country string // ISO 3166 alpha-2, "" for regions
	kind    string
}

// gazetteer finds places and given names in token sequences.
type gazetteer struct {
	places     map[string]place // key: the name's tokens, lower-cased, joined by one space
	prefixes   map[string]bool  // keys of the first tokens of longer names ("new", "new york")
	firstNames map[string]bool  // lower-cased
}

// loadGazetteer builds the gazetteer from the embedded tables; the
// hand-written places.tsv comes first, so its names and readings win.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{places: map[string]place{}, prefixes: map[string]bool{}, firstNames: map[string]bool{}}
	countryName := map[string]string{}
	type row struct{ name, cc, kind string }
	var rows []row
	for _, table := range []struct{ name, text string }{{"places.tsv", placesTSV}, {"countries.tsv", countriesTSV}} {
		for n, line := range strings.Split(table.text, "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				return nil, fmt.Errorf("%s:%d: want 3 tab-separated fields, got %d", table.name, n+1, len(f))
			}
			cc := f[1]
			if cc == "-" {
				cc = ""
			}
			if f[2] == kindCountry && countryName[cc] == "" {
				countryName[cc] = f[0]
			}
			rows = append(rows, row{f[0], cc, f[2]})
		}
	}
	for _, r := range rows {
		p := place{name: r.name, country: r.cc, kind: r.kind}
		if r.kind == kindCountry || r.kind == kindDemonym {
			if cn := countryName[r.cc]; cn != "" {
				p.name = cn
			}
		}
		toks := tokenize(r.name)
		key := lowerKey(toks)
		if _, dup := g.places[key]; dup {
			continue
		}
		g.places[key] = p
		for n := 1; n < len(toks); n++ {
			g.prefixes[lowerKey(toks[:n])] = true
		}
	}
	for _, line := range strings.Split(firstNamesTXT, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, name := range strings.Fields(line) {
			g.firstNames[strings.ToLower(name)] = true
		}
	}
	return g, nil
}

func lowerKey(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.ToLower(t.text)
	}
	return strings.Join(parts, " ")
}

// placeMatch is a gazetteer place found at tokens [from, to).
type placeMatch struct {
	from, to int
	place    place
}

// match finds the longest gazetteer place starting at each capitalised token,
// left to right without overlaps. lower holds the lower-cased token texts.
func (g *gazetteer) match(toks []token, lower []string) []placeMatch {
	var out []placeMatch
	var buf []byte
	for i := 0; i < len(toks); i++ {
		if !startsUpper(toks[i].text) {
			continue
		}
		best := -1
		var bestPlace place
		buf = buf[:0]
		for j := i; j < len(toks); j++ {
			if j > i {
				buf = append(buf, ' ')
			}
			buf = append(buf, lower[j]...)
			if p, ok := g.places[string(buf)]; ok {
				best, bestPlace = j, p
			}
			if !g.prefixes[string(buf)] {
				break
			}
		}
		if best >= 0 {
			out = append(out, placeMatch{i, best + 1, bestPlace})
			i = best
		}
	}
	return out
}

// lookup returns the gazetteer place named exactly by the tokens, if any.
func (g *gazetteer) lookup(lower []string) (place, bool) {
	p, ok := g.places[strings.Join(lower, " ")]
	return p, ok
}

// startsUpper reports whether w begins with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
