package entities

import (
	"testing"

	"github.com/tickerwire/tickerwire/internal/news"
)

// FuzzFind checks that any text gives people and places whose mentions
// point at their text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"Apple CEO Tim Cook said in Tokyo.", "Japan’s Nissan", "\xff\xfe", "’s", "'", "U.S.", "A. B. C.", "“Quote”", "Washington Post Publisher Will Lewis"} {
		f.Add(s)
	}
	finder := MustNew()
	f.Fuzz(func(t *testing.T, s string) {
		people, places := finder.Find(Input{Body: s})
		for _, p := range people {
			check(t, s, p.Mentions)
		}
		for _, p := range places {
			check(t, s, p.Mentions)
			check(t, s, p.Demonyms)
		}
	})
}

func check(t *testing.T, s string, ms []news.Mention) {
	t.Helper()
	for _, m := range ms {
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
			t.Fatalf("%q: bad mention %+v", s, m)
		}
	}
}
