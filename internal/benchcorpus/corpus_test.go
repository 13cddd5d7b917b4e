package benchcorpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/secmaster"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Profit rose 5 pct. The company said\nit would pay a dividend.",
			[]string{"Profit rose 5 pct.", "The company said it would pay a dividend."}},
		{"Shares of U.S. Steel fell 3 pct to 20 dlrs. Mr. Smith said so on Monday.",
			[]string{"Shares of U.S. Steel fell 3 pct to 20 dlrs.", "Mr. Smith said so on Monday."}},
		{"Too short. \n\nThe second paragraph has four words.", []string{"The second paragraph has four words."}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Sentences(tt.text)); diff != "" {
			t.Errorf("Sentences(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestGeneratorDeterministic(t *testing.T) {
	texts, err := Load(testutil.SharedFile(t, "data/eval"))
	if err != nil {
		t.Fatal(err)
	}
	gen := func(seed uint64) []Article {
		g, err := New(texts, secmaster.Default(), 50, seed)
		if err != nil {
			t.Fatal(err)
		}
		var out []Article
		for range 50 {
			out = append(out, g.Next())
		}
		return out
	}
	a, b := gen(7), gen(7)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed, different articles:\n%s", diff)
	}
	if cmp.Equal(a, gen(8)) {
		t.Error("different seeds gave the same articles")
	}
	for i, art := range a {
		if i > 0 && art.Published.Before(a[i-1].Published) {
			t.Errorf("article %d published before article %d", i, i-1)
		}
		if len(art.Companies) == 0 || len(strings.Fields(art.Text)) < 12 || art.Title == "" {
			t.Errorf("article %d is thin: %+v", i, art)
		}
		for _, c := range art.Companies {
			if !strings.Contains(art.Text, c.Name) && !strings.Contains(art.Text, c.Listings[0].Symbol) {
				t.Errorf("article %d names neither %q nor its symbol: %s", i, c.Name, art.Text)
			}
		}
	}
}
