package api_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
)

// fixtureBase is the publication time of the newest fixture article.
var fixtureBase = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

// Fixture titles, newest first, an hour apart.
const (
	fxTalks  = "Nissan and Foxconn weigh EV partnership"
	fxHonda  = "Honda shares slide on tariff fears"
	fxApple  = "Apple unveils new phone"
	fxBank   = "Central bank holds rates"
	fxRecall = "Nissan recall widens"
	fxGerman = "Toyota steigert Gewinn"
)

func company(name, country, industry string, score, sentiment float64, listings ...news.Listing) news.Company {
	return news.Company{Name: name, Country: country, Industry: industry, Listings: listings, MatchScore: score,
		Sentiment: news.SentimentOf(sentiment),
		Mentions:  []news.Mention{{Start: 0, End: len(name), Text: name}}}
}

// fixtureArticles are six annotated articles, newest first.
func fixtureArticles() []*news.Article {
	nissan := company("Nissan", "JP", "Auto Manufacturers", 0.95, -0.4, news.Listing{Symbol: "7201", MIC: "XTKS"}, news.Listing{Symbol: "NSANY", MIC: "OTCM"})
	foxconn := company("Hon Hai", "TW", "Electronic Components", 0.6, 0.5, news.Listing{Symbol: "2317", MIC: "XTAI"})
	honda := company("Honda", "JP", "Auto Manufacturers", 0.9, -0.7, news.Listing{Symbol: "7267", MIC: "XTKS"}, news.Listing{Symbol: "HMC", MIC: "XNYS"})
	apple := company("Apple", "US", "Consumer Electronics", 0.99, 0.8, news.Listing{Symbol: "AAPL", MIC: "XNAS"})
	toyota := company("Toyota", "JP", "Auto Manufacturers", 0.8, 0.6, news.Listing{Symbol: "7203", MIC: "XTKS"})
	ev := func(t string) []news.Event { return []news.Event{{Type: t, Confidence: 0.8}} }
	as := []*news.Article{
		{Title: fxTalks, Text: "Nissan is in talks with Foxconn about a joint EV platform.", URL: "https://www.example.com/talks",
			Source: "Example", SourceID: 1, Language: "en", StoryID: "s1", Author: "A. Writer",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0.2), Companies: []news.Company{nissan, foxconn}, Events: ev(news.EventPartnership)}},
		{Title: fxHonda, Text: "Honda fell as tariffs loom over carmakers.", URL: "https://news.example.org/honda", Source: "Org News", SourceID: 2, Language: "en",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(-0.6), Companies: []news.Company{honda}, Events: ev(news.EventStockMove)}},
		{Title: fxApple, Text: "Apple showed a phone. Phone reviews follow.", URL: "https://example.com/apple", Source: "Example", SourceID: 1, Language: "en",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0.7), Companies: []news.Company{apple}, Events: ev(news.EventProduct)}},
		{Title: fxBank, Text: "The central bank held rates.", URL: "https://bank.example.net/rates", Source: "Bank", SourceID: 3, Language: "en",
			Annotation: news.Annotation{Events: ev(news.EventMacro)}},
		{Title: fxRecall, Text: "Nissan widened its recall.", URL: "https://example.com/recall", Source: "Example", SourceID: 1, Language: "en", StoryID: "s1",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(-0.3), Companies: []news.Company{nissan}, Events: ev(news.EventIncident)}},
		{Title: fxGerman, Text: "Der Autobauer meldet mehr Gewinn.", URL: "https://example.de/toyota", Source: "Beispiel", SourceID: 4, Language: "de",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0.5), Companies: []news.Company{toyota}, Events: ev(news.EventEarnings)}},
	}
	for i, a := range as {
		a.Published = fixtureBase.Add(-time.Duration(i) * time.Hour)
	}
	return as
}

// fixture is a server over a store holding fixtureArticles.
type fixture struct {
	srv   *httptest.Server
	store store.Store
	api   *api.Server
	ids   map[string]string // UUIDs by title
}

// newFixture serves the API over fixtureArticles. remote, when set, is
// the client address the server sees (to act as a non-loopback client).
func newFixture(t *testing.T, remote string) *fixture {
	t.Helper()
	return newFixtureWith(t, remote, &api.Server{KeyCheckInterval: -1})
}

