package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// org is a company found by an earlier step: its name and the texts that name it.
type org struct {
	name  string
	texts []string
}

// newDoc builds an input whose companies are already tagged, as the
// company step would leave them.
func newDoc(text string, companies ...org) *Input {
	d := &Input{Body: text}
	for _, o := range companies {
		c := news.Company{Name: o.name}
		for _, t := range o.texts {
			for i := 0; ; {
				k := strings.Index(d.Body[i:], t)
				if k < 0 {
					break
				}
				s := i + k
				c.Mentions = append(c.Mentions, news.Mention{Start: s, End: s + len(t), Text: t})
				i = s + len(t)
			}
		}
		d.Companies = append(d.Companies, c)
	}
	return d
}

type personSummary struct {
	Name, Role, Company string
	Mentions            []string
}

type placeSummary struct {
	Name, Country      string
	Mentions, Demonyms []string
}

func texts(ms []news.Mention, body string) []string {
	var out []string
	for _, m := range ms {
		if body[m.Start:m.End] != m.Text {
			out = append(out, "BAD OFFSETS "+m.Text)
			continue
		}
		out = append(out, m.Text)
	}
	return out
}

// summarise keeps what the tests compare of the people and places found in d.
func summarise(d *Input, people []news.Person, places []news.Place) ([]personSummary, []placeSummary) {
	var ps []personSummary
	for _, p := range people {
		ps = append(ps, personSummary{p.Name, p.Role, p.Company, texts(p.Mentions, d.Body)})
	}
	var ls []placeSummary
	for _, p := range places {
		ls = append(ls, placeSummary{p.Name, p.Country, texts(p.Mentions, d.Body), texts(p.Demonyms, d.Body)})
	}
	return ps, ls
}

