package pipeline

import (
	"os"
	"testing"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/entities"
	"github.com/tickerwire/tickerwire/internal/annotate/facts"
	"github.com/tickerwire/tickerwire/internal/annotate/language"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// benchAnnotate annotates the articles in turn and reports articles per
// second of wall time and, where measured, per second of CPU time (the
// machine may be shared; run with -cpu 1 for one core).
func benchAnnotate(b *testing.B, a *annotate.Annotator, arts []article) {
	n := 0
	cpu := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		art := arts[n%len(arts)]
		a.Annotate(annotate.NewDocument(art.title, art.text))
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if used := cpuTime() - cpu; used > 0 {
		b.ReportMetric(float64(n)/used.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkDefault annotates Reuters-21578 articles with the whole
// pipeline (embedded security master) and reports articles per second of
// wall and of CPU time.
func BenchmarkDefault(b *testing.B) {
	arts := reuters(b)
	benchAnnotate(b, New(nil), arts)
}

// BenchmarkSignals runs the language, entities and facts steps alone.
func BenchmarkSignals(b *testing.B) {
	arts := reuters(b)
	benchAnnotate(b, annotate.New(language.New(), entities.MustNew(), facts.New()), arts)
}

// TestDefaultSeed checks the language, people, places and facts that
// seed/expected.md asks of the seed article, through the whole pipeline.
func TestDefaultSeed(t *testing.T) {
	b, err := os.ReadFile(testutil.SharedFile(t, "seed/nissan-foxconn.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ann := New(nil).Annotate(annotate.NewDocument("", string(b)))
	if ann.Language != "en" {
		t.Errorf("language %q, want en", ann.Language)
	}
	found := false
	for _, p := range ann.People {
		if p.Name == "Ivan Espinosa" && p.Role == "CEO" && p.Company == companyNamed(ann, "Nissan") {
			found = true
		}
	}
	if !found {
		t.Errorf("Ivan Espinosa, CEO of Nissan, not among %+v", ann.People)
	}
	places := map[string]string{}
	for _, p := range ann.Places {
		places[p.Name] = p.Country
	}
	for name, cc := range map[string]string{"Oppama": "JP", "Yokosuka": "JP", "Tokyo": "JP", "Japan": "JP", "Taiwan": "TW"} {
		if places[name] != cc {
			t.Errorf("place %s: country %q, want %q (places %v)", name, places[name], cc, places)
		}
	}
	type fact struct {
		kind  string
		value float64
	}
	facts := map[fact]bool{}
	for _, f := range ann.Facts {
		facts[fact{f.Kind, f.Value}] = true
	}
	for _, want := range []fact{{news.FactCount, 3900}, {news.FactCount, 7}, {news.FactCount, 17}, {news.FactPercent, 15}} {
		if !facts[want] {
			t.Errorf("fact %+v missing from %+v", want, ann.Facts)
		}
	}
}

// companyNamed returns the name of the company found whose name starts with prefix.
func companyNamed(ann news.Annotation, prefix string) string {
	for _, c := range ann.Companies {
		if len(c.Name) >= len(prefix) && c.Name[:len(prefix)] == prefix {
			return c.Name
		}
	}
	return "(no company " + prefix + ")"
}
