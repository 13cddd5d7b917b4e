package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/store"
)

func getWith(t *testing.T, url string, header http.Header) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func errorCode(t *testing.T, url string, header http.Header) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct {
		Error struct{ Code string } `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&e)
	return resp.StatusCode, e.Error.Code
}

func createKey(t *testing.T, st store.Store, rateLimit int) (string, store.APIKey) {
	t.Helper()
	token, key := api.NewAPIKey("test", rateLimit)
	if err := st.CreateAPIKey(context.Background(), &key); err != nil {
		t.Fatal(err)
	}
	return token, key
}

func TestAuth(t *testing.T) {
	remote := newFixture(t, "203.0.113.9") // a client elsewhere on the network
	local := newFixture(t, "")
	news := "/v1/news/all?limit=1"
	if code, _ := errorCode(t, local.srv.URL+news, nil); code != 200 {
		t.Errorf("loopback without keys: status %d", code)
	}
	if code, ec := errorCode(t, remote.srv.URL+news, nil); code != 403 || ec != api.CodeEndpointRestricted {
		t.Errorf("remote without keys: %d %s", code, ec)
	}
	if code, _ := errorCode(t, remote.srv.URL+"/healthz", nil); code != 200 {
		t.Errorf("healthz is public: %d", code)
	}
	token, key := createKey(t, remote.store, 0)
	bearer := http.Header{"Authorization": {"Bearer " + token}}
	tests := []struct {
		name   string
		url    string
		header http.Header
		status int
		code   string
	}{
		{"no key", news, nil, 401, api.CodeInvalidAPIToken},
		{"api_token", news + "&api_token=" + token, nil, 200, ""},
		{"bearer", news, bearer, 200, ""},
		{"polygon apiKey", "/v2/reference/news?apiKey=" + token, nil, 200, ""},
		{"feed with api_token", "/feeds/news.atom?api_token=" + token, nil, 200, ""},
		{"wrong secret, right prefix", news + "&api_token=" + token[:len(token)-4] + "abcd", nil, 401, api.CodeInvalidAPIToken},
		{"garbage", news + "&api_token=hunter2", nil, 401, api.CodeInvalidAPIToken},
		{"unknown endpoint", "/v1/nope", bearer, 404, api.CodeInvalidEndpoint},
	}
	for _, tt := range tests {
		code, ec := errorCode(t, remote.srv.URL+tt.url, tt.header)
		if code != tt.status || ec != tt.code {
			t.Errorf("%s: %d %q, want %d %q", tt.name, code, ec, tt.status, tt.code)
		}
	}
	if err := remote.store.RevokeAPIKey(context.Background(), key.ID); err != nil {
		t.Fatal(err)
	}
	if code, ec := errorCode(t, remote.srv.URL+news, bearer); code != 401 || ec != api.CodeInvalidAPIToken {
		t.Errorf("revoked key: %d %s", code, ec)
	}
	if code, ec := errorCode(t, remote.srv.URL+news, nil); code != 403 || ec != api.CodeEndpointRestricted {
		t.Errorf("only revoked keys left: remote %d %s, want loopback-only again", code, ec)
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, "")
	token, _ := createKey(t, f.store, 3) // 3 a minute
	other, _ := createKey(t, f.store, 0)
	h := http.Header{"Authorization": {"Bearer " + token}}
	for i := 3; i >= 1; i-- {
		code, hdr, _ := getWith(t, f.srv.URL+"/v1/news/all", h)
		if code != 200 || hdr.Get("X-RateLimit-Limit") != "3" || hdr.Get("X-RateLimit-Remaining") != strconv.Itoa(i-1) || hdr.Get("X-RateLimit-Reset") == "" {
			t.Errorf("request %d: %d, headers %v", 4-i, code, hdr)
		}
	}
	code, hdr, _ := getWith(t, f.srv.URL+"/v1/news/all", h)
	if code != http.StatusTooManyRequests || hdr.Get("Retry-After") == "" || hdr.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("4th request: %d, headers %v", code, hdr)
	}
	if code, ec := errorCode(t, f.srv.URL+"/v1/news/all", h); code != 429 || ec != api.CodeRateLimitReached {
		t.Errorf("error %d %s", code, ec)
	}
	if code, ec := errorCode(t, f.srv.URL+"/v1/news/all", http.Header{"Authorization": {"Bearer " + other}}); code != 200 {
		t.Errorf("another key is limited too: %d %s", code, ec)
	}
}
