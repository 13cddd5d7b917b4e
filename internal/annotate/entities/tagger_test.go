package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// TestCoNLLValid measures the step on the CoNLL-2003 validation split the
// way eval/score_ner.py does (sentences as tokens joined by spaces; exact
// byte spans of people and place mentions) and holds it to the targets.
func TestCoNLLValid(t *testing.T) {
	f, err := os.Open(testutil.SharedFile(t, "data/eval/conll2003/valid.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := readCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	finder := MustNew()
	counts := map[string]*[3]int{typePER: {}, typeLOC: {}} // true positives, false positives, false negatives
	for _, d := range data {
		words := make([]string, len(d.toks))
		for i, tok := range d.toks {
			words[i] = tok.text
		}
		gold := map[span]bool{} // byte offsets
		for _, sp := range spans(d.labels) {
			if counts[sp.typ] != nil {
				gold[span{d.toks[sp.from].start, d.toks[sp.to-1].end, sp.typ}] = true
			}
		}
		people, places := finder.Find(Input{Body: strings.Join(words, " ")})
		pred := map[span]bool{}
		for _, p := range people {
			for _, m := range p.Mentions {
				pred[span{m.Start, m.End, typePER}] = true
			}
		}
		for _, p := range places {
			for _, m := range p.Mentions {
				pred[span{m.Start, m.End, typeLOC}] = true
			}
		}
		for sp := range pred {
			if gold[sp] {
				counts[sp.typ][0]++
			} else {
				counts[sp.typ][1]++
			}
		}
		for sp := range gold {
			if !pred[sp] {
				counts[sp.typ][2]++
			}
		}
	}
	for typ, c := range counts {
		p := float64(c[0]) / float64(c[0]+c[1])
		r := float64(c[0]) / float64(c[0]+c[2])
		f1 := 2 * p * r / (p + r)
		t.Logf("%s: precision %.4f recall %.4f F1 %.4f", typ, p, r, f1)
		if f1 < 0.85 {
			t.Errorf("%s F1 %.4f below 0.85", typ, f1)
		}
	}
}
