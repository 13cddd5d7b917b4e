package facts

import "testing"

// FuzzFind checks that any text gives facts whose offsets point at their text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"$17 billion", "Rs 450 crore", "€2.3bn", "3,900 workers", "seven of its 17 plants", "15%", "1,2,3", "$", "Rs.", "\xff\xfe 5 mln dlrs", "US$ 5", "5 per", "10:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fact := range Find(s) {
			if fact.Start < 0 || fact.End > len(s) || fact.Start > fact.End || s[fact.Start:fact.End] != fact.Text {
				t.Fatalf("%q: bad offsets in %+v", s, fact)
			}
		}
	})
}
