package secmaster

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
)

func importFixtures(t *testing.T) (*Master, *Report) {
	t.Helper()
	m, rep, err := ImportDir(filepath.Join("testdata", "reference"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m, rep
}

func TestImportDirFormats(t *testing.T) {
	_, rep := importFixtures(t)
	type counts struct {
		Format               string
		Rows, Companies, Bad int
	}
	got := map[string]counts{}
	for _, f := range rep.Files {
		got[filepath.Base(f.Path)] = counts{f.Format, f.Rows, f.Companies, f.Bad}
		if f.Bad > 0 && f.BadExample == "" {
			t.Errorf("%s: %d bad rows but no example", f.Path, f.Bad)
		}
	}
	want := map[string]counts{
		"sec-tickers-exchange-fixture.json": {"sec-company-tickers-exchange", 7, 0, 1},
		"sec-tickers-fixture.json":          {"sec-company-tickers", 2, 0, 0},
		"nasdaq-listed-symbols.csv":         {"nasdaq-listed", 5, 1, 1},       // the QQQ fund
		"other-listed.csv":                  {"nasdaq-other-listed", 4, 2, 1}, // ABR and the SPY fund; Ford came from nyse-listed.csv
		"nyse-listed.csv":                   {"nyse-listed", 1, 1, 0},
		"nasdaq-listed.csv":                 {"nasdaq-listed-short", 1, 0, 0},
		"nasdaq_full_tickers.json":          {"nasdaq-screener", 3, 2, 1},
		"JPX.csv":                           {"financedatabase-equities", 4, 2, 1},
		"HKG.csv":                           {"financedatabase-equities", 2, 1, 0}, // and a delisted line of Geely
		"BER.csv":                           {"financedatabase-equities", 2, 0, 0},
		"data_j.csv":                        {"jpx-listed", 3, 1, 0},
		"twse_equities.csv":                 {"twstock", 3, 1, 1},
		"mic-fixture.csv":                   {"iso10383-mic-csv", 2, 0, 1},
		"mic-10383-fixture.xml":             {"iso10383-mic-xml", 2, 0, 0},
		"ticker_alias_table.csv":            {"wikidata-ticker-aliases", 2, 0, 0},
		"ticker_sector.csv":                 {"ticker-sector", 1, 0, 0},
		"country-codes.csv":                 {"iso3166-countries", 3, 0, 0},
		"SOURCE.txt":                        {"", 0, 0, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("per-file counts (-want +got):\n%s", diff)
	}
}

func TestImportDirMerges(t *testing.T) {
	m, _ := importFixtures(t)
	tests := []struct {
		query    string
		name     string
		country  string
		listings []string
	}{
		// home listing first, the NYSE ADR and the OTC line linked by name, the Berlin line by ISIN last
		{"7203.XTKS", "Toyota Motor Corporation", "JP", []string{"7203:XTKS", "TM:XNYS", "TOYOF:OTCM", "TOM:XBER"}},
		// the OTC symbol of a foreign issuer finds its home listing; 0175 is 175 on HKEX
		{"GELYF", "Geely Automobile Holdings Limited", "CN", []string{"175:XHKG", "GELYF:OTCM"}},
		{"AAPL", "Apple Inc.", "US", []string{"AAPL:XNAS"}},
		{"2330.XTAI", "台積電", "TW", []string{"2330:XTAI"}},
		{"7211", "三菱自動車工業", "JP", []string{"7211:XTKS"}},
	}
	for _, tt := range tests {
		got := m.Lookup(tt.query)
		if len(got) == 0 {
			t.Errorf("Lookup(%q): nothing", tt.query)
			continue
		}
		c := got[0]
		var ls []string
		for _, l := range c.Listings {
			ls = append(ls, l.Symbol+":"+l.MIC)
		}
		if c.Name != tt.name || c.Country != tt.country || !cmp.Equal(ls, tt.listings) {
			t.Errorf("Lookup(%q) = %q %s %v, want %q %s %v", tt.query, c.Name, c.Country, ls, tt.name, tt.country, tt.listings)
		}
	}
	if got := m.Lookup("XYZ.XBER"); len(got) != 0 {
		t.Errorf("a foreign line only traded on a secondary venue made a company: %v", got[0].Name)
	}
	if got := m.Lookup("ZZZT"); len(got) != 0 {
		t.Error("a test issue was imported")
	}
	if got := m.Lookup("EVAC-WT"); len(got) != 0 {
		t.Error("a warrant was imported")
	}
	sg := m.Lookup("SGMO")
	if len(sg) == 0 || !containsFold(sg[0].Aliases, "sangamo therapeutics") || containsFold(sg[0].Aliases, "unrelated name") {
		t.Errorf("Wikidata aliases: want those sharing a word with the name, got %v", sg)
	}
	if g := m.Lookup("GELYF"); len(g) == 0 || !cmp.Equal(g[0].Former, []news.Listing{{Symbol: "489", MIC: "XHKG"}}) {
		t.Errorf("a delisted line should join its company as a former listing: %+v", g)
	}
	if g := m.Lookup("489"); len(g) == 0 || g[0].Name != "Geely Automobile Holdings Limited" {
		t.Errorf("Lookup of a former symbol: %+v", g)
	}
	if sg := m.Lookup("SGMO"); len(sg) == 0 || sg[0].Listed != 2000 {
		t.Errorf("IPO year of the screener not kept: %v", sg)
	}
	if abr := m.Lookup("ABR"); len(abr) == 0 || abr[0].Sector != "Real Estate" {
		t.Errorf("ticker sector not applied: %v", abr)
	}
	if !m.IsPlace("Hangzhou") || !m.IsPlace("Japan") {
		t.Error("places from the vendor files are not known")
	}
}

func TestImportFunds(t *testing.T) {
	m, _ := importFixtures(t)
	for _, sym := range []string{"QQQ", "SPY"} {
		got := m.Lookup(sym)
		if len(got) != 1 || !got[0].Fund || got[0].Industry != "Exchange Traded Fund" {
			t.Errorf("Lookup(%q) = %+v, want one exchange-traded fund", sym, got)
		}
	}
	// an ETN line of a bank's own listing joins the bank without making it a fund
	b := newBuilder([]Company{{Name: "Big Bank PLC", Country: "GB", Listings: []news.Listing{{Symbol: "VXX", MIC: "BATS"}}, Weight: WeightLarge}})
	b.add(fundRecord("iPath Series B S&P 500 VIX Short-Term Futures ETN", news.Listing{Symbol: "VXX", MIC: "BATS"}))
	b.add(fundRecord("Big Bank PLC", news.Listing{Symbol: "BBF", MIC: "ARCX"}))
	want := []Company{
		{Name: "Big Bank PLC", Country: "GB", Listings: []news.Listing{{Symbol: "VXX", MIC: "BATS"}}, Weight: WeightLarge},
		{Name: "Big Bank PLC", Country: "US", Sector: "Financials", Industry: "Exchange Traded Fund", Fund: true,
			Listings: []news.Listing{{Symbol: "BBF", MIC: "ARCX"}}, Weight: WeightFund},
	}
	if diff := cmp.Diff(want, b.companies); diff != "" {
		t.Errorf("funds merged (-want +got):\n%s", diff)
	}
}

func TestImportOverCurated(t *testing.T) {
	m, _, err := ImportDir(filepath.Join("testdata", "reference"), Curated())
	if err != nil {
		t.Fatal(err)
	}
	c := m.Lookup("TOYOF")
	if len(c) == 0 || c[0].Name != "Toyota Motor Corporation" || !c[0].Curated || c[0].ISIN != "JP3633400001" {
		t.Fatalf("TOYOF should join the curated Toyota and fill its ISIN, got %+v", c)
	}
	if a := m.Lookup("AAPL"); len(a) == 0 || !a[0].Curated || a[0].Listed != 0 {
		t.Errorf("a curated company took an IPO year: %+v", a)
	}
	if c[0].Listings[0].Key() != "7203.XTKS" {
		t.Errorf("curated primary listing changed: %v", c[0].Listings)
	}
}

func TestEncodeDecode(t *testing.T) {
	m, _ := importFixtures(t)
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Companies(), back.Companies()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if back.IsPlace("Hangzhou") != m.IsPlace("Hangzhou") || back.IsCommon("october") != m.IsCommon("october") {
		t.Error("word sets lost in the round trip")
	}
	if _, err := Decode([]byte("not a master")); err == nil || !strings.Contains(err.Error(), "security master") {
		t.Errorf("Decode(garbage) error = %v", err)
	}
}
