package company

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"testing"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/secmaster"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// BenchmarkTagReuters tags the Reuters-21578 training articles with the
// full security master (the reference files imported over the embedded
// default). It reports articles/s and the heap the master and tagger take.
// Run on one core: go test -run '^$' -bench TagReuters -cpu 1 ./internal/annotate/company/
func BenchmarkTagReuters(b *testing.B) {
	ref := testutil.SharedFile(b, "data/reference")
	path := testutil.SharedFile(b, "data/eval/reuters21578-modapte-train.jsonl")
	var bodies []string
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, news.Body(a.Title, a.Text))
	}
	f.Close()

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	m, _, err := secmaster.ImportDir(ref, secmaster.Curated())
	if err != nil {
		b.Fatal(err)
	}
	tg := New(m)
	runtime.GC()
	runtime.ReadMemStats(&after)
	masterMB := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)

	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		body := bodies[i%len(bodies)]
		tg.Find(body, 0)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		// on a shared machine wall time counts other processes' work too
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
	b.ReportMetric(masterMB, "master-MB")
	b.ReportMetric(float64(m.Len()), "companies")
}
