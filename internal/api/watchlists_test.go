package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/api"
)

func send(t *testing.T, method, url, token string, body any) (int, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestWatchlistAPI(t *testing.T) {
	f := newFixture(t, "")
	alice, _ := createKey(t, f.store, 0)
	bob, _ := createKey(t, f.store, 0)
	base := f.srv.URL + "/v1/watchlists"

	// what the web UI's form posts
	body := map[string]any{"name": "Japanese carmakers", "symbols": []string{"7201.xtks", "7267.XTKS"},
		"searches": []string{"EV platform"}, "events": []string{"partnership"}, "sentiment_lte": 0.5,
		"webhook_url": "https://hooks.example.com/x", "webhook_secret": "s3cret"}
	code, out := send(t, "POST", base, alice, body)
	if code != http.StatusCreated {
		t.Fatalf("create: %d %s", code, out)
	}
	var created api.WatchlistJSON
	if err := json.Unmarshal(out, &created); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"7201.XTKS", "7267.XTKS"}, created.Symbols); diff != "" || created.WebhookSecret != "" || !created.WebhookSecretSet {
		t.Errorf("created %+v (symbols -want +got:\n%s)", created, diff)
	}
	id := base + "/" + itoa(created.ID)
	var list struct{ Data []api.WatchlistJSON }
	_, out = send(t, "GET", base, alice, nil)
	_ = json.Unmarshal(out, &list)
	if len(list.Data) != 1 || list.Data[0].Name != "Japanese carmakers" {
		t.Errorf("alice's list %s", out)
	}
	_, out = send(t, "GET", base, bob, nil)
	_ = json.Unmarshal(out, &list)
	if len(list.Data) != 0 {
		t.Errorf("bob sees alice's watchlists: %s", out)
	}
	for _, m := range []string{"GET", "DELETE"} {
		if code, _ := send(t, m, id, bob, nil); code != http.StatusNotFound {
			t.Errorf("bob %s alice's watchlist: %d", m, code)
		}
	}
	body["name"] = "Renamed"
	delete(body, "webhook_secret")
	if code, out := send(t, "PUT", id, alice, body); code != 200 {
		t.Errorf("update: %d %s", code, out)
	}
	stored, err := f.store.Watchlist(context.Background(), created.ID)
	if err != nil || stored.Name != "Renamed" || stored.Webhook.Secret != "s3cret" {
		t.Errorf("after update: %+v, %v", stored, err)
	}
	bad := []map[string]any{
		{"name": "x", "events": []string{"party"}},
		{"name": ""},
		{"name": "x", "webhook_url": "ftp://x"},
		{"name": "x", "webhook_template": "{{.Article"},
		{"name": "x", "sentiment_gte": 3},
		{"name": "x", "colour": "red"},
	}
	for _, b := range bad {
		code, out := send(t, "POST", base, alice, b)
		var e struct {
			Error struct{ Code, Message string }
		}
		_ = json.Unmarshal(out, &e)
		if code != 400 || e.Error.Code != api.CodeMalformedParameters {
			t.Errorf("bad watchlist %v: %d %s", b, code, out)
		}
	}
	if code, _ := send(t, "DELETE", id, alice, nil); code != http.StatusNoContent {
		t.Errorf("delete: %d", code)
	}
	if code, _ := send(t, "GET", id, alice, nil); code != http.StatusNotFound {
		t.Errorf("deleted: %d", code)
	}
	if code, _ := send(t, "GET", base+"/abc", alice, nil); code != http.StatusNotFound {
		t.Errorf("bad id: %d", code)
	}
}

// TestAlertDeliveriesVisible: an article matching a loopback user's
// watchlist is delivered to its webhook and shows in /deliveries.
func TestAlertDeliveriesVisible(t *testing.T) {
	f := newFixture(t, "")
	got := make(chan []byte, 4)
	fails := 1
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if err := alert.Verify("k", r.Header.Get(alert.HeaderSignature), b, time.Now(), time.Minute); err != nil {
			t.Errorf("signature: %v", err)
		}
		if fails > 0 {
			fails--
			http.Error(w, "busy", http.StatusBadGateway)
			return
		}
		got <- b
	}))
	defer hook.Close()
	code, out := send(t, "POST", f.srv.URL+"/v1/watchlists", "", map[string]any{"name": "apple", "symbols": []string{"AAPL"},
		"webhook_url": hook.URL, "webhook_secret": "k"})
	if code != 201 {
		t.Fatalf("create: %d %s", code, out)
	}
	var w api.WatchlistJSON
	_ = json.Unmarshal(out, &w)
	ctx, cancel := context.WithCancel(context.Background())
	d := &alert.Dispatcher{Store: f.store, BaseDelay: 5 * time.Millisecond}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); d.Wait() }()
	a := liveArticle(t, f, "Apple raises its dividend", "AAPL")
	d.Notify(a)
	liveArticle(t, f, "Microsoft news", "MSFT") // not published to the dispatcher's watchlist
	select {
	case b := <-got:
		var p alert.Payload
		if err := json.Unmarshal(b, &p); err != nil || p.Article.UUID != a.UUID {
			t.Errorf("payload %s: %v", b, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery")
	}
	var deliveries struct{ Data []api.DeliveryJSON }
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		_, out = send(t, "GET", f.srv.URL+"/v1/watchlists/"+itoa(w.ID)+"/deliveries", "", nil)
		_ = json.Unmarshal(out, &deliveries)
		if len(deliveries.Data) == 1 && deliveries.Data[0].Status == "delivered" {
			break
		}
	}
	if len(deliveries.Data) != 1 {
		t.Fatalf("deliveries %s", out)
	}
	dl := deliveries.Data[0]
	if dl.ArticleUUID != a.UUID || dl.Attempts != 2 || len(dl.Log) != 2 || dl.Log[0].StatusCode != 502 || dl.Log[1].StatusCode != 200 || dl.DeliveredAt == nil {
		t.Errorf("delivery %+v", dl)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
