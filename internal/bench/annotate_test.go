package bench

import (
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/news"
)

// sampleSize is how many Reuters articles, spread over the whole set, one
// benchmark iteration annotates.
const sampleSize = 200

// runArticles calls fn on a sample of the Reuters training articles per
// iteration and reports articles and words per second of wall time and of
// CPU time (run with -cpu 1 for one core).
func runArticles(b *testing.B, fn func(a article)) {
	arts := reuters(b)
	var sample []article
	w := 0
	for i := 0; i < len(arts) && len(sample) < sampleSize; i += max(1, len(arts)/sampleSize) {
		sample = append(sample, arts[i])
		w += words(arts[i])
	}
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, a := range sample {
			fn(a)
		}
		n++
	}
	cpu := (cpuTime() - cpu0).Seconds()
	articles, allWords := float64(n*len(sample)), float64(n*w)
	b.ReportMetric(articles/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(allWords/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(articles/cpu, "articles/cpu-s")
	b.ReportMetric(allWords/cpu, "words/cpu-s")
}

// BenchmarkAnnotate runs the full annotator (companies with the full
// security master, language, people and places, facts, events, sentiment).
func BenchmarkAnnotate(b *testing.B) {
	a := pipeline.New(fullMaster(b))
	runArticles(b, func(art article) {
		doc := annotate.NewDocument(art.title, art.text)
		a.Annotate(doc)
	})
}

// BenchmarkAnnotatePeerProse runs prose's named-entity recognition (with
// the tokenizer and tagger it needs; no sentence segmentation) on the same
// texts, its model loaded once beforehand.
func BenchmarkAnnotatePeerProse(b *testing.B) {
	model := prose.ModelFromData("en-v2.0.0")
	runArticles(b, func(art article) {
		doc, err := prose.NewDocument(news.Body(art.title, art.text), prose.UsingModel(model), prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		_ = doc.Entities()
	})
}
