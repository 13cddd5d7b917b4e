package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/extract"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

func newTestPipeline(t *testing.T) *Pipeline {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &Pipeline{Store: st, Annotator: pipeline.New(nil)}
}

func TestIngestSeedPageIsIdempotent(t *testing.T) {
	ctx := context.Background()
	p := newTestPipeline(t)
	seed := testutil.SharedFile(t, "seed/nissan-foxconn.txt")

	first := p.IngestFile(ctx, FileReader{}, seed)
	if first.Err != nil || first.Items != 18 || first.New != 18 {
		t.Fatalf("first ingest = %+v, want 18 items, 18 new", first)
	}
	second := p.IngestFile(ctx, FileReader{}, seed)
	if second.Err != nil || second.Items != 18 || second.New != 0 {
		t.Fatalf("second ingest = %+v, want 18 items, 0 new", second)
	}

	articles, err := p.Store.SearchArticles(ctx, store.Query{Kind: news.KindArticle})
	if err != nil {
		t.Fatal(err)
	}
	if articles.Found != 1 {
		t.Fatalf("found %d articles, want 1", articles.Found)
	}
	page := articles.Articles[0]
	headlines, err := p.Store.SearchArticles(ctx, store.Query{ParentUUID: page.UUID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if headlines.Found != 17 {
		t.Errorf("found %d headlines linked to the page, want 17", headlines.Found)
	}
	for _, h := range headlines.Articles {
		if h.Kind != news.KindHeadline || h.Text != "" {
			t.Errorf("headline item %q: kind %q, text %q", h.Title, h.Kind, h.Text)
		}
	}
	var symbols []string
	for _, c := range page.Annotation.Companies {
		for _, l := range c.Listings {
			symbols = append(symbols, l.Key())
		}
	}
	for _, want := range []string{"NSANY.OTCM", "601138.XSHG"} {
		if !contains(symbols, want) {
			t.Errorf("article listings %v lack %s", symbols, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestIngestFilesReportsBadOnesAndGoesOn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.jsonl", `{"id":"1","title":"Apple beats estimates","text":"Apple Inc. reported record revenue.","published":"2025-01-30T21:00:00Z"}
not json
{"id":"3","title":"Tesla recalls cars","published":"yesterday"}
{"id":"4","title":"Microsoft raises dividend"}
`)
	write("b.json", `{"data":[{"title":"Nvidia shares jump","description":"Chip demand.","url":"https://example.com/nvda"}]}`)
	write("broken.json", `{"data":[`)
	write("page.html", `<html><head><title>Foxconn to build EVs for Nissan | Example News</title>
<link rel="canonical" href="https://news.example.com/foxconn-nissan?utm_source=x"></head>
<body><article><h1>Foxconn to build EVs for Nissan</h1>`+strings.Repeat(`<p>Foxconn agreed to build electric vehicles for Nissan Motor at its Oppama plant in Japan, the companies said on Tuesday.</p>`, 4)+`</article></body></html>`)
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("sub/more.txt", "Tesla Cuts Prices Again\nGM Raises Guidance\n")

	p := newTestPipeline(t)
	reader := FileReader{Extract: extract.Article}
	type result struct {
		Items, New int
		Failed     bool
	}
	got := map[string]result{}
	Walk(dir, func(path string, err error) {
		if err != nil {
			t.Fatal(err)
		}
		rep := p.IngestFile(ctx, reader, path)
		got[filepath.Base(path)] = result{rep.Items, rep.New, rep.Err != nil}
	})
	want := map[string]result{
		"a.jsonl":     {Items: 2, New: 2, Failed: true},
		"b.json":      {Items: 1, New: 1},
		"broken.json": {Failed: true},
		"page.html":   {Items: 1, New: 1},
		"more.txt":    {Items: 1, New: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
	res, err := p.Store.SearchArticles(ctx, store.Query{Search: "Oppama"})
	if err != nil || res.Found != 1 {
		t.Fatalf("HTML page not searchable: %d found, %v", res.Found, err)
	}
	a := res.Articles[0]
	if a.Title != "Foxconn to build EVs for Nissan" || a.CanonicalURL != "https://news.example.com/foxconn-nissan" {
		t.Errorf("extracted title %q, canonical URL %q", a.Title, a.CanonicalURL)
	}
}
