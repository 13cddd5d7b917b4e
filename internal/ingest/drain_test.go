package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
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

// flakyStore fails to save the articles whose URL ends in failSuffix while
// failing is set, as a store that is busy or down does.
type flakyStore struct {
	store.Store
	failing    bool
	failSuffix string
}

func (s *flakyStore) SaveArticle(ctx context.Context, a *news.Article) (bool, error) {
	if s.failing && strings.HasSuffix(a.URL, s.failSuffix) {
		return false, errors.New("database is locked (SQLITE_BUSY)")
	}
	return s.Store.SaveArticle(ctx, a)
}

// TestPollWithStoreFaultLosesNothing has one item of a feed fail to store:
// the poll fails and keeps no validators, so the next poll (with the store
// back) fetches the feed in full and stores the item, instead of hearing
// "not modified" and losing it.
func TestPollWithStoreFaultLosesNothing(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
		for i := 0; i < 5; i++ {
			fmt.Fprintf(w, `<item><title>Sony item %d</title><link>http://%s/a/%d</link><description>Sony said item %d.</description></item>`, i, r.Host, i, i)
		}
		fmt.Fprint(w, `<item><title> </title></item></channel></rss>`) // an empty item is no failure
	}))
	defer srv.Close()
	ctx := context.Background()
	p := newTestPipeline(t)
	flaky := &flakyStore{Store: p.Store, failing: true, failSuffix: "/a/2"}
	p.Store = flaky
	src := news.Source{Kind: SourceFeed, URL: srv.URL + "/feed", Name: "t", Interval: time.Hour}
	if err := p.Store.SaveSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	poller := &Poller{Store: p.Store, Pipeline: p, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Client: fetch.New(fetch.Options{AllowPrivate: true, IgnoreRobots: true, PerHost: time.Millisecond})}

	if _, err := poller.Poll(ctx, &src); err == nil || !strings.Contains(err.Error(), "1 of 6 item(s) not stored") {
		t.Errorf("poll with an item failing = %v, want a failed poll", err)
	}
	if src.ETag != "" || !src.LastSuccess.IsZero() || src.ConsecutiveFailures != 1 {
		t.Errorf("after the failed poll: ETag %q, last success %v, failures %d", src.ETag, src.LastSuccess, src.ConsecutiveFailures)
	}
	flaky.failing = false
	res, err := poller.Poll(ctx, &src)
	if err != nil || res.NotModified || res.New != 1 {
		t.Errorf("poll with the store back = %+v, %v; want the missed item stored", res, err)
	}
	stored, err := p.Store.SearchArticles(ctx, store.Query{})
	if err != nil || stored.Found != 5 {
		t.Errorf("%d articles stored (%v), want 5", stored.Found, err)
	}
	if res, err := poller.Poll(ctx, &src); err != nil || !res.NotModified {
		t.Errorf("third poll = %+v, %v; want not modified once all is stored", res, err)
	}
}
