package benchreport

import (
	"math"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestRows(t *testing.T) {
	f, err := os.Open("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	results := Results{}
	if err := Parse(f, results); err != nil {
		t.Fatal(err)
	}
	got := Rows(Figures, results)
	nan := math.NaN()
	want := []Row{
		{Name: "annotate, 1 core (CPU time)", Unit: "words/cpu-s", PeerName: "prose v2 NER", Ours: 40000, Peer: 2000, Ratio: 20, Runs: 3, Goal: "≥ 20× prose", Verdict: "met"},
		{Name: "annotate, 1 core (CPU time)", Unit: "articles/cpu-s", PeerName: "prose v2 NER", Ours: 200, Peer: 10, Ratio: 20, Runs: 3},
		{Name: "search /v1/news/all 100000/symbols", Unit: "p99-ms", PeerName: "Bleve v2", Ours: 4, Peer: 4, Ratio: 1, Runs: 2, Goal: "≤ 50 ms (at 1M) and ≤ Bleve", Verdict: "met"},
		{Name: "search /v1/news/all 100000/words", Unit: "p99-ms", PeerName: "Bleve v2 (not run)", Ours: 80, Peer: nan, Ratio: nan, Runs: 1, Goal: "≤ 50 ms (at 1M) and ≤ Bleve", Verdict: "missed"},
		{Name: "serve peak RSS 100000", Unit: "peak-RSS-MB", Ours: 600, Peer: nan, Ratio: nan, Runs: 1, Goal: "≤ 500 MB at 1M articles"},
		{Name: "serve peak RSS 1000000", Unit: "peak-RSS-MB", Ours: 400, Peer: nan, Ratio: nan, Runs: 1, Goal: "≤ 500 MB at 1M articles", Verdict: "met"},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
