package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sentenceTexts(s string) []string {
	var out []string
	for _, sp := range Sentences(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Profit rose. Sales fell!  Why? Nobody knows.",
			[]string{"Profit rose.", "Sales fell!", "Why?", "Nobody knows."}},
		{"company suffix inside", "Japan's Nissan Motor Co. (OTC:NSANY) is in talks. Apple Inc. Chief Executive Tim Cook spoke.",
			[]string{"Japan's Nissan Motor Co. (OTC:NSANY) is in talks.", "Apple Inc. Chief Executive Tim Cook spoke."}},
		{"suffix at sentence end", "It sold the unit to Acme Corp. The deal closed.",
			[]string{"It sold the unit to Acme Corp.", "The deal closed."}},
		{"U.S. inside and at end", "U.S. Steel said sales in the U.S. rose. It grew in the U.S. The end.",
			[]string{"U.S. Steel said sales in the U.S. rose.", "It grew in the U.S.", "The end."}},
		{"titles and initials", "Mr. Smith met John F. Kennedy Jr. at No. 5 Main St. yesterday.",
			[]string{"Mr. Smith met John F. Kennedy Jr. at No. 5 Main St. yesterday."}},
		{"numbers", "Shares rose 3.5 pct to 12.75 dlrs. Volume was 1,200.",
			[]string{"Shares rose 3.5 pct to 12.75 dlrs.", "Volume was 1,200."}},
		{"quote close", "\"We are pleased,\" he said. \"Very.\" Then he left.",
			[]string{"\"We are pleased,\" he said.", "\"Very.\"", "Then he left."}},
		{"curly quote close", "He said “no.” Then left.",
			[]string{"He said “no.”", "Then left."}},
		{"wrapped lines", "Showers continued throughout the week in\nthe Bahia cocoa zone, said\nComissaria Smith.\n    The dry period means it is late.",
			[]string{"Showers continued throughout the week in\nthe Bahia cocoa zone, said\nComissaria Smith.", "The dry period means it is late."}},
		{"headline list", "Instagram Outage Disrupts Thousands of U.S. Users\nTSMC Eyes 3nm Chip Production in Japan\nFord and Geely Explore Partnership",
			[]string{"Instagram Outage Disrupts Thousands of U.S. Users", "TSMC Eyes 3nm Chip Production in Japan", "Ford and Geely Explore Partnership"}},
		{"title and text", "Acme Beats Estimates\n\nAcme Corp said profit rose.",
			[]string{"Acme Beats Estimates", "Acme Corp said profit rose."}},
		{"lower case after dot", "The e.g. case and approx. five units.", []string{"The e.g. case and approx. five units."}},
		{"empty", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.in)); diff != "" {
				t.Errorf("Sentences(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Nissan's U.S. sales rose 3.5% to $1,200.50 in Q3.", []string{"Nissan's", "U.S.", "sales", "rose", "3.5", "%", "to", "$", "1,200.50", "in", "Q3", "."}},
		{"isn't co-develop S&P 500, AT&T", []string{"isn't", "co-develop", "S&P", "500", ",", "AT&T"}},
		{"Japan’s “EV” push—fast", []string{"Japan’s", "“", "EV", "”", "push", "—", "fast"}},
		{"end. Next", []string{"end", ".", "Next"}},
		{"1,2 ,3", []string{"1,2", ",", "3"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokens(tt.in) {
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q has offsets %d-%d", tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokens(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestTokenKinds(t *testing.T) {
	got := []Kind{}
	for _, tok := range Tokens("Q3 2026 rose , x") {
		got = append(got, tok.Kind)
	}
	if diff := cmp.Diff([]Kind{Word, Number, Word, Punct, Word}, got); diff != "" {
		t.Error(diff)
	}
}

func TestNorm(t *testing.T) {
	tests := map[string]string{
		"Nissan’s":   "nissan",
		"Investors'": "investors",
		"PROFIT":     "profit",
		"it's":       "it's",
		"“Quoted”":   "\"quoted\"",
		"plain":      "plain",
	}
	for in, want := range tests {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkSentencesAndTokens(b *testing.B) {
	s := "Japan's Nissan Motor Co. (OTC:NSANY) is reportedly in advanced discussions with Taiwan's Foxconn (SS:601138) to allow the electronics giant to manufacture electric vehicles. The move could help Nissan avoid shuttering the factory, which employs around 3,900 workers. Profit rose 3.5% to $1.2 billion in the U.S. market. "
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for _, sp := range Sentences(s) {
			_ = Tokens(s[sp.Start:sp.End])
		}
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"Nissan in talks with Foxconn", 20, "Nissan in talks…"},
		{"Münchener Rück erhöht", 2, "M…"},
		{"aaaaaaaaaaaa", 5, "aaaaa…"},
	}
	for _, tt := range tests {
		if got := Shorten(tt.in, tt.max); got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
