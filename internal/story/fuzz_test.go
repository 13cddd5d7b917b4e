package story

import (
	"testing"
	"time"
)

// FuzzFingerprint checks the near-duplicate fingerprint on any text: it
// never panics, a text is a perfect duplicate of itself, similarity is
// symmetric and within 0..1, and the clusterer takes the text.
func FuzzFingerprint(f *testing.F) {
	for _, s := range []string{
		"", "a", "Nissan in talks with Foxconn over EV production at Oppama plant",
		"nissan talk foxconn ev product oppama plant", "\xff\xfe invalid utf-8 \x00",
		"word word word word word word word word",
	} {
		f.Add(s, "Foxconn to build EVs for Nissan")
	}
	tk := NewTokenizer()
	f.Fuzz(func(t *testing.T, a, b string) {
		fa := FingerprintOf(tk.Terms(nil, a))
		fb := FingerprintOf(tk.Terms(nil, b))
		if !fa.IsZero() {
			if s := fa.Similarity(&fa); s != 1 {
				t.Errorf("self-similarity %v", s)
			}
		}
		ab, ba := fa.Similarity(&fb), fb.Similarity(&fa)
		if ab != ba || ab < 0 || ab > 1 {
			t.Errorf("similarity %v / %v", ab, ba)
		}
		c := NewClusterer(DefaultConfig())
		first := c.Assign(Doc{ID: "1", Title: a, Text: b, Published: time.Unix(0, 0)})
		second := c.Assign(Doc{ID: "2", Title: a, Text: b, Published: time.Unix(60, 0)})
		if first.Story != "1" || second.Story == "" {
			t.Errorf("assignments %+v, %+v", first, second)
		}
	})
}