// newFixtureWith is newFixture serving with srv (its Store set here).
func newFixtureWith(t *testing.T, remote string, srv *api.Server) *fixture {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv.Store = st
	f := &fixture{store: st, api: srv, ids: map[string]string{}}
	as := fixtureArticles()
	if _, err := st.SaveArticles(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		f.ids[a.Title] = a.UUID
	}
	mux := http.NewServeMux()
	f.api.Register(mux)
	var h http.Handler = mux
	if remote != "" {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.RemoteAddr = net.JoinHostPort(remote, "40000")
			mux.ServeHTTP(w, r)
		})
	}
	f.srv = httptest.NewServer(h)
	t.Cleanup(f.srv.Close)
	return f
}

// TestNewsAllCached checks that a cached response is the one made afresh,
// and that any write to the store makes the next one afresh.
func TestNewsAllCached(t *testing.T) {
	f := newFixtureWith(t, "", &api.Server{KeyCheckInterval: -1, ResponseCache: 1 << 20})
	ctx := context.Background()
	fetch := func(query string) api.NewsResponse {
		t.Helper()
		return getNews(t, f, query)
	}
	first := fetch("symbols=NSANY")
	if diff := cmp.Diff(first, fetch("symbols=NSANY")); diff != "" {
		t.Errorf("second response (-first +second):\n%s", diff)
	}
	if got := fetch("symbols=HMC"); len(got.Data) != 1 || got.Data[0].Title != fxHonda {
		t.Errorf("symbols=HMC after symbols=NSANY: %+v, want the Honda article", got.Data)
	}
	as := fixtureArticles()
	late := &news.Article{Title: "Nissan names a new chief", Text: "Nissan named a new chief executive.",
		Published: fixtureBase.Add(time.Hour), Annotation: as[4].Annotation}
	if _, err := f.store.SaveArticle(ctx, late); err != nil {
		t.Fatal(err)
	}
	after := fetch("symbols=NSANY")
	if after.Meta.Found != first.Meta.Found+1 || after.Data[0].Title != late.Title {
		t.Errorf("after a new article: found %d (was %d), first %q; want it counted and first", after.Meta.Found, first.Meta.Found, after.Data[0].Title)
	}
	if err := f.store.UpdateAnnotation(ctx, late.UUID, as[1].Annotation, ""); err != nil {
		t.Fatal(err)
	}
	if got := fetch("symbols=NSANY"); got.Meta.Found != first.Meta.Found {
		t.Errorf("after the new article names another company: found %d, want %d", got.Meta.Found, first.Meta.Found)
	}
}

// TestNewsAllArticleCache checks that responses made from kept articles
// are byte for byte those made afresh, also after articles change.
func TestNewsAllArticleCache(t *testing.T) {
	f := newFixtureWith(t, "", &api.Server{KeyCheckInterval: -1, ArticleCache: 1 << 20})
	plain := &api.Server{KeyCheckInterval: -1, Store: f.store}
	mux := http.NewServeMux()
	plain.Register(mux)
	fresh := httptest.NewServer(mux)
	t.Cleanup(fresh.Close)
	queries := []string{"symbols=NSANY", "symbols=7201.XTKS", "symbols=HMC,NSANY", "symbols=7267", "limit=2&page=2",
		"language=en&limit=3", "countries=jp", "search=nissan", "symbols=NSANY&sort=entity_match_score",
		"symbols=NSANY&filter_entities=true&countries=tw", "symbols=NSANY&group_similar=true", "symbols=NONE",
		"sort=published_on&sort_order=asc", "page=9", "search=%22", "cursor=bad"}
	compare := func(when string) {
		t.Helper()
		for range 2 { // the second time from kept articles
			for _, q := range queries {
				wantCode, _, want := get(t, fresh.URL+"/v1/news/all?"+q)
				code, _, got := get(t, f.srv.URL+"/v1/news/all?"+q)
				if diff := cmp.Diff(string(want), string(got)); diff != "" || code != wantCode {
					t.Errorf("%s: %s: status %d, want %d (-fresh +kept):\n%s", when, q, code, wantCode, diff)
				}
			}
		}
	}
	compare("at first")
	ctx := context.Background()
	as := fixtureArticles()
	ann := as[0].Annotation
	ann.Companies = append([]news.Company{company("Renault <SA>", "FR", "Autos", 0.97, 0.3, news.Listing{Symbol: "RNO", MIC: "XPAR"})},
		ann.Companies...)
	if err := f.store.UpdateAnnotation(ctx, f.ids[fxTalks], ann, "s2"); err != nil {
		t.Fatal(err)
	}
	if err := f.store.UpdateAnnotation(ctx, f.ids[fxRecall], as[1].Annotation, ""); err != nil {
		t.Fatal(err)
	}
	queries = append(queries, "symbols=RNO")
	compare("after re-annotation")
}
