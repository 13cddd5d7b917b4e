package api_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
)

// TestKeysSeeOnlyTheirOwnWatchlists has key A own a watchlist with a
// webhook and a delivered alert, and key B try every way to see or change
// it: list, get, update, delete, its deliveries, and guessing IDs. B gets
// nothing of A's (not even its name in an error), A's watchlist is
// unchanged, and a request without a key is refused once keys exist.
func TestKeysSeeOnlyTheirOwnWatchlists(t *testing.T) {
	f := newFixture(t, "")
	alice, _ := createKey(t, f.store, 0)
	bob, _ := createKey(t, f.store, 0)
	base := f.srv.URL + "/v1/watchlists"
	secretName, secretHook, secret := "Alice secret list", "https://hooks.alice.example/x", "alice-webhook-secret"
	code, out := send(t, "POST", base, alice, map[string]any{"name": secretName, "symbols": []string{"AAPL"},
		"webhook_url": secretHook, "webhook_secret": secret})
	if code != http.StatusCreated {
		t.Fatalf("create: %d %s", code, out)
	}
	wls, err := f.store.Watchlists(context.Background())
	if err != nil || len(wls) != 1 {
		t.Fatalf("%d watchlists, %v", len(wls), err)
	}
	id := wls[0].ID
	alert := &store.Alert{WatchlistID: id, ArticleUUID: f.ids[fxApple], Status: "delivered", Attempts: 1, Created: time.Now()}
	if _, err := f.store.CreateAlert(context.Background(), alert); err != nil {
		t.Fatal(err)
	}
	if err := f.store.AddDeliveryAttempt(context.Background(), store.DeliveryAttempt{AlertID: alert.ID, Attempt: 1, At: time.Now(), StatusCode: 200}); err != nil {
		t.Fatal(err)
	}
	own := base + "/" + strconv.FormatInt(id, 10)
	if code, out := send(t, "GET", own+"/deliveries", alice, nil); code != 200 || !strings.Contains(string(out), f.ids[fxApple]) {
		t.Fatalf("alice's deliveries: %d %s", code, out)
	}

	leaks := func(what string, body []byte) {
		for _, s := range []string{secretName, secretHook, secret, f.ids[fxApple]} {
			if strings.Contains(string(body), s) {
				t.Errorf("%s shows bob %q", what, s)
			}
		}
	}
	code, out = send(t, "GET", base, bob, nil)
	if code != 200 {
		t.Errorf("bob's list: %d", code)
	}
	leaks("bob's list", out)
	for probe := int64(0); probe <= id+3; probe++ {
		u := base + "/" + strconv.FormatInt(probe, 10)
		for _, req := range []struct {
			method, url string
			body        any
		}{
			{"GET", u, nil}, {"GET", u + "/deliveries", nil},
			{"PUT", u, map[string]any{"name": "taken over", "webhook_url": "https://evil.example/", "webhook_secret": "x"}},
			{"DELETE", u, nil},
		} {
			code, out := send(t, req.method, req.url, bob, req.body)
			if code != http.StatusNotFound {
				t.Errorf("bob %s %s: %d %s, want 404", req.method, req.url, code, out)
			}
			leaks("bob "+req.method+" "+req.url, out)
		}
	}
	after, err := f.store.Watchlist(context.Background(), id)
	if err != nil || after.Name != secretName || after.Webhook.URL != secretHook || after.Webhook.Secret != secret {
		t.Errorf("alice's watchlist changed by bob: %+v, %v", after, err)
	}
	if code, out := send(t, "GET", own, "", nil); code != http.StatusUnauthorized {
		t.Errorf("no key, with keys in use: %d %s", code, out)
	}
	if code, _ := send(t, "GET", own, alice+"x", nil); code != http.StatusUnauthorized {
		t.Errorf("a wrong key: %d", code)
	}
}
