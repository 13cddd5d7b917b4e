package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// site is a running tickerwire server (API and pages) over a store holding
// the seed page and the fixtures.
type site struct {
	URL   string
	Store store.Store
	Pipe  *ingest.Pipeline
	IDs   map[string]string // fixture UUIDs by name: seed, evil, ev1, ev2
}

// xssTitle is a title that would run script if it were not escaped.
const xssTitle = `<script>window.__pwned=1</script> Evil Corp <img src=x onerror="window.__pwned=2"> results`

func newSite(t testing.TB) *site {
	t.Helper()
	return newSiteWith(t, func(st store.Store, p *ingest.Pipeline, mux *http.ServeMux) {
		hub := alert.NewHub(0)
		p.OnStored = func(a *news.Article) { hub.Publish(a) }
		(&api.Server{Store: st, Hub: hub}).Register(mux)
	})
}

// newSiteWith is newSite with the API routes that register adds.
func newSiteWith(t testing.TB, register func(st store.Store, p *ingest.Pipeline, mux *http.ServeMux)) *site {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := &site{Store: st, Pipe: &ingest.Pipeline{Store: st, Annotator: pipeline.New(nil)}, IDs: map[string]string{}}
	if rep := s.Pipe.IngestFile(ctx, ingest.FileReader{}, testutil.SharedFile(t, "seed/nissan-foxconn.txt")); rep.Err != nil {
		t.Fatal(rep.Err)
	}
	res, err := st.SearchArticles(ctx, store.Query{Symbols: []string{"NSANY"}, Kind: news.KindArticle})
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("seed article: %v, %d found", err, len(res.Articles))
	}
	s.IDs["seed"] = res.Articles[0].UUID
	for name, a := range fixtures() {
		if _, err := st.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		s.IDs[name] = a.UUID
	}
	if err := st.SaveSource(ctx, &news.Source{Kind: "feed", URL: "https://feeds.example.com/broken.xml", Name: "Broken Wire",
		LastError: "HTTP 503 from feeds.example.com", LastErrorAt: time.Now().Add(-time.Hour), ConsecutiveFailures: 3}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSource(ctx, &news.Source{Kind: "feed", URL: "https://feeds.example.com/good.xml", Name: "Good Wire",
		LastSuccess: time.Now().Add(-10 * time.Minute), ItemsSeen: 42}); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	register(st, s.Pipe, mux)
	pages, err := New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	pages.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// mentioned is c with a mention of each of names in body.
func mentioned(c news.Company, body string, names ...string) news.Company {
	for _, n := range names {
		i := strings.Index(body, n)
		c.Mentions = append(c.Mentions, news.Mention{Start: i, End: i + len(n), Text: n})
	}
	return c
}

// fixtures are articles with hand-made annotations: a story of two
// articles, and one whose title and description are hostile HTML.
func fixtures() map[string]*news.Article {
	now := time.Now().UTC().Add(-30 * time.Minute)
	honda := news.Company{Name: "Honda Motor Co., Ltd.", Country: "JP", Sector: "Consumer Cyclical",
		Listings:   []news.Listing{{Symbol: "7267", MIC: "XTKS"}, {Symbol: "HMC", MIC: "XNYS"}},
		MatchScore: 0.9, Sentiment: news.SentimentOf(0.4)}
	nissan := news.Company{Name: "Nissan Motor Co., Ltd.", Country: "JP",
		Listings:   []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "NSANY", MIC: "OTCM"}},
		MatchScore: 0.9, Sentiment: news.SentimentOf(0.3)}
	ev1Title, ev1Text := "Honda and Nissan plan a joint EV platform", "Honda Motor and Nissan said on Monday they would share an electric vehicle platform."
	ev1 := news.Body(ev1Title, ev1Text)
	ev2Title, ev2Text := "Nissan, Honda confirm EV platform talks", "The two carmakers confirmed the talks."
	ev2 := news.Body(ev2Title, ev2Text)
	return map[string]*news.Article{
		"ev1": {Title: ev1Title, Text: ev1Text, URL: "https://example.com/ev1", Source: "Nikkei", Published: now, StoryID: "story-ev",
			Annotation: news.Annotation{Language: "en", Sentiment: news.SentimentOf(0.35),
				Companies: []news.Company{mentioned(honda, ev1, "Honda", "Honda Motor"), mentioned(nissan, ev1, "Nissan")},
				Events:    []news.Event{{Type: news.EventPartnership, Status: news.StatusAnnounced, Companies: []string{"7267.XTKS", "7201.XTKS"}}}}},
		"ev2": {Title: ev2Title, Text: ev2Text, URL: "https://example.com/ev2", Source: "Reuters", Published: now.Add(-time.Hour), StoryID: "story-ev",
			Annotation: news.Annotation{Language: "en", Sentiment: news.SentimentOf(0.2),
				Companies: []news.Company{mentioned(nissan, ev2, "Nissan"), mentioned(honda, ev2, "Honda")},
				Events:    []news.Event{{Type: news.EventPartnership, Status: news.StatusReported}}}},
		"evil": {Title: xssTitle, Description: `<b>Bold</b> claims<script>window.__pwned=3</script><a href="javascript:alert(1)">click</a>`,
			URL: "https://example.com/evil", Source: "<i>Evil</i> Wire", Published: now.Add(-2 * time.Hour),
			Annotation: news.Annotation{Language: "en", Sentiment: news.SentimentOf(-0.5)}},
	}
}

// get fetches a page of s.
func (s *site) get(t testing.TB, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(s.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b.String()
}
