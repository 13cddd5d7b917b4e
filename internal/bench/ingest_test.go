package bench

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/feeds"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/fetch"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/story"
)

// Ingest benchmark shape: feeds polled at once (the poller's default
// workers), items in each feed.
const (
	ingestFeeds = 4
	ingestItems = 100
)

// feedServer serves ingestFeeds RSS feeds of corpus articles with their
// full text (content:encoded) at /feed/0 … /feed/N.
func feedServer(b *testing.B) *httptest.Server {
	g := corpus(b, ingestFeeds*ingestItems)
	bodies := make([]string, ingestFeeds)
	for f := range ingestFeeds {
		feed := &feeds.Feed{Title: fmt.Sprint("bench feed ", f), Link: &feeds.Link{Href: "http://bench.example.com/"},
			Created: time.Now()}
		for range ingestItems {
			a := g.Next()
			feed.Items = append(feed.Items, &feeds.Item{Id: a.URL, Title: a.Title, Link: &feeds.Link{Href: a.URL},
				Description: a.Text[:min(len(a.Text), 200)], Content: a.Text, Created: a.Published})
		}
		rss, err := feed.ToRss()
		if err != nil {
			b.Fatal(err)
		}
		bodies[f] = rss
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d", &f); err != nil || f < 0 || f >= len(bodies) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(bodies[f]))
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkIngest polls local feeds (httptest) into a new SQLite store each
// iteration: fetch, parse, annotate (full security master), store with the
// full-text index, assign stories. It reports articles stored per second
// of wall time and of CPU time.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	srv := feedServer(b)
	master := fullMaster(b)
	client := fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true, Burst: ingestFeeds})
	var stored int
	var wall, cpu time.Duration
	for b.Loop() {
		st, err := sqlite.Open(ctx, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		pipe := &ingest.Pipeline{Store: st, Annotator: pipeline.New(master), Stories: ingest.NewStories(story.DefaultConfig())}
		p := &ingest.Poller{Store: st, Pipeline: pipe, Client: client, UserAgent: fetch.DefaultUserAgent}
		var srcs []*news.Source
		for f := range ingestFeeds {
			src := &news.Source{Kind: ingest.SourceFeed, URL: fmt.Sprintf("%s/feed/%d", srv.URL, f), Name: fmt.Sprint("feed ", f)}
			if err := st.SaveSource(ctx, src); err != nil {
				b.Fatal(err)
			}
			srcs = append(srcs, src)
		}
		t0, cpu0 := time.Now(), cpuTime()
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []string
		for _, src := range srcs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := p.Poll(ctx, src)
				mu.Lock()
				defer mu.Unlock()
				stored += res.New
				if err != nil {
					errs = append(errs, err.Error())
				}
			}()
		}
		wg.Wait()
		wall += time.Since(t0)
		cpu += cpuTime() - cpu0
		if len(errs) > 0 {
			b.Fatal(strings.Join(errs, "; "))
		}
		st.Close()
	}
	if want := b.N * ingestFeeds * ingestItems; stored != want {
		b.Fatalf("stored %d articles, want %d", stored, want)
	}
	b.ReportMetric(float64(stored)/wall.Seconds(), "articles/s")
	b.ReportMetric(float64(stored)/cpu.Seconds(), "articles/cpu-s")
}
