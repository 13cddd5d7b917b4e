package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
)

// FuzzNewsQuery sends any query string to /v1/news/all and
// /v2/reference/news over the fixture articles: the answer is a 200 with a
// page no longer than asked, or a 400 naming a malformed parameter; never a
// 500, a panic or anything but JSON.
func FuzzNewsQuery(f *testing.F) {
	for _, seed := range []string{
		"symbols=AAPL,7201.XTKS&language=en&limit=3",
		"search=" + url.QueryEscape(`nissan -recall | "EV platform"`) + "&sort=relevance_score",
		"published_after=2026-03-01T10:00&published_before=2026-03-02&page=2&limit=1",
		"filter_entities=true&must_have_entities=true&sentiment_gte=-0.5&sentiment_lte=0.5",
		"search=" + url.QueryEscape(`foo" OR 1=1 --`),
		"cursor=%FF%00&limit=0",
		"ticker=AAPL&published_utc.gte=2026-01-01&order=asc&sort=published_utc",
		"countries=jp,us&industries=Technology&domains=example.com&exclude_domains=x",
		"events=partnership,merger_acquisition&story=s1&group_similar=false",
		"limit=99999999999999999999999&page=-1",
	} {
		f.Add(seed)
	}
	st, err := sqlite.Open(context.Background(), f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	if _, err := st.SaveArticles(context.Background(), fixtureArticles()); err != nil {
		f.Fatal(err)
	}
	mux := http.NewServeMux()
	(&api.Server{Store: st, RateLimit: 1 << 30}).Register(mux)
	f.Fuzz(func(t *testing.T, rawQuery string) {
		for _, path := range []string{"/v1/news/all", "/v2/reference/news"} {
			req := &http.Request{Method: "GET", URL: &url.URL{Path: path, RawQuery: rawQuery}, Header: http.Header{},
				RemoteAddr: "127.0.0.1:1234", Host: "localhost"}
			req = req.WithContext(context.Background())
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, req)
			var body map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("%s?%s: %d, not JSON: %.300s", path, rawQuery, rec.Code, rec.Body.String())
			}
			switch rec.Code {
			case http.StatusOK:
				if path == "/v1/news/all" {
					meta, _ := body["meta"].(map[string]any)
					data, _ := body["data"].([]any)
					if limit, _ := meta["limit"].(float64); meta == nil || float64(len(data)) > limit {
						t.Fatalf("%s?%s: %d articles for limit %v", path, rawQuery, len(data), meta["limit"])
					}
				}
			case http.StatusBadRequest:
				e, _ := body["error"].(map[string]any)
				if e == nil || e["code"] != api.CodeMalformedParameters {
					if body["status"] != "ERROR" { // Polygon's error shape
						t.Fatalf("%s?%s: 400 without a malformed_parameters error: %.300s", path, rawQuery, rec.Body.String())
					}
				}
			default:
				t.Fatalf("%s?%s: status %d: %.300s", path, rawQuery, rec.Code, rec.Body.String())
			}
		}
	})
}
