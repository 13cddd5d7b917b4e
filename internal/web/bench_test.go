//go:build unix

package web

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/store/storetest"
)

var (
	benchArticles = flag.Int("bench.articles", 100000, "articles in the benchmark store")
	benchDir      = flag.String("bench.dir", "", "data directory to keep the benchmark store in (filled once, reused); default a temporary one")
)

// benchExtras adds what the synthetic corpus lacks to a filled store: a
// story of 30 articles, a page with 50 headlines listed on it, and 40
// sources. It returns the page's UUID.
func benchExtras(b *testing.B, st store.Store) string {
	ctx := context.Background()
	when := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	company := news.Company{Name: "Company 00002", Listings: []news.Listing{{Symbol: "S00002", MIC: "XNYS"}},
		MatchScore: 0.9, Sentiment: news.SentimentOf(0.3),
		Mentions: []news.Mention{{Start: 0, End: 13, Text: "Company 00002"}}}
	page := &news.Article{URL: "https://bench.example.com/page", Title: "Company 00002 agrees a merger",
		Text: "Company 00002 agreed to buy a rival. ", Published: when, Source: "bench.example.com",
		StoryID: "bench-story", Annotation: news.Annotation{Companies: []news.Company{company},
			Events: []news.Event{{Type: news.EventMergerAcquisition, Confidence: 0.8}}}}
	as := []*news.Article{page}
	for i := range 29 {
		as = append(as, &news.Article{URL: fmt.Sprintf("https://bench.example.com/story/%d", i),
			Title: fmt.Sprintf("Company 00002 merger, report %d", i), Text: "More on the merger.",
			Published: when.Add(-time.Duration(i+1) * time.Hour), Source: fmt.Sprintf("wire%d.example.com", i%5), StoryID: "bench-story",
			Annotation: news.Annotation{Companies: []news.Company{company}}})
	}
	if _, err := st.SaveArticles(ctx, as); err != nil {
		b.Fatal(err)
	}
	var headlines []*news.Article
	for i := range 50 {
		headlines = append(headlines, &news.Article{Kind: news.KindHeadline, URL: fmt.Sprintf("https://bench.example.com/page#headline-%d", i),
			Title: fmt.Sprintf("Headline %d listed under the merger page", i), Discovered: when, ParentUUID: page.UUID})
	}
	if _, err := st.SaveArticles(ctx, headlines); err != nil {
		b.Fatal(err)
	}
	for i := range 40 {
		s := &news.Source{Kind: "feed", URL: fmt.Sprintf("https://feeds.example.com/%d.xml", i), Name: fmt.Sprintf("Feed %d", i),
			LastSuccess: when, ItemsSeen: i * 10}
		if i%7 == 0 {
			s.ConsecutiveFailures, s.LastError, s.LastErrorAt = 2, "HTTP 503", when
		}
		if err := st.SaveSource(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	return page.UUID
}

// BenchmarkPages renders each page on the server over a store of
// -bench.articles synthetic articles (store/storetest's corpus: Zipf
// words and symbols over two years), reporting the median and 99th
// percentile time of a whole request, and the CPU time the process spent
// on a request (user and system, the mean; on a busy machine the wall
// times include waiting for a CPU, the CPU time does not):
//
//	go test ./internal/web -run '^$' -bench Pages -bench.dir /tmp/tw-web-bench
func BenchmarkPages(b *testing.B) {
	dir := *benchDir
	if dir == "" {
		dir = b.TempDir()
	}
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	storetest.Fill(b, st, *benchArticles)
	page := benchExtras(b, st)
	pages, err := New(st, nil)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	pages.Register(mux)
	for _, bp := range []struct{ name, path string }{
		{"latest", "/"},
		{"latest/symbol", "/?symbol=S00003"},
		{"latest/sentiment", "/?sentiment=negative"},
		{"article", "/news/" + page},
		{"company/popular", "/company/S00002.XNYS"},
		{"company/rare", "/company/S00150Y"},
		{"search/word", "/search?q=w00010"},
		{"search/all", "/search"},
		{"search/symbol+event", "/search?symbol=S00005&event=earnings"},
		{"search/phrase+day", "/search?q=%22w00001+w00002%22&from=2024-06-01&to=2024-06-30"},
		{"story", "/stories/bench-story"},
		{"sources", "/sources"},
		{"watchlists", "/watchlists"},
	} {
		b.Run(bp.name, func(b *testing.B) {
			var lat []time.Duration
			var cpu time.Duration
			for b.Loop() {
				rec := httptest.NewRecorder()
				c0, t0 := cpuTime(b), time.Now()
				mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, bp.path, nil))
				lat = append(lat, time.Since(t0))
				cpu += cpuTime(b) - c0
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d: %s", bp.path, rec.Code, rec.Body.String())
				}
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms")
		})
	}
}

// cpuTime is the CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
