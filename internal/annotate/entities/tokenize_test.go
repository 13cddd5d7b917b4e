package entities

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Japan’s Nissan Motor Co. (OTC:NSANY) is here.", []string{"Japan", "'s", "Nissan", "Motor", "Co.", "(", "OTC:NSANY", ")", "is", "here", "."}},
		{"the U.S. and Reuters’ request, isn't it?", []string{"the", "U.S.", "and", "Reuters", "'", "request", ",", "is", "n't", "it", "?"}},
		{`He said "no." Then J. Smith left`, []string{"He", "said", `"`, "no", ".", `"`, "Then", "J.", "Smith", "left"}},
		{"Japan 's", []string{"Japan", "'s"}},
		{"", nil},
	}
	for _, tt := range tests {
		toks := tokenize(tt.in)
		var got []string
		for _, tok := range toks {
			if plain(tt.in[tok.start:tok.end]) != tok.text {
				t.Errorf("%q: token %q has offsets of %q", tt.in, tok.text, tt.in[tok.start:tok.end])
			}
			got = append(got, tok.text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
