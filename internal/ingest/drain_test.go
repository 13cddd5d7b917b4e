package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/fetch"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// TestPollFinishesArticleBegunBeforeShutdown cancels the poll while its
// first item is on its way into the store: that item is stored all the
// same, the poll stops before the next one, and the source is not marked
// as polled, so the rest is collected after a restart.
func TestPollFinishesArticleBegunBeforeShutdown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
		for i := 0; i < 5; i++ {
			fmt.Fprintf(w, `<item><title>Toyota item %d</title><link>http://%s/a/%d</link><description>Toyota said item %d.</description></item>`, i, r.Host, i, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()
	p := newTestPipeline(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := news.Source{Kind: SourceFeed, URL: srv.URL + "/feed", Name: "t", Interval: time.Hour}
	if err := p.Store.SaveSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	sinkCalls := 0
	poller := &Poller{
		Store: p.Store, Pipeline: p, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Client: fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true}),
		Sink: func(sinkCtx context.Context, a *news.Article) (bool, error) {
			sinkCalls++
			cancel() // shutdown arrives while the article is in flight
			return p.Add(sinkCtx, a)
		},
	}
	_, err := poller.Poll(ctx, &src)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("poll = %v, want context.Canceled", err)
	}
	if sinkCalls != 1 {
		t.Errorf("%d items handed on after shutdown began, want 1", sinkCalls)
	}
	res, err := p.Store.SearchArticles(context.Background(), store.Query{})
	if err != nil || res.Found != 1 {
		t.Fatalf("stored %d articles (%v), want the 1 in flight", res.Found, err)
	}
	srcs, err := p.Store.ListSources(context.Background())
	if err != nil || len(srcs) != 1 || !srcs[0].LastSuccess.IsZero() {
		t.Errorf("interrupted poll recorded as a success: %+v, %v", srcs, err)
	}
}
