package story

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenizerTerms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain English", "Nissan's shares jumped 4% after the reports.", []string{"nissan", "share", "jump", "report"}},
		{"already stemmed text", "nissan share jump report", []string{"nissan", "share", "jump", "report"}},
		{"punctuation and digits", "Q3 profit: $1.2bn (up 15%)", []string{"q3", "profit", "2bn", "15"}},
		{"curly apostrophe", "Foxconn’s EV plans", []string{"foxconn", "ev", "plan"}},
		{"non-Latin letters", "日産 Nissan", []string{"日産", "nissan"}},
		{"empty", "", nil},
	}
	tk := NewTokenizer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tk.Terms(nil, tt.in)); diff != "" {
				t.Errorf("Terms(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestFingerprintNearDuplicate(t *testing.T) {
	base := "Nissan Motor and Foxconn are in talks about a partnership under which the iPhone assembler would build electric vehicles at the Oppama plant in Yokosuka, the Nikkei business daily reported, citing people familiar with the matter. Nissan declined to comment."
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", base, base, true},
		{"dateline and footer added", base, "TOKYO (Reuters) - " + base + " (Reporting by Daniel Leussink; Editing by Jacqueline Wong)", true},
		{"one sentence changed", base, strings.Replace(base, "Nissan declined to comment.", "Shares of Nissan rose 4% in Tokyo.", 1), true},
		{"same story rewritten", base, "Foxconn wants to make electric cars at a Nissan factory in Japan, according to a newspaper report; the carmaker would not comment on the talks with the Taiwanese company.", false},
		{"unrelated", base, "The Federal Reserve left interest rates unchanged on Wednesday and signalled no hurry to cut borrowing costs while inflation stays above target.", false},
		{"empty", base, "", false},
	}
	tk := NewTokenizer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa, fb := FingerprintOf(tk.Terms(nil, tt.a)), FingerprintOf(tk.Terms(nil, tt.b))
			if got := fa.NearDuplicate(&fb); got != tt.want {
				t.Errorf("NearDuplicate = %v (similarity %.2f), want %v", got, fa.Similarity(&fb), tt.want)
			}
			if got, want := fa.sketch().matches(fb.sketch()) >= sketchMatches, tt.want; want && !got {
				t.Errorf("sketches of near-duplicates share too few bytes")
			}
		})
	}
}