func TestStep(t *testing.T) {
	apple := org{"Apple Inc.", []string{"Apple"}}
	nissan := org{"Nissan Motor Co., Ltd.", []string{"Nissan Motor Co.", "Nissan"}}
	tests := []struct {
		name      string
		text      string
		language  string
		companies []org
		people    []personSummary
		places    []placeSummary
	}{
		{
			name:      "company before role",
			text:      "Apple CEO Tim Cook said on Tuesday that sales rose.",
			companies: []org{apple},
			people:    []personSummary{{"Tim Cook", "CEO", "Apple Inc.", []string{"Tim Cook"}}},
		},
		{
			name:      "role after name",
			text:      "Tim Cook, chief executive of Apple, spoke to reporters in Cupertino.",
			companies: []org{apple},
			people:    []personSummary{{"Tim Cook", "CEO", "Apple Inc.", []string{"Tim Cook"}}},
			places:    []placeSummary{{"Cupertino", "US", []string{"Cupertino"}, nil}},
		},
		{
			name:   "role run into the names, no company step",
			text:   "Microsoft Chief Financial Officer Amy Hood said revenue rose.",
			people: []personSummary{{"Amy Hood", "CFO", "Microsoft", []string{"Amy Hood"}}},
		},
		{
			name:      "a given name the tagger reads as a word",
			text:      "Washington Post Publisher Will Lewis Steps Down After Layoffs",
			companies: []org{{"The Washington Post", []string{"Washington Post"}}},
			people:    []personSummary{{"Will Lewis", "publisher", "The Washington Post", []string{"Will Lewis"}}},
		},
		{
			name:      "the company's role",
			text:      "Shares of Tesla fell after Elon Musk, the company's chief executive, sold stock.",
			companies: []org{{"Tesla, Inc.", []string{"Tesla"}}},
			people:    []personSummary{{"Elon Musk", "CEO", "Tesla, Inc.", []string{"Elon Musk"}}},
		},
		{
			name:      "an analyst's company is not the one discussed",
			text:      "Apple will cut prices, analyst Ming-Chi Kuo said.",
			companies: []org{apple},
			people:    []personSummary{{"Ming-Chi Kuo", "analyst", "", []string{"Ming-Chi Kuo"}}},
		},
		{
			name:      "company named nearby, surname later",
			text:      "Nissan has been undergoing a major overhaul under CEO Ivan Espinosa, who announced plans to shut plants. Espinosa said more was needed. Analysts expect Espinosa to act.",
			companies: []org{nissan},
			people:    []personSummary{{"Ivan Espinosa", "CEO", "Nissan Motor Co., Ltd.", []string{"Ivan Espinosa", "Espinosa", "Espinosa"}}},
		},
		{
			name:      "countries, cities and demonyms",
			text:      "Japan’s Nissan Motor Co. is in talks with Taiwan’s Foxconn about its plant in Yokosuka, just south of Tokyo, signalling ties between Japanese automakers and the Taiwanese firm.",
			companies: []org{nissan, {"Foxconn", []string{"Foxconn"}}},
			places: []placeSummary{
				{"Japan", "JP", []string{"Japan"}, []string{"Japanese"}},
				{"Taiwan", "TW", []string{"Taiwan"}, []string{"Taiwanese"}},
				{"Yokosuka", "JP", []string{"Yokosuka"}, nil},
				{"Tokyo", "JP", []string{"Tokyo"}, nil},
			},
		},
		{
			name: "country aliases get the usual name",
			text: "Exports from the U.S. to Britain rose, the ministry in Seoul said.",
			places: []placeSummary{
				{"United States", "US", []string{"U.S."}, nil},
				{"United Kingdom", "GB", []string{"Britain"}, nil},
				{"Seoul", "KR", []string{"Seoul"}, nil},
			},
		},
		{
			name:     "German capitals are no names; gazetteer places stay",
			text:     "Die Bundesregierung in Berlin will die Steuern senken, sagte Finanzminister Klaus Meier.",
			language: "de",
			places:   []placeSummary{{"Berlin", "DE", []string{"Berlin"}, nil}},
		},
		{
			name: "a place takes the country written after it",
			text: "The plant in Sunderland, England, and the one in Smyrna, Tennessee, will close.",
			places: []placeSummary{
				{"Sunderland", "GB", []string{"Sunderland"}, nil},
				{"United Kingdom", "GB", []string{"England"}, nil},
				{"Smyrna", "US", []string{"Smyrna"}, nil},
				{"Tennessee", "US", []string{"Tennessee"}, nil},
			},
		},
		{
			name:      "company names are neither people nor places",
			text:      "Rio Tinto and American Airlines shares rose in London, said Henry Ford.",
			companies: []org{{"Rio Tinto", []string{"Rio Tinto"}}, {"American Airlines Group Inc.", []string{"American Airlines"}}, {"Ford Motor Company", []string{"Ford"}}},
			people:    []personSummary{{"Henry Ford", "", "", []string{"Henry Ford"}}},
			places:    []placeSummary{{"London", "GB", []string{"London"}, nil}},
		},
	}
	f := MustNew()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(tt.text, tt.companies...)
			d.Language = tt.language
			foundPeople, foundPlaces := f.Find(*d)
			people, places := summarise(d, foundPeople, foundPlaces)
			if diff := cmp.Diff(tt.people, people); diff != "" {
				t.Errorf("people (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.places, places); diff != "" {
				t.Errorf("places (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSeed checks the people and places that seed/expected.md asks of the
// seed article (with its companies tagged as the company step tags them).
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(testutil.SharedFile(t, "seed/nissan-foxconn.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(string(b),
		org{"Nissan Motor Co., Ltd.", []string{"Nissan Motor Co.", "Nissan"}},
		org{"Foxconn", []string{"Foxconn"}},
		org{"Mitsubishi Motors Corporation", []string{"Mitsubishi Motors"}},
		org{"Apple Inc.", []string{"Apple"}})
	foundPeople, foundPlaces := MustNew().Find(*d)
	people, places := summarise(d, foundPeople, foundPlaces)
	foundPerson := false
	for _, p := range people {
		if p.Name == "Ivan Espinosa" && p.Role == "CEO" && p.Company == "Nissan Motor Co., Ltd." {
			foundPerson = true
		}
	}
	if !foundPerson {
		t.Errorf("Ivan Espinosa, CEO of Nissan, not found in %+v", people)
	}
	got := map[string]string{}
	for _, p := range places {
		got[p.Name] = p.Country
	}
	for name, cc := range map[string]string{"Oppama": "JP", "Yokosuka": "JP", "Tokyo": "JP", "Japan": "JP", "Taiwan": "TW"} {
		if got[name] != cc {
			t.Errorf("place %s: country %q, want %q (places %+v)", name, got[name], cc, places)
		}
	}
}
