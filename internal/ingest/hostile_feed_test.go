package ingest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/fetch"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// hostileFeeds are feed documents built to hurt a parser.
var hostileFeeds = map[string]struct {
	body   string
	stored int // articles it must yield; -1: the poll must fail
}{
	"invalid-utf8": {`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Sony ` + "\xff\xfe\xc3\x28" + ` rises</title><link>http://x.example/1</link><description>Sony` + "\xed\xa0\x80" + ` said.</description></item></channel></rss>`, 1},
	"nested-xml":   {`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Deep</title><link>http://x.example/2</link><description>` + strings.Repeat("<a>", 100_000) + strings.Repeat("</a>", 100_000) + `</description></item></channel></rss>`, 1},
	"nested-html": {`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Toyota deep</title><link>http://x.example/3</link><description>` +
		strings.Repeat("&lt;div&gt;", 100_000) + `Toyota said.` + `</description></item></channel></rss>`, 1},
	"huge-line": {`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Apple long</title><link>http://x.example/4</link><description>` +
		strings.Repeat("Apple revenue rose. ", 100_000) + `</description></item></channel></rss>`, 1},
	"nested-json": {`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `}`, -1},
	"entity-expansion": {`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>` +
		`<rss version="2.0"><channel><title>t</title><item><title>Billion laughs &d;</title><link>http://x.example/5</link></item></channel></rss>`, -2},
}

// TestPollHostileFeeds polls each hostile feed: no panic, no hang, a clear
// failure recorded on the source or the items stored as valid UTF-8.
func TestPollHostileFeeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, hostileFeeds[strings.TrimPrefix(r.URL.Path, "/")].body)
	}))
	defer srv.Close()
	for name, tt := range hostileFeeds {
		t.Run(name, func(t *testing.T) {
			p := newTestPipeline(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			src := news.Source{Kind: SourceFeed, URL: srv.URL + "/" + name, Name: name, Interval: time.Hour}
			if err := p.Store.SaveSource(ctx, &src); err != nil {
				t.Fatal(err)
			}
			poller := &Poller{Store: p.Store, Pipeline: p, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Client: fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true})}
			_, err := poller.Poll(ctx, &src)
			if ctx.Err() != nil {
				t.Fatal("the poll hung")
			}
			res, serr := p.Store.SearchArticles(ctx, store.Query{})
			if serr != nil {
				t.Fatal(serr)
			}
			switch {
			case tt.stored == -1 && (err == nil || src.LastError == ""):
				t.Errorf("poll = %v, want a failure recorded on the source", err)
			case tt.stored == -2 && (err == nil && res.Found > 0 && len(res.Articles[0].Title) > 1000):
				t.Errorf("entities expanded into a %d-byte title", len(res.Articles[0].Title))
			case tt.stored >= 0 && (err != nil || res.Found != tt.stored):
				t.Errorf("poll = %v, %d stored; want %d", err, res.Found, tt.stored)
			}
			for _, a := range res.Articles {
				if len(a.Title) > MaxTitleBytes || len(a.Text) > MaxTextBytes {
					t.Errorf("stored a %d-byte title and %d-byte text", len(a.Title), len(a.Text))
				}
				if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Text) {
					t.Errorf("stored invalid UTF-8: %q", a.Title)
				}
			}
		})
	}
}
