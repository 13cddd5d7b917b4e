package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
)

// TestCursorPaging100k pages through 100,000 stored articles with cursor
// and gets each exactly once, while new articles keep arriving.
func TestCursorPaging100k(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 100,000 articles")
	}
	const n = 100_000
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	began := time.Now()
	batch := make([]*news.Article, 0, 5000)
	for i := range n {
		// 10 articles share each second, so the cursor must break ties
		batch = append(batch, &news.Article{Title: fmt.Sprintf("article %d", i), Published: start.Add(time.Duration(i/10) * time.Second)})
		if len(batch) == cap(batch) {
			if _, err := st.SaveArticles(ctx, batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	t.Logf("stored %d articles in %v", n, time.Since(began))
	inserted := time.Now()
	mux := http.NewServeMux()
	(&api.Server{Store: st, RateLimit: 1 << 30}).Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	seen := make(map[string]bool, n)
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > n/api.MaxLimit+1 {
			t.Fatal("the cursor never ends")
		}
		u := srv.URL + "/v1/news/all?limit=100"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		var page api.NewsResponse
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("page %d: status %d, %v", pages, resp.StatusCode, err)
		}
		for _, a := range page.Data {
			if seen[a.UUID] {
				t.Fatalf("page %d repeats %s", pages, a.Title)
			}
			seen[a.UUID] = true
		}
		if pages == 10 { // a newer article arriving mid-walk is not in it
			if _, err := st.SaveArticle(ctx, &news.Article{Title: "late", Published: start.Add(time.Hour * 24 * 365)}); err != nil {
				t.Fatal(err)
			}
		}
		if page.Meta.NextCursor == "" {
			break
		}
		cursor = page.Meta.NextCursor
	}
	t.Logf("paged %d articles in %v", len(seen), time.Since(inserted))
	if len(seen) != n {
		t.Errorf("cursor paging returned %d distinct articles, want %d", len(seen), n)
	}
}
