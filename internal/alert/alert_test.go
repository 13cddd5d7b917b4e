package alert_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
)

var published = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// nissanArticle names Nissan (two listings) with negative sentiment and a
// partnership event.
func nissanArticle() *news.Article {
	return &news.Article{
		Title: "Nissan in talks with Foxconn", Text: "Nissan Motor is in talks with Foxconn about electric vehicle production.",
		URL: "https://www.example.com/nissan", Published: published, Language: "en", SourceID: 4,
		Annotation: news.Annotation{
			Sentiment: news.SentimentOf(0.3),
			Companies: []news.Company{{Name: "Nissan Motor", Country: "JP", Industry: "Auto Manufacturers",
				Listings:   []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "NSANY", MIC: "OTCM"}},
				MatchScore: 0.9, Sentiment: news.SentimentOf(-0.4)}},
			Events: []news.Event{{Type: news.EventPartnership}},
		},
	}
}

func f(v float64) *float64 { return &v }

func TestFilter(t *testing.T) {
	a := nissanArticle()
	tests := []struct {
		name string
		q    store.Query
		want bool
	}{
		{"empty", store.Query{}, true},
		{"symbol", store.Query{Symbols: []string{"nsany"}}, true},
		{"symbol.mic", store.Query{Symbols: []string{"7201.XTKS"}}, true},
		{"other symbol", store.Query{Symbols: []string{"7203"}}, false},
		{"symbol on another mic", store.Query{Symbols: []string{"NSANY"}, Filters: store.Filters{MICs: []string{"XTKS"}}}, false},
		{"country", store.Query{Filters: store.Filters{Countries: []string{"jp"}}}, true},
		{"industry", store.Query{Filters: store.Filters{Industries: []string{"Banks"}}}, false},
		{"entity sentiment gte", store.Query{SentimentGTE: f(0)}, false},
		{"entity sentiment lte", store.Query{SentimentLTE: f(-0.3)}, true},
		{"match score", store.Query{MinMatchScore: 0.95}, false},
		{"entity type", store.Query{Filters: store.Filters{EntityTypes: []string{"etf"}}}, false},
		{"event", store.Query{Events: []string{"earnings", "partnership"}}, true},
		{"other event", store.Query{Events: []string{"earnings"}}, false},
		{"language", store.Query{Languages: []string{"de"}}, false},
		{"search", store.Query{Search: `"electric vehicle" -toyota`}, true},
		{"search miss", store.Query{Search: "toyota | honda"}, false},
		{"domain", store.Query{Filters: store.Filters{Domains: []string{"example.com"}}}, true},
		{"excluded domain", store.Query{Filters: store.Filters{ExcludeDomains: []string{"www.example.com"}}}, false},
		{"source", store.Query{Filters: store.Filters{SourceIDs: []int64{1, 2}}}, false},
		{"after", store.Query{PublishedAfter: published.Add(time.Second)}, false},
		{"before", store.Query{PublishedBefore: published}, true},
	}
	for _, tt := range tests {
		flt, err := alert.NewFilter(tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := flt.Match(a); got != tt.want {
			t.Errorf("%s: Match = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMatchWatchlist(t *testing.T) {
	a := nissanArticle()
	tests := []struct {
		name string
		w    store.Watchlist
		want bool
	}{
		{"everything", store.Watchlist{}, true},
		{"symbol", store.Watchlist{Symbols: []string{"NSANY"}}, true},
		{"search instead of symbol", store.Watchlist{Symbols: []string{"AAPL"}, Searches: []string{"foxconn"}}, true},
		{"neither", store.Watchlist{Symbols: []string{"AAPL"}, Searches: []string{"apple"}}, false},
		{"event", store.Watchlist{Symbols: []string{"7201.XTKS"}, Events: []string{news.EventPartnership}}, true},
		{"other event", store.Watchlist{Events: []string{news.EventEarnings}}, false},
		{"watched entity's sentiment", store.Watchlist{Symbols: []string{"NSANY"}, SentimentLTE: f(-0.2)}, true},
		{"watched entity's sentiment too high", store.Watchlist{Symbols: []string{"NSANY"}, SentimentGTE: f(0)}, false},
		{"article sentiment without symbols", store.Watchlist{Searches: []string{"nissan"}, SentimentGTE: f(0.2)}, true},
	}
	for _, tt := range tests {
		if got := alert.MatchWatchlist(&tt.w, a); got != tt.want {
			t.Errorf("%s: MatchWatchlist = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCheckWatchlist(t *testing.T) {
	good := store.Watchlist{Name: "autos", Symbols: []string{"NSANY"}, Events: []string{"earnings"},
		Webhook: store.Webhook{URL: "https://ntfy.example/autos", Template: "{{.Article.Title}}"}}
	if err := alert.CheckWatchlist(&good); err != nil {
		t.Errorf("good watchlist: %v", err)
	}
	for name, w := range map[string]store.Watchlist{
		"no name":      {},
		"bad event":    {Name: "x", Events: []string{"party"}},
		"bad search":   {Name: "x", Searches: []string{strings.Repeat("word ", 300)}},
		"bad url":      {Name: "x", Webhook: store.Webhook{URL: "ftp://x"}},
		"bad template": {Name: "x", Webhook: store.Webhook{URL: "https://x", Template: "{{.Article"}},
		"bad bound":    {Name: "x", SentimentGTE: f(2)},
	} {
		if err := alert.CheckWatchlist(&w); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestSignVerify(t *testing.T) {
	body := []byte(`{"alert_id":1}`)
	now := time.Unix(1_800_000_000, 0)
	sig := alert.Sign("k", now, body)
	if err := alert.Verify("k", sig, body, now.Add(time.Minute), 5*time.Minute); err != nil {
		t.Errorf("valid signature: %v", err)
	}
	for name, c := range map[string]struct {
		secret, header string
		body           []byte
		at             time.Time
	}{
		"other secret":   {"x", sig, body, now},
		"other body":     {"k", sig, []byte(`{"alert_id":2}`), now},
		"stale":          {"k", sig, body, now.Add(time.Hour)},
		"malformed":      {"k", "v1=abc", body, now},
		"missing header": {"k", "", body, now},
	} {
		if err := alert.Verify(c.secret, c.header, c.body, c.at, 5*time.Minute); err == nil {
			t.Errorf("%s: verified", name)
		}
	}
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// receiver is a webhook endpoint that verifies signatures and fails the
// first failures requests.
type receiver struct {
	t        *testing.T
	secret   string
	failures int

	mu       sync.Mutex
	requests int
	got      [][]byte // accepted bodies
	headers  []http.Header
	done     chan struct{}
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := alert.Verify(rc.secret, r.Header.Get(alert.HeaderSignature), body, time.Now(), time.Minute); err != nil {
		rc.t.Errorf("receiver: %v", err)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.requests++
	if rc.requests <= rc.failures {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	rc.got = append(rc.got, body)
	rc.headers = append(rc.headers, r.Header.Clone())
	close(rc.done)
}

func startDispatcher(t *testing.T, st store.Store) *alert.Dispatcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	d := &alert.Dispatcher{Store: st, BaseDelay: 5 * time.Millisecond, MaxAttempts: 6}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); d.Wait() })
	return d
}

// waitAlert waits for the only alert to reach status.
func waitAlert(t *testing.T, st store.Store, status string) store.Alert {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		alerts, err := st.Alerts(context.Background(), store.AlertQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(alerts) > 1 {
			t.Fatalf("%d alerts, want 1", len(alerts))
		}
		if len(alerts) == 1 && alerts[0].Status == status {
			return alerts[0]
		}
	}
	t.Fatalf("no alert became %s", status)
	return store.Alert{}
}

func waitFor(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery")
	}
}

// TestWebhookRetriesUntilDelivered: a receiver failing 3 times gets the
// alert once, and the log shows all 4 attempts.
func TestWebhookRetriesUntilDelivered(t *testing.T) {
	st := openStore(t)
	rc := &receiver{t: t, secret: "s3cret", failures: 3, done: make(chan struct{})}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	w := &store.Watchlist{Name: "autos", Symbols: []string{"NSANY"}, Webhook: store.Webhook{URL: srv.URL, Secret: rc.secret}}
	other := &store.Watchlist{Name: "banks", Symbols: []string{"JPM"}, Webhook: store.Webhook{URL: srv.URL, Secret: rc.secret}}
	for _, wl := range []*store.Watchlist{w, other} {
		if err := st.SaveWatchlist(context.Background(), wl); err != nil {
			t.Fatal(err)
		}
	}
	d := startDispatcher(t, st)
	a := nissanArticle()
	if _, err := st.SaveArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	d.Notify(a)
	d.Notify(a) // the same article again (e.g. a second replica): still one alert
	waitFor(t, rc.done)

	delivered := waitAlert(t, st, store.AlertDelivered)
	if delivered.Attempts != 4 || delivered.WatchlistID != w.ID {
		t.Fatalf("alert = %+v", delivered)
	}
	time.Sleep(50 * time.Millisecond) // no late duplicate
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.got) != 1 || rc.requests != 4 {
		t.Fatalf("receiver accepted %d alerts in %d requests, want 1 in 4", len(rc.got), rc.requests)
	}
	var p alert.Payload
	if err := json.Unmarshal(rc.got[0], &p); err != nil {
		t.Fatal(err)
	}
	want := alert.Payload{AlertID: delivered.ID, Watchlist: alert.PayloadList{ID: w.ID, Name: "autos"},
		Article: alert.PayloadArticle{UUID: a.UUID, Title: a.Title, Description: a.Description, URL: a.URL, Language: "en",
			PublishedAt: published, Sentiment: 0.3, Symbols: []string{"7201.XTKS", "NSANY.OTCM"}, Events: []string{"partnership"}}}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("payload (-want +got):\n%s", diff)
	}
	if rc.headers[0].Get(alert.HeaderAttempt) != "4" || rc.headers[0].Get(alert.HeaderDelivery) == "" {
		t.Errorf("headers %v", rc.headers[0])
	}
	attempts, err := st.DeliveryAttempts(context.Background(), delivered.ID)
	if err != nil {
		t.Fatal(err)
	}
	var codes []int
	for _, at := range attempts {
		codes = append(codes, at.StatusCode)
	}
	if diff := cmp.Diff([]int{503, 503, 503, 200}, codes); diff != "" {
		t.Errorf("delivery log status codes (-want +got):\n%s", diff)
	}
}

func TestWebhookTemplate(t *testing.T) {
	st := openStore(t)
	got := make(chan string, 1)
	var contentType string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		contentType = r.Header.Get("Content-Type")
		got <- string(body)
	}))
	defer srv.Close()
	w := &store.Watchlist{Name: "ntfy", Searches: []string{"foxconn"}, Webhook: store.Webhook{URL: srv.URL,
		Template: `{{.Watchlist.Name}}: {{.Article.Title}} [{{range $i, $s := .Article.Symbols}}{{if $i}} {{end}}{{$s}}{{end}}]`}}
	if err := st.SaveWatchlist(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	d := startDispatcher(t, st)
	a := nissanArticle()
	if _, err := st.SaveArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	d.Notify(a)
	select {
	case body := <-got:
		if want := "ntfy: Nissan in talks with Foxconn [7201.XTKS NSANY.OTCM]"; body != want || contentType != "text/plain; charset=utf-8" {
			t.Errorf("body %q (%s), want %q", body, contentType, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery")
	}
	waitAlert(t, st, store.AlertDelivered)
}

// TestWebhookGivesUp: a receiver that always fails gets MaxAttempts tries,
// then the alert is failed.
func TestWebhookGivesUp(t *testing.T) {
	st := openStore(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", 500) }))
	defer srv.Close()
	w := &store.Watchlist{Name: "x", Webhook: store.Webhook{URL: srv.URL}}
	if err := st.SaveWatchlist(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	d := startDispatcher(t, st)
	a := nissanArticle()
	if _, err := st.SaveArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	d.Notify(a)
	failed := waitAlert(t, st, store.AlertFailed)
	if failed.Attempts != 6 || failed.LastError != "HTTP 500" {
		t.Errorf("failed alert %+v", failed)
	}
}

func TestHubReplay(t *testing.T) {
	h := alert.NewHub(3)
	var ids []uint64
	for i := range 5 {
		ids = append(ids, h.Publish(&news.Article{Title: string(rune('a' + i))}).ID)
	}
	missed, _, cancel := h.Subscribe(ids[2])
	defer cancel()
	var got []string
	for _, ev := range missed {
		got = append(got, ev.Article.Title)
	}
	if diff := cmp.Diff([]string{"d", "e"}, got); diff != "" {
		t.Errorf("replay after the 3rd (-want +got):\n%s", diff)
	}
	_, ch, cancel2 := h.Subscribe(0)
	h.Publish(&news.Article{Title: "f"})
	if ev := <-ch; ev.Article.Title != "f" || ev.ID != ids[4]+1 {
		t.Errorf("live event %+v", ev)
	}
	cancel2()
	if _, open := <-ch; open {
		t.Error("channel open after cancel")
	}
}
