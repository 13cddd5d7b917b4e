package entities

import (
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// places returns the places the document names, in order of first mention:
// the tagger's locations, gazetteer places the tagger left untagged, and
// countries referred to by demonyms.
func (a *analysed) places() []news.Place {
	var out []news.Place
	index := map[string]int{}
	add := func(p place, m news.Mention, demonym bool) {
		key := p.name + "\x00" + p.country
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, news.Place{Name: p.name, Country: p.country, Mentions: []news.Mention{}})
		}
		if demonym {
			out[i].Demonyms = append(out[i].Demonyms, m)
		} else {
			out[i].Mentions = append(out[i].Mentions, m)
		}
	}
	tagged := make([]string, len(a.toks)) // tagger type per token
	for _, e := range a.ents {
		for k := e.from; k < e.to; k++ {
			tagged[k] = e.typ
		}
	}
	type found struct {
		from, to int
		p        place
		demonym  bool
	}
	var all []found
	for _, e := range a.ents {
		if e.typ != typeLOC || a.isOrg(e.from, e.to) {
			continue
		}
		p, ok := a.step.g.lookup(a.lower[e.from:e.to])
		if !ok && a.everyday(e.from, e.to) {
			continue
		}
		if !ok {
			p = place{name: strings.Join(strings.Fields(a.text(e.from, e.to)), " ")}
		}
		all = append(all, found{e.from, e.to, p, p.kind == kindDemonym})
	}
	for _, g := range a.gaz {
		if a.isOrg(g.from, g.to) {
			continue
		}
		free := true
		for k := g.from; k < g.to; k++ {
			switch tagged[k] {
			case "":
			case typeMISC:
				free = free && g.place.kind == kindDemonym
			default:
				free = false
			}
		}
		if free {
			all = append(all, found{g.from, g.to, g.place, g.place.kind == kindDemonym})
		}
	}
	sortBy(all, func(f found) int { return f.from })
	// A place the gazetteer does not know takes the country of the place
	// written after it: "Redmond, Washington", "Lugano, Switzerland".
	learned := map[string]string{}
	for i := range all {
		f := &all[i]
		if f.p.country != "" || f.p.kind != "" || i+1 == len(all) {
			continue
		}
		next := all[i+1]
		if next.from == f.to+1 && a.toks[f.to].text == "," && next.p.country != "" &&
			(next.p.kind == kindCountry || next.p.kind == kindPlace) {
			f.p.country = next.p.country
			learned[f.p.name] = f.p.country
		}
	}
	for i := range all {
		if all[i].p.country == "" && all[i].p.kind == "" {
			all[i].p.country = learned[all[i].p.name]
		}
	}
	for _, f := range all {
		add(f.p, a.mention(f.from, f.to), f.demonym)
	}
	return out
}
