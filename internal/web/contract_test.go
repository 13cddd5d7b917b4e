package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// contractAPI serves /v1/stream and /v1/watchlists in the shapes app.js
// expects, in memory, so the browser tests can check the script itself
// whether or not the real API is on this branch:
//
//   - GET /v1/stream: Server-Sent Events "article", each data an article as
//     /v1/news/all gives it (api.NewsArticle).
//   - GET /v1/watchlists: {"data": [watchlist...]}; POST /v1/watchlists with
//     a watchlist {name, symbols, searches, events, sentiment_gte?,
//     sentiment_lte?, webhook_url?} answers 201 and the watchlist with its id.
//   - GET /v1/watchlists/{id}/deliveries: {"data": [delivery...]}, each
//     {id, article_uuid, status, attempts, last_error?, created_at, delivered_at?}.
type contractAPI struct {
	mu         sync.Mutex
	watchlists []map[string]any
	subs       map[chan news.Article]bool
}

func (c *contractAPI) register(_ store.Store, p *ingest.Pipeline, mux *http.ServeMux) {
	c.subs = map[chan news.Article]bool{}
	p.OnStored = func(a *news.Article) {
		c.mu.Lock()
		defer c.mu.Unlock()
		for ch := range c.subs {
			select {
			case ch <- *a:
			default:
			}
		}
	}
	mux.HandleFunc("GET /v1/stream", c.stream)
	mux.HandleFunc("GET /v1/watchlists", func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		defer c.mu.Unlock()
		writeTestJSON(w, http.StatusOK, map[string]any{"data": c.watchlists})
	})
	mux.HandleFunc("POST /v1/watchlists", func(w http.ResponseWriter, r *http.Request) {
		var wl map[string]any
		if err := json.NewDecoder(r.Body).Decode(&wl); err != nil || wl["name"] == "" {
			writeTestJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"code": "malformed_parameters", "message": "bad watchlist"}})
			return
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		wl["id"] = len(c.watchlists) + 1
		c.watchlists = append(c.watchlists, wl)
		writeTestJSON(w, http.StatusCreated, wl)
	})
	mux.HandleFunc("GET /v1/watchlists/{id}/deliveries", func(w http.ResponseWriter, r *http.Request) {
		writeTestJSON(w, http.StatusOK, map[string]any{"data": []map[string]any{
			{"id": 1, "created_at": "2026-03-01T09:00:00Z", "delivered_at": "2026-03-01T09:00:05Z",
				"article_uuid": "00000000-0000-0000-0000-000000000001", "status": "delivered", "attempts": 2},
			{"id": 2, "created_at": "2026-03-01T10:00:00Z", "article_uuid": "00000000-0000-0000-0000-000000000002",
				"status": "failed", "attempts": 5, "last_error": "HTTP 500 from the webhook"}}})
	})
}

func (c *contractAPI) stream(w http.ResponseWriter, r *http.Request) {
	ch := make(chan news.Article, 16)
	c.mu.Lock()
	c.subs[ch] = true
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.subs, ch)
		c.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": connected\n\n")
	w.(http.Flusher).Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case a := <-ch:
			data, _ := json.Marshal(api.ToNewsArticle(&a, nil))
			fmt.Fprintf(w, "id: %s\nevent: article\ndata: %s\n\n", a.UUID, data)
			w.(http.Flusher).Flush()
		}
	}
}

func writeTestJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// TestBrowserScriptContract runs the live headlines and the watchlist form
// of app.js against contractAPI.
func TestBrowserScriptContract(t *testing.T) {
	c := &contractAPI{}
	s := newSiteWith(t, c.register)
	b := newBrowser(t)

	seeLiveArticle(t, s, b)
	createWatchlist(t, s, b)
	c.mu.Lock()
	got := c.watchlists
	c.mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("watchlists posted: %v", got)
	}
	sent, _ := json.Marshal(got[0])
	want := `{"events":["partnership"],"id":1,"name":"Japanese carmakers","searches":["EV platform"],"sentiment_gte":0.2,"symbols":["7201.XTKS","7267.XTKS"]}`
	if string(sent) != want {
		t.Errorf("posted watchlist\n%s\nwant\n%s", sent, want)
	}
	b.do(t, "see the deliveries", chromedp.Navigate(s.URL+"/watchlists"), chromedp.WaitVisible(chromedp.CSS(`#watchlists table.deliveries`)))
	if list := b.text(t, "#watchlists"); !strings.Contains(list, "delivered") || !strings.Contains(list, "failed: HTTP 500 from the webhook") {
		t.Errorf("watchlists lack the deliveries:\n%s", list)
	}
	b.noExceptions(t)
}
