package secmaster

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
)

func TestDefaultLookup(t *testing.T) {
	m := Default()
	if m.Len() < 450 {
		t.Errorf("default master has %d companies, want at least 450", m.Len())
	}
	tests := []struct {
		query string
		want  []news.Listing // listings of the first match
	}{
		{"Nissan", listings("7201:XTKS", "NSANY:OTCM")},
		{"NSANY", listings("7201:XTKS", "NSANY:OTCM")},
		{"7201.XTKS", listings("7201:XTKS", "NSANY:OTCM")},
		{"HKG:0175", listings("175:XHKG", "GELYF:OTCM", "GELYY:OTCM")},
		{"Instagram", listings("META:XNAS")},
		{"Foxconn", listings("2317:XTAI", "HNHPF:OTCM")},
		{"601138", listings("601138:XSHG")},
		{"Telefonaktiebolaget LM Ericsson", listings("ERIC B:XSTO", "ERIC:XNAS")},
		{"SLW", listings("WPM:XTSE", "WPM:XNYS", "WPM:XLON")},
		{"Angel Broking", listings("ANGELONE:XNSE", "543235:XBOM")},
	}
	for _, tt := range tests {
		got := m.Lookup(tt.query)
		if len(got) == 0 {
			t.Errorf("Lookup(%q): nothing", tt.query)
			continue
		}
		if diff := cmp.Diff(tt.want, got[0].Listings); diff != "" {
			t.Errorf("Lookup(%q) listings (-want +got):\n%s", tt.query, diff)
		}
	}
}

func TestParseCuratedNames(t *testing.T) {
	tests := []struct {
		line string
		want Company
	}{
		{"Foo Inc.|US|T|FOO:XNAS|Foo;~Fooey|FooPhone", Company{Name: "Foo Inc.", Country: "US", Sector: "Technology",
			Listings: listings("FOO:XNAS"), Aliases: []string{"Foo", "Fooey"}, Brands: []string{"FooPhone"}, Ambiguous: []string{"Fooey"}}},
		{"Bar Exchange Inc.|US|F|BAR:XNYS|Bar Exchange|^Bar Stock Exchange@2013;~^BSX|OLD:XNYS BAR:XTSE", Company{Name: "Bar Exchange Inc.",
			Country: "US", Sector: "Financials", Listings: listings("BAR:XNYS"), Aliases: []string{"Bar Exchange"},
			Brands: []string{"Bar Stock Exchange", "BSX"}, Ambiguous: []string{"BSX"}, Venues: []string{"Bar Stock Exchange", "BSX"},
			BrandSince: map[string]int{"Bar Stock Exchange": 2013}, Former: listings("OLD:XNYS", "BAR:XTSE")}},
		{"Baz Corp.|US|T|BAZ:XNAS|Baz|~Bazooka@2016;BazCloud@2021", Company{Name: "Baz Corp.", Country: "US", Sector: "Technology",
			Listings: listings("BAZ:XNAS"), Aliases: []string{"Baz"}, Brands: []string{"Bazooka", "BazCloud"}, Ambiguous: []string{"Bazooka"},
			BrandSince: map[string]int{"Bazooka": 2016, "BazCloud": 2021}}},
		{"Gone AG|CH|F||Gone|Gone Securities|GONE:XSWX", Company{Name: "Gone AG", Country: "CH", Sector: "Financials",
			Aliases: []string{"Gone"}, Brands: []string{"Gone Securities"}, Former: listings("GONE:XSWX")}},
	}
	for _, tt := range tests {
		got, err := ParseCurated(tt.line)
		if err != nil || len(got) != 1 {
			t.Errorf("ParseCurated(%q) = %d companies, %v", tt.line, len(got), err)
			continue
		}
		tt.want.Weight, tt.want.Curated = WeightCurated, true
		if diff := cmp.Diff(tt.want, got[0]); diff != "" {
			t.Errorf("ParseCurated(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestParseCuratedErrors(t *testing.T) {
	for _, bad := range []string{
		"Foo|US|T|FOO:XNAS|Foo",         // 5 fields
		"Foo|US|T|FOO:NOPE|Foo|",        // unknown MIC
		"Foo|US|Q|FOO:XNAS|Foo|",        // unknown sector
		"Foo|US|T||Foo|",                // no listing
		"Foo|US|T|FOO|Foo|",             // listing without MIC
		"Foo|US|T|FOO:XNAS|Foo||OLD",    // former listing without MIC
		"Foo|US|T|FOO:XNAS|Foo|Bar@20x", // brand year not a year
		"Foo|US|T||Foo||",               // neither a listing nor a former one
	} {
		if _, err := ParseCurated(bad); err == nil {
			t.Errorf("ParseCurated(%q): no error", bad)
		}
	}
}

// listings builds listings from "SYMBOL:MIC" strings.
func listings(keys ...string) []news.Listing {
	out, err := parseListings(strings.Join(keys, " "))
	if err != nil {
		panic(err)
	}
	return out
}
