package linear

import (
	"bytes"
	"hash/fnv"
	"math"
	"strings"
	"testing"
)

func TestHashMatchesFNV1a(t *testing.T) {
	for _, parts := range [][]string{{"a", "b"}, {}, {"lm", "negative"}} {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(parts, "\x00")))
		if got, want := Hash(parts...), h.Sum64(); got != want {
			t.Errorf("Hash(%q) = %#x, want %#x", parts, got, want)
		}
	}
	if Hash("ab") == Hash("a", "b") {
		t.Error("parts are not separated")
	}
}

func TestTrainEncodeDecode(t *testing.T) {
	f := func(s string) []uint64 {
		var out []uint64
		for _, w := range strings.Fields(s) {
			out = append(out, Hash(w))
		}
		return out
	}
	exs := []Example{
		{f("profit rose"), []float64{1, 0}}, {f("sales rose"), []float64{1, 0}},
		{f("profit fell"), []float64{0, 1}}, {f("sales fell"), []float64{0, 1}},
	}
	for _, loss := range []Loss{Softmax, Sigmoid} {
		m := Train(exs, 2, loss, Options{Epochs: 20, LearningRate: 0.5, MinCount: 1, Seed: 1, Bags: 2})
		var buf bytes.Buffer
		if err := m.Encode(&buf, "TEST\n"); err != nil {
			t.Fatal(err)
		}
		got, err := Decode(bytes.NewReader(buf.Bytes()), "TEST\n")
		if err != nil {
			t.Fatal(err)
		}
		if got.Len() != m.Len() || got.Outputs() != 2 {
			t.Fatalf("decoded %d features, %d outputs; want %d, 2", got.Len(), got.Outputs(), m.Len())
		}
		for _, e := range exs {
			z := make([]float64, 2)
			got.Score(e.Features, z)
			loss.Probabilities(z)
			if (z[0] > z[1]) != (e.Targets[0] == 1) {
				t.Errorf("loss %d: wrong class for %v: %v", loss, e, z)
			}
		}
		w0, w1 := m.Weights(Hash("rose")), got.Weights(Hash("rose"))
		if math.Abs(float64(w0[0]-w1[0])) > 0.05 {
			t.Errorf("quantised weight %v far from %v", w1, w0)
		}
		if _, err := Decode(bytes.NewReader(buf.Bytes()), "OTHER\n"); err == nil {
			t.Error("Decode accepted another kind of model")
		}
	}
}

func TestPruneAndDelete(t *testing.T) {
	m := New(2)
	m.Add(Hash("big"), []float32{1, 0})
	m.Add(Hash("small"), []float32{1e-5, -1e-5})
	m.Add(Hash("gone"), []float32{2, 2})
	m.Delete(Hash("gone"))
	m.Prune(1e-3)
	if m.Len() != 1 || m.Weights(Hash("big")) == nil {
		t.Errorf("after prune and delete: %d features", m.Len())
	}
}
