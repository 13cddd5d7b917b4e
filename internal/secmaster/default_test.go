package secmaster

import (
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
		{"Nissan", []news.Listing{{"7201", "XTKS"}, {"NSANY", "OTCM"}}},
		{"NSANY", []news.Listing{{"7201", "XTKS"}, {"NSANY", "OTCM"}}},
		{"7201.XTKS", []news.Listing{{"7201", "XTKS"}, {"NSANY", "OTCM"}}},
		{"HKG:0175", []news.Listing{{"175", "XHKG"}, {"GELYF", "OTCM"}, {"GELYY", "OTCM"}}},
		{"Instagram", []news.Listing{{"META", "XNAS"}}},
		{"Foxconn", []news.Listing{{"2317", "XTAI"}, {"HNHPF", "OTCM"}}},
		{"601138", []news.Listing{{"601138", "XSHG"}}},
		{"Telefonaktiebolaget LM Ericsson", []news.Listing{{"ERIC B", "XSTO"}, {"ERIC", "XNAS"}}},
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

func TestParseCuratedErrors(t *testing.T) {
	for _, bad := range []string{
		"Foo|US|T|FOO:XNAS|Foo",  // 5 fields
		"Foo|US|T|FOO:NOPE|Foo|", // unknown MIC
		"Foo|US|Q|FOO:XNAS|Foo|", // unknown sector
		"Foo|US|T||Foo|",         // no listing
		"Foo|US|T|FOO|Foo|",      // listing without MIC
	} {
		if _, err := ParseCurated(bad); err == nil {
			t.Errorf("ParseCurated(%q): no error", bad)
		}
	}
}
