package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Synthetic corpus for benchmarks: words w00000.. and symbols S00000.. drawn
// with Zipf frequencies, as in real news (a few words and companies are in
// very many articles, most in few), spread evenly over two years.
const (
	benchWords   = 20000
	benchSymbols = 10000
	benchSpan    = 2 * 365 * 24 * time.Hour
)

var benchStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// benchArticle returns synthetic article i of n; the same i always gives
// the same article.
func benchArticle(i, n int) *news.Article {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	words := rand.NewZipf(r, 1.07, 2, benchWords-1)
	symbols := rand.NewZipf(r, 1.1, 2, benchSymbols-1)
	text := func(count int) string {
		var b strings.Builder
		for j := range count {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "w%05d", words.Uint64())
		}
		return b.String()
	}
	var companies []news.Company
	var seen []uint64
	for range 1 + r.IntN(3) {
		sym := symbols.Uint64()
		if slices.Contains(seen, sym) {
			continue
		}
		seen = append(seen, sym)
		companies = append(companies, news.Company{
			Name:       fmt.Sprintf("Company %05d", sym),
			Listings:   []news.Listing{{Symbol: fmt.Sprintf("S%05d", sym), MIC: "XNYS"}, {Symbol: fmt.Sprintf("S%05dY", sym), MIC: "OTCM"}},
			MatchScore: r.Float64(), Sentiment: news.SentimentOf(r.Float64()*2 - 1),
		})
	}
	when := benchStart.Add(time.Duration(float64(benchSpan) * float64(i) / float64(n)))
	return &news.Article{
		URL:        fmt.Sprintf("https://bench.example.com/%d", i),
		Title:      text(8),
		Text:       text(120) + fmt.Sprintf(" n%d", i),
		Published:  when,
		Discovered: when.Add(time.Minute),
		Source:     "bench.example.com",
		Language:   "en",
		Annotation: news.Annotation{Companies: companies,
			Events: []news.Event{{Type: news.EventTypes[r.IntN(len(news.EventTypes))], Confidence: 0.5}}},
	}
}

// Fill saves synthetic articles into s until it holds n (a store filled
// earlier by Fill is topped up, not refilled), in batches of 500 from 2
// concurrent writers.
func Fill(tb testing.TB, s store.Store, n int) {
	tb.Helper()
	res, err := s.SearchArticles(ctx, store.Query{Limit: 1, MaxFound: n})
	if err != nil {
		tb.Fatal(err)
	}
	if res.Found >= n {
		return
	}
	start := time.Now()
	const batch = 500
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var fillErr error
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for from := range next {
				var as []*news.Article
				for i := from; i < min(from+batch, n); i++ {
					as = append(as, benchArticle(i, n))
				}
				if _, err := s.SaveArticles(ctx, as); err != nil {
					once.Do(func() { fillErr = err })
				}
			}
		}()
	}
	for from := res.Found; from < n; from += batch {
		next <- from
	}
	close(next)
	wg.Wait()
	if fillErr != nil {
		tb.Fatal(fillErr)
	}
	tb.Logf("filled %d articles in %v", n-res.Found, time.Since(start).Round(time.Millisecond))
}

// BenchQueries are the searches Bench measures.
var BenchQueries = []struct {
	Name  string
	Query store.Query
}{
	{"latest", store.Query{}},
	{"symbol", store.Query{Symbols: []string{"S00020"}}},
	{"symbols+search+30d/popular", store.Query{Symbols: []string{"S00003", "S00005.XNYS"}, Search: "w00010",
		PublishedAfter: benchStart.Add(300 * 24 * time.Hour), PublishedBefore: benchStart.Add(330 * 24 * time.Hour)}},
	{"symbols+search+90d/rare", store.Query{Symbols: []string{"S00150Y"}, Search: "w00200 | w00201",
		PublishedAfter: benchStart.Add(400 * 24 * time.Hour), PublishedBefore: benchStart.Add(490 * 24 * time.Hour)}},
	{"search+30d", store.Query{Search: "w00050 w00300 -w00007",
		PublishedAfter: benchStart.Add(100 * 24 * time.Hour), PublishedBefore: benchStart.Add(130 * 24 * time.Hour)}},
	{"search/phrase+prefix", store.Query{Search: `"w00040 w00041" | w0100*`}},
	{"events+symbol", store.Query{Symbols: []string{"S00010"}, Events: []string{news.EventEarnings}}},
}

// Bench runs one sub-benchmark per BenchQueries entry on s, reporting what
// measure does.
func Bench(b *testing.B, s store.Store) {
	for _, bq := range BenchQueries {
		b.Run(bq.Name, func(b *testing.B) {
			measure(b, func() (int, error) {
				res, err := s.SearchArticles(ctx, bq.Query)
				return res.Found, err
			})
		})
	}
}

// measure runs run in b's loop and reports the median and 99th percentile
// latency, the CPU time of this process per run (which a busy machine does
// not inflate as it does latency; an in-process store's whole cost, a
// database server's not), and the number run found last.
func measure(b *testing.B, run func() (int, error)) {
	var lat []time.Duration
	found := 0
	cpu0 := cpuTime()
	for b.Loop() {
		t0 := time.Now()
		n, err := run()
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		found = n
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(lat)), "cpu-ms/op")
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(found), "found")
}
