package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/extract"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/story"
)

// newPushServer serves an empty store that accepts pushed articles.
func newPushServer(t *testing.T) *httptest.Server {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := &ingest.Pipeline{Store: st, Annotator: pipeline.New(nil), Stories: ingest.NewStories(story.DefaultConfig())}
	mux := http.NewServeMux()
	(&api.Server{Store: st, Push: ingest.Pusher{Pipeline: p, Reader: ingest.FileReader{Extract: extract.Article}}}).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, url, contentType, body string) (int, api.PushResponse, string) {
	t.Helper()
	resp, err := http.Post(url, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out api.PushResponse
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, out, string(raw)
}

func TestPushArticles(t *testing.T) {
	srv := newPushServer(t)
	type meta struct{ Received, Created, Failed int }
	tests := []struct {
		name        string
		contentType string
		path        string
		body        string
		status      int
		meta        meta
	}{
		{"json array", "application/json", "", `[{"title":"Apple beats estimates","text":"Apple Inc. reported record revenue."},{"title":"Tesla recalls cars","text":"Tesla is recalling vehicles."}]`, 201, meta{2, 2, 0}},
		{"same again adds nothing", "application/json", "", `[{"title":"Apple beats estimates","text":"Apple Inc. reported record revenue."}]`, 200, meta{1, 0, 0}},
		{"json lines with a bad date", "application/x-ndjson", "", "{\"title\":\"Nvidia shares jump\"}\n{\"title\":\"x\",\"published\":\"soon\"}\n", 201, meta{1, 1, 0}},
		{"text page with headlines", "text/plain", "", "Sony raised its outlook after strong gaming sales.\n\nToyota Names New CEO\nFord Explores Partnership\n", 201, meta{3, 3, 0}},
		{"html page", "text/html", "?url=https%3A%2F%2Fnews.example.com%2Fa", `<html><head><title>Baidu plans buyback</title></head><body><article><h1>Baidu plans buyback</h1>` + strings.Repeat("<p>Baidu approved a five billion dollar share buyback and plans its first dividend, the company said on Thursday.</p>", 4) + `</article></body></html>`, 201, meta{1, 1, 0}},
		{"garbage", "application/json", "", `{"data":[`, 400, meta{}},
		{"bad url", "text/html", "?url=javascript:alert(1)", `<p>x</p>`, 400, meta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, resp, raw := post(t, srv.URL+"/v1/articles"+tt.path, tt.contentType, tt.body)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %s", code, tt.status, raw)
			}
			if code >= 400 {
				if !strings.Contains(raw, "malformed_parameters") {
					t.Errorf("error body %s", raw)
				}
				return
			}
			if diff := cmp.Diff(tt.meta, meta{resp.Meta.Received, resp.Meta.Created, resp.Meta.Failed}); diff != "" {
				t.Errorf("meta (-want +got):\n%s\n%s", diff, raw)
			}
		})
	}

	// A pushed article is searchable, and its story can be read.
	code, _, body := get(t, srv.URL+"/v1/news/all?search=Baidu")
	var found api.NewsResponse
	if err := json.Unmarshal(body, &found); err != nil || code != 200 || found.Meta.Found != 1 {
		t.Fatalf("pushed HTML page not found: %d %s", code, body)
	}
	storyID := found.Data[0].StoryID
	if storyID == "" {
		t.Fatal("pushed article has no story")
	}
	code, _, body = get(t, srv.URL+"/v1/stories/"+storyID)
	var st api.StoryResponse
	if err := json.Unmarshal(body, &st); err != nil || code != 200 {
		t.Fatalf("story: %d %s", code, body)
	}
	if st.Story.ArticleCount != 1 || st.Data[0].UUID != found.Data[0].UUID || st.Story.Title != "Baidu plans buyback" {
		t.Errorf("story %+v", st.Story)
	}
	if code, _, _ := get(t, srv.URL+"/v1/stories/no-such-story"); code != 404 {
		t.Errorf("missing story: status %d", code)
	}
	if code, _, _ := get(t, srv.URL+"/v1/stories/"+storyID+"?limit=0"); code != 400 {
		t.Errorf("bad limit: status %d", code)
	}
}

func TestHighlightsEscapeArticleText(t *testing.T) {
	srv := newPushServer(t)
	body := `[{"title":"Apple <script>alert(1)</script> beats estimates","text":"Apple Inc. & partners reported <b>record</b> revenue."}]`
	if code, _, raw := post(t, srv.URL+"/v1/articles", "application/json", body); code != 201 {
		t.Fatalf("push: %d %s", code, raw)
	}
	_, _, raw := get(t, srv.URL+"/v1/news/all?symbols=AAPL")
	var resp api.NewsResponse
	if err := json.Unmarshal(raw, &resp); err != nil || len(resp.Data) != 1 || len(resp.Data[0].Entities) == 0 {
		t.Fatalf("response %s", raw)
	}
	for _, h := range resp.Data[0].Entities[0].Highlights {
		plain := strings.NewReplacer("<em>", "", "</em>", "").Replace(h.Highlight)
		if strings.ContainsAny(plain, "<>") {
			t.Errorf("highlight carries unescaped markup: %q", h.Highlight)
		}
	}
}
