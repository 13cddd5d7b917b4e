package entities

import (
	"os"
	"testing"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// TestTaggerCoNLLValid measures the tagger alone on the CoNLL-2003
// validation split (exact spans, per type) and holds it to the targets.
func TestTaggerCoNLLValid(t *testing.T) {
	f, err := os.Open(testutil.SharedFile(t, "data/eval/conll2003/valid.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := readCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	g, m := mustGazetteer(t), mustModel(t)
	counts := map[string]*[3]int{} // true positives, false positives, false negatives
	for _, typ := range []string{typePER, typeLOC, typeORG, typeMISC} {
		counts[typ] = &[3]int{}
	}
	for _, d := range data {
		gold := map[span]bool{}
		for _, sp := range spans(d.labels) {
			gold[sp] = true
		}
		for _, sp := range spans(m.tag(newSentence(g, d.toks))) {
			if gold[sp] {
				counts[sp.typ][0]++
				delete(gold, sp)
			} else {
				counts[sp.typ][1]++
			}
		}
		for sp := range gold {
			counts[sp.typ][2]++
		}
	}
	for typ, c := range counts {
		p := float64(c[0]) / float64(c[0]+c[1])
		r := float64(c[0]) / float64(c[0]+c[2])
		f1 := 2 * p * r / (p + r)
		t.Logf("%s: precision %.4f recall %.4f F1 %.4f", typ, p, r, f1)
		if (typ == typePER || typ == typeLOC) && f1 < 0.85 {
			t.Errorf("%s F1 %.4f below 0.85", typ, f1)
		}
	}
}

func mustGazetteer(t testing.TB) *gazetteer {
	t.Helper()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func mustModel(t testing.TB) *model {
	t.Helper()
	m, err := loadModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
