package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/extract"
	"github.com/tickerwire/tickerwire/internal/fetch"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// benchmarkPages reads the article-extraction benchmark's pages: id → HTML.
func benchmarkPages(t *testing.T) map[string][]byte {
	t.Helper()
	dir := testutil.SharedFile(t, "data/eval/article-extraction-dev")
	raw, err := os.ReadFile(dir + "/ground-truth.json")
	if err != nil {
		t.Fatal(err)
	}
	var gt map[string]json.RawMessage
	if err := json.Unmarshal(raw, &gt); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	for id := range gt {
		f, err := os.Open(dir + "/html/" + id + ".html.gz")
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		pages[id] = b
	}
	return pages
}

// hostileSite serves a feed whose items link to real news pages, plus every
// kind of trouble a feed poller meets on the open web.
func hostileSite(t *testing.T, pages map[string][]byte) (*httptest.Server, *int) {
	t.Helper()
	ids := make([]string, 0, len(pages))
	for id := range pages {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	conditional := 0
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title><link>http://%s/</link><description>d</description>`, r.Host)
		for i, id := range ids {
			fmt.Fprintf(w, `<item><title>Item %d</title><link>http://%s/page/%s?utm_source=feed</link><description>Read more.</description></item>`, i, r.Host, id)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("GET /page/{id}", func(w http.ResponseWriter, r *http.Request) {
		b, ok := pages[r.PathValue("id")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(b)
	})
	mux.HandleFunc("GET /slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(3 * time.Second):
		}
	})
	mux.HandleFunc("GET /error.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("GET /forbidden.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "go away", http.StatusTooManyRequests)
	})
	mux.HandleFunc("GET /loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("GET /loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("GET /huge.xml", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("<item>x</item>"), 1<<16)
		w.Write([]byte("<rss><channel>"))
		for written := 0; written < 50<<20 && r.Context().Err() == nil; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("GET /bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zero := make([]byte, 1<<20)
		for i := 0; i < 1024; i++ { // 1 GiB of zeros, about 1 MB compressed
			zw.Write(zero)
		}
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes())
	})
	mux.HandleFunc("GET /invalid.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<rss><channel><item><title>unclosed & broken")
	})
	mux.HandleFunc("GET /latin1.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		body := "<html><head><title>M\xfcnchener R\xfcck erh\xf6ht Prognose</title></head><body><article><h1>M\xfcnchener R\xfcck erh\xf6ht Prognose</h1>" +
			strings.Repeat("<p>Der R\xfcckversicherer Munich Re hat seine Gewinnprognose f\xfcr das laufende Jahr erh\xf6ht, nachdem das dritte Quartal besser als erwartet ausfiel.</p>", 6) +
			"</article></body></html>"
		w.Write([]byte(body))
	})
	mux.HandleFunc("GET /private/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("robots.txt disallows %s, yet it was fetched", r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &conditional
}

func TestPollerOnTheHostileWeb(t *testing.T) {
	ctx := context.Background()
	pages := benchmarkPages(t)
	site, conditional := hostileSite(t, pages)
	p := newTestPipeline(t)
	client := fetch.New(fetch.Options{AllowPrivate: true, PerHost: time.Millisecond, Burst: 100, Timeout: 2 * time.Second, MaxBytes: 8 << 20})
	poller := &Poller{
		Store: p.Store, Pipeline: p, Client: client, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		FetchPage: func(ctx context.Context, pageURL string, headers map[string]string) (news.Article, error) {
			resp, err := client.Get(ctx, fetch.Request{URL: pageURL, Header: headers})
			if err != nil {
				return news.Article{}, err
			}
			return extract.HTTPArticle(resp.Body, resp.ContentType, resp.URL)
		},
	}
	type want struct {
		kind    string
		failing bool
		blocked bool
	}
	sources := map[string]want{
		"/feed.xml":         {kind: SourceFeed},
		"/slow.xml":         {kind: SourceFeed, failing: true},
		"/error.xml":        {kind: SourceFeed, failing: true},
		"/forbidden.xml":    {kind: SourceFeed, failing: true, blocked: true},
		"/loop/a":           {kind: SourceFeed, failing: true},
		"/huge.xml":         {kind: SourceFeed, failing: true},
		"/bomb.xml":         {kind: SourceFeed, failing: true},
		"/invalid.xml":      {kind: SourceFeed, failing: true},
		"/private/feed.xml": {kind: SourceFeed, failing: true},
		"/latin1.html":      {kind: SourcePage},
	}
	for path, w := range sources {
		src := news.Source{Kind: w.kind, URL: site.URL + path, Name: path, FullText: true, Interval: time.Hour}
		if err := p.Store.SaveSource(ctx, &src); err != nil {
			t.Fatal(err)
		}
	}
	poller.pollDue(ctx, 4)

	stored, err := p.Store.SearchArticles(ctx, store.Query{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// Every benchmark page once (pages whose text is identical count once), plus the Latin-1 page.
	if stored.Found < len(pages)-2 || stored.Found > len(pages)+1 {
		t.Errorf("stored %d articles from %d pages and 1 page source", stored.Found, len(pages))
	}
	var german *news.Article
	for i := range stored.Articles {
		a := &stored.Articles[i]
		if strings.Contains(a.CanonicalURL, "utm_source") {
			t.Errorf("canonical URL keeps a tracking parameter: %s", a.CanonicalURL)
		}
		if strings.HasSuffix(a.URL, "/latin1.html") {
			german = a
		}
	}
	if german == nil || !strings.Contains(german.Title, "Münchener Rück") {
		t.Errorf("the ISO-8859-1 page was not stored with its title decoded: %+v", german)
	}

	srcs, err := p.Store.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		w := sources[strings.TrimPrefix(s.URL, site.URL)]
		if w.failing != (s.LastError != "") || w.failing != (s.ConsecutiveFailures == 1) {
			t.Errorf("source %s: last error %q, failures %d; failing %v expected", s.Name, s.LastError, s.ConsecutiveFailures, w.failing)
		}
		if s.Blocked != w.blocked {
			t.Errorf("source %s: blocked %v, want %v", s.Name, s.Blocked, w.blocked)
		}
		if !w.failing && s.LastSuccess.IsZero() {
			t.Errorf("source %s: no last success recorded", s.Name)
		}
	}

	// A second poll of the unchanged feed sends a conditional request and stores nothing.
	for _, s := range srcs {
		if s.URL == site.URL+"/feed.xml" {
			s := s
			res, err := poller.Poll(ctx, &s)
			if err != nil || !res.NotModified || res.New != 0 {
				t.Errorf("re-poll: %+v, %v; want not modified", res, err)
			}
		}
	}
	if *conditional != 1 {
		t.Errorf("%d conditional requests answered 304, want 1", *conditional)
	}
	again, _ := p.Store.SearchArticles(ctx, store.Query{Limit: 1})
	if again.Found != stored.Found {
		t.Errorf("re-poll changed the count from %d to %d", stored.Found, again.Found)
	}
}
