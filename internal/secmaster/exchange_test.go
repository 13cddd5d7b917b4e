package secmaster

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseTag(t *testing.T) {
	tests := []struct {
		tag, mic, sym string
	}{
		{"OTC:NSANY", "OTCM", "NSANY"},
		{"NASDAQ: AAPL", "XNAS", "AAPL"},
		{"NYSE:F", "XNYS", "F"},
		{"SS:601138", "XSHG", "601138"},
		{"TYO:7201", "XTKS", "7201"},
		{"HKG:0175", "XHKG", "175"},
		{"TPE:2330", "XTAI", "2330"},
		{"LON:RIO", "XLON", "RIO"},
		{"ASX:BHP", "XASX", "BHP"},
		{"NSE:RELIANCE", "XNSE", "RELIANCE"},
		{"TSE:7203", "XTKS", "7203"},
		{"TSE:RY", "XTSE", "RY"},
		{"NYSE:BRK-B", "XNYS", "BRK.B"},
		{"Nasdaq:MSFT", "XNAS", "MSFT"},
		{"KRX:005930", "XKRX", "005930"},
		{"ETR:SAP", "XETR", "SAP"},
	}
	for _, tt := range tests {
		mic, sym, ok := ParseTag(tt.tag)
		if !ok || mic != tt.mic || sym != tt.sym {
			t.Errorf("ParseTag(%q) = %q %q %v, want %q %q", tt.tag, mic, sym, ok, tt.mic, tt.sym)
		}
	}
	for _, bad := range []string{"NOTE:THIS", "OTC:", ":AAPL", "plain text"} {
		if _, _, ok := ParseTag(bad); ok {
			t.Errorf("ParseTag(%q) accepted", bad)
		}
	}
}

func TestSplitYahooSymbol(t *testing.T) {
	tests := []struct{ in, fallback, sym, mic string }{
		{"7201.T", "XJPX", "7201", "XTKS"},
		{"601138.SS", "", "601138", "XSHG"},
		{"0175.HK", "", "175", "XHKG"},
		{"RELIANCE.NS", "", "RELIANCE", "XNSE"},
		{"RIO.L", "", "RIO", "XLON"},
		{"ERIC-B.ST", "", "ERIC B", "XSTO"},
		{"ABX", "XASE", "ABX", "XASE"},
	}
	for _, tt := range tests {
		sym, mic := SplitYahooSymbol(tt.in, tt.fallback)
		if sym != tt.sym || mic != tt.mic {
			t.Errorf("SplitYahooSymbol(%q) = %q %q, want %q %q", tt.in, sym, mic, tt.sym, tt.mic)
		}
	}
}

func TestWordsAndCore(t *testing.T) {
	tests := []struct {
		in          string
		words, core []string
	}{
		{"Nissan Motor Co., Ltd.", []string{"nissan", "motor", "co", "ltd"}, []string{"nissan", "motor"}},
		{"Japan’s Nissan", []string{"japan", "nissan"}, []string{"japan", "nissan"}},
		{"Starbucks’ policies", []string{"starbucks", "policies"}, []string{"starbucks", "policies"}},
		{"the Nissan-Renault alliance", []string{"the", "nissan", "renault", "alliance"}, []string{"nissan", "renault", "alliance"}},
		{"AT&T Inc.", []string{"at&t", "inc"}, []string{"at&t"}},
		{"Hims & Hers Health, Inc.", []string{"hims", "&", "hers", "health", "inc"}, []string{"hims", "&", "hers", "health"}},
		{"Marks and Spencer Group plc", []string{"marks", "&", "spencer", "group", "plc"}, []string{"marks", "&", "spencer"}},
		{"Société Générale S.A.", []string{"societe", "generale", "s.a"}, []string{"societe", "generale"}},
		{"Amazon.com, Inc.", []string{"amazon.com", "inc"}, []string{"amazon.com"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !cmp.Equal(got, tt.words) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.words)
		}
		if got := CoreWords(tt.in); !cmp.Equal(got, tt.core) {
			t.Errorf("CoreWords(%q) = %q, want %q", tt.in, got, tt.core)
		}
	}
}

func TestCleanSecurityName(t *testing.T) {
	for in, want := range map[string]string{
		"Apple Inc. - Common Stock":                        "Apple Inc.",
		"Alcoa Corporation Common Stock ":                  "Alcoa Corporation",
		"Artius II Acquisition Inc. - Class A Ordinary Sh": "Artius II Acquisition Inc.",
		"Baidu, Inc. American Depositary Shares":           "Baidu, Inc.",
	} {
		if got := CleanSecurityName(in); got != want {
			t.Errorf("CleanSecurityName(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseTag checks the tag parser on any input: no panic, and an accepted
// tag resolves to a known MIC and a non-empty upper-case symbol.
func FuzzParseTag(f *testing.F) {
	for _, s := range []string{"OTC:NSANY", "HKG:0175", "NASDAQ: AAPL", "TSE:RY", ":", "a:b", "HKG:000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mic, sym, ok := ParseTag(s)
		if !ok {
			return
		}
		if _, known := ExchangeByMIC(mic); !known {
			t.Errorf("ParseTag(%q): unknown MIC %q", s, mic)
		}
		if sym == "" {
			t.Errorf("ParseTag(%q): empty symbol", s)
		}
	})
}
