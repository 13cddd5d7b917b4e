package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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
//   - GET /v1/watchlists/{id}/deliveries: {"data": [delivery...]}.
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
		wl["id"] = strconv.Itoa(len(c.watchlists) + 1)
		c.watchlists = append(c.watchlists, wl)
		writeTestJSON(w, http.StatusCreated, wl)
	})
	mux.HandleFunc("GET /v1/watchlists/{id}/deliveries", func(w http.ResponseWriter, r *http.Request) {
		writeTestJSON(w, http.StatusOK, map[string]any{"data": []map[string]any{
			{"created_at": "2026-03-01T09:00:00Z", "article_uuid": "00000000-0000-0000-0000-000000000001",
				"title": "A delivered alert", "status": "delivered", "attempts": 2}}})
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

	b.do(t, "open Latest and connect", chromedp.Navigate(s.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#live[data-state="open"]`)))
	title := fmt.Sprintf("Toyota opens a <b>battery</b> plant in Kyushu (%d)", time.Now().UnixNano())
	a := &news.Article{Title: title, Text: "Toyota Motor said it opened a solid-state battery plant in Kyushu.",
		URL: "https://example.com/live", Source: "Live Wire"}
	if _, err := s.Pipe.Add(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	b.do(t, "see the article arrive", chromedp.WaitVisible(chromedp.CSS(`#headlines li.fresh a.headline`)))
	if arrived := b.text(t, "#headlines li.fresh a.headline"); arrived != title {
		t.Errorf("live article %q, want %q", arrived, title)
	}
	if live := b.text(t, "#live"); !strings.Contains(live, "1 new") {
		t.Errorf("live status %q", live)
	}
	if n := b.count(t, "#headlines li.fresh b"); n != 0 {
		t.Errorf("the live title's markup became %d elements", n)
	}

	b.do(t, "create a watchlist",
		chromedp.Navigate(s.URL+"/watchlists"),
		chromedp.WaitVisible(chromedp.CSS(`#watchlists[data-state="ready"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="name"]`), "Japanese carmakers"),
		chromedp.SendKeys(chromedp.CSS(`input[name="symbols"]`), "7201.xtks, 7267.XTKS"),
		chromedp.SendKeys(chromedp.CSS(`input[name="searches"]`), "EV platform"),
		chromedp.Click(chromedp.CSS(`input[name="events"][value="partnership"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="sentiment_gte"]`), "0.2"),
		chromedp.Click(chromedp.CSS(`#watchlist-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#watchlist-status.ok`)),
		chromedp.WaitVisible(chromedp.CSS(`#watchlists table.deliveries`)))
	c.mu.Lock()
	got := c.watchlists
	c.mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("watchlists posted: %v", got)
	}
	sent, _ := json.Marshal(got[0])
	want := `{"events":["partnership"],"id":"1","name":"Japanese carmakers","searches":["EV platform"],"sentiment_gte":0.2,"symbols":["7201.XTKS","7267.XTKS"]}`
	if string(sent) != want {
		t.Errorf("posted watchlist\n%s\nwant\n%s", sent, want)
	}
	if list := b.text(t, "#watchlists"); !strings.Contains(list, "Japanese carmakers") || !strings.Contains(list, "A delivered alert") {
		t.Errorf("watchlists:\n%s", list)
	}
	b.do(t, "open its matching news",
		chromedp.Click(chromedp.Search(`//div[@id="watchlists"]//a[.="Matching news"]`)),
		chromedp.WaitVisible(chromedp.ID("results")))
	if results := b.text(t, "#results"); !strings.Contains(results, "joint EV platform") {
		t.Errorf("matching news:\n%s", results)
	}
	b.noExceptions(t)
}
