package api_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/testutil"
	"github.com/tickerwire/tickerwire/internal/web"
)

// newServer stores the seed page and serves the API and pages over it.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := &ingest.Pipeline{Store: st, Annotator: pipeline.New(nil)}
	if rep := p.IngestFile(ctx, ingest.FileReader{}, testutil.SharedFile(t, "seed/nissan-foxconn.txt")); rep.Err != nil {
		t.Fatal(rep.Err)
	}
	mux := http.NewServeMux()
	(&api.Server{Store: st}).Register(mux)
	pages, err := web.New(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	pages.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, body
}

func TestNewsAllBySymbol(t *testing.T) {
	srv := newServer(t)
	code, _, body := get(t, srv.URL+"/v1/news/all?symbols=NSANY")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	var resp api.NewsResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Meta.Found != 1 || len(resp.Data) != 1 {
		t.Fatalf("meta %+v, %d items; want the seed article only", resp.Meta, len(resp.Data))
	}
	got := map[string]string{}
	for _, e := range resp.Data[0].Entities {
		got[e.Symbol] = e.Exchange
	}
	for sym, mic := range map[string]string{"NSANY": "OTCM", "601138": "XSHG"} {
		if got[sym] != mic {
			t.Errorf("entity %s: exchange %q, want %q (entities %v)", sym, got[sym], mic, got)
		}
	}
}

func TestNewsAllPaging(t *testing.T) {
	srv := newServer(t)
	seen := map[string]bool{}
	for page := 1; page <= 4; page++ {
		_, _, body := get(t, srv.URL+"/v1/news/all?limit=5&page="+strconv.Itoa(page))
		var resp api.NewsResponse
		if err := json.Unmarshal(body, &resp); err != nil {
			t.Fatal(err)
		}
		if resp.Meta.Found != 18 {
			t.Fatalf("found %d, want 18", resp.Meta.Found)
		}
		for _, a := range resp.Data {
			if seen[a.UUID] {
				t.Errorf("page %d repeats %s", page, a.UUID)
			}
			seen[a.UUID] = true
		}
	}
	if len(seen) != 18 {
		t.Errorf("paging returned %d distinct items, want 18", len(seen))
	}
}

func TestBadParameters(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		query string
		param string
	}{
		{"published_after=not-a-date", "published_after"},
		{"published_before=2025-13-45", "published_before"},
		{"published_on=tomorrow", "published_on"},
		{"limit=0", "limit"},
		{"limit=1000", "limit"},
		{"limit=ten", "limit"},
		{"page=-1", "page"},
		{"symbols=%3Cscript%3E", "symbols"},
		{"language=english", "language"},
		{"colour=red", "colour"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, hdr, body := get(t, srv.URL+"/v1/news/all?"+tt.query)
			if code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", code, body)
			}
			if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatal(err)
			}
			if e.Error.Code != "malformed_parameters" || !strings.Contains(e.Error.Message, "'"+tt.param+"'") {
				t.Errorf("error %+v does not name %q", e.Error, tt.param)
			}
		})
	}
}

func TestHostileSearchNeverFailsTheServer(t *testing.T) {
	srv := newServer(t)
	for _, q := range []string{`foo" OR 1=1 --`, `"unbalanced`, `((nissan`, `NEAR(a b)`, `title:nissan`, `*`, `-`, `^nissan`} {
		code, _, body := get(t, srv.URL+"/v1/news/all?search="+urlEscape(q))
		if code != http.StatusOK && code != http.StatusBadRequest {
			t.Errorf("search %q: status %d: %s", q, code, body)
		}
	}
	code, _, body := get(t, srv.URL+"/v1/news/all?search="+urlEscape(`Foxconn -Toyota`))
	var resp api.NewsResponse
	if err := json.Unmarshal(body, &resp); err != nil || code != 200 || resp.Meta.Found != 1 {
		t.Errorf("search Foxconn -Toyota: status %d, found %d, err %v", code, resp.Meta.Found, err)
	}
}

func urlEscape(s string) string {
	r := strings.NewReplacer("%", "%25", " ", "%20", `"`, "%22", "(", "%28", ")", "%29", "+", "%2B", "&", "%26", "#", "%23", "^", "%5E")
	return r.Replace(s)
}

func TestNewsByUUID(t *testing.T) {
	srv := newServer(t)
	_, _, body := get(t, srv.URL+"/v1/news/all?symbols=NSANY")
	var resp api.NewsResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatal(err)
	}
	id := resp.Data[0].UUID
	code, _, body := get(t, srv.URL+"/v1/news/uuid/"+id)
	var one api.NewsArticle
	if err := json.Unmarshal(body, &one); err != nil || code != 200 {
		t.Fatalf("status %d, err %v", code, err)
	}
	if diff := cmp.Diff(resp.Data[0].Title, one.Title); diff != "" {
		t.Errorf("title (-list +one):\n%s", diff)
	}
	code, _, body = get(t, srv.URL+"/v1/news/uuid/00000000-0000-0000-0000-000000000000")
	if code != http.StatusNotFound || !strings.Contains(string(body), "resource_not_found") {
		t.Errorf("missing uuid: status %d, %s", code, body)
	}
	code, _, body = get(t, srv.URL+"/v1/no/such/endpoint")
	if code != http.StatusNotFound || !strings.Contains(string(body), "invalid_api_endpoint") {
		t.Errorf("unknown endpoint: status %d, %s", code, body)
	}
}

func TestRSSFeedIsValid(t *testing.T) {
	srv := newServer(t)
	code, hdr, body := get(t, srv.URL+"/feeds/news.rss?symbols=NSANY")
	if code != 200 || !strings.Contains(hdr.Get("Content-Type"), "rss") {
		t.Fatalf("status %d, content type %q", code, hdr.Get("Content-Type"))
	}
	var rss struct {
		Version string `xml:"version,attr"`
		Items   []struct {
			Title string `xml:"title"`
			Link  string `xml:"link"`
			GUID  string `xml:"guid"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(body, &rss); err != nil {
		t.Fatalf("invalid XML: %v", err)
	}
	if rss.Version != "2.0" || len(rss.Items) != 1 || !strings.Contains(rss.Items[0].Title, "Nissan") {
		t.Errorf("rss %+v", rss)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	srv := newServer(t)
	if code, _, body := get(t, srv.URL+"/healthz"); code != 200 || !strings.Contains(string(body), `"ok"`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	get(t, srv.URL+"/v1/news/all")
	if code, _, body := get(t, srv.URL+"/metrics"); code != 200 || !strings.Contains(string(body), "tickerwire_http_requests_total") {
		t.Errorf("metrics: %d", code)
	}
}

func TestPages(t *testing.T) {
	srv := newServer(t)
	code, hdr, body := get(t, srv.URL+"/")
	if code != 200 || !strings.Contains(string(body), "Nissan") {
		t.Fatalf("home: status %d, Nissan missing", code)
	}
	if !strings.Contains(hdr.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("home lacks a CSP: %q", hdr.Get("Content-Security-Policy"))
	}
	_, _, list := get(t, srv.URL+"/v1/news/all?symbols=NSANY")
	var resp api.NewsResponse
	if err := json.Unmarshal(list, &resp); err != nil {
		t.Fatal(err)
	}
	code, _, body = get(t, srv.URL+"/news/"+resp.Data[0].UUID)
	if code != 200 || !strings.Contains(string(body), "More headlines") || !strings.Contains(string(body), "Instagram Outage") {
		t.Errorf("article page: status %d, lacks the headline list", code)
	}
	if code, _, _ := get(t, srv.URL+"/news/nope"); code != 404 {
		t.Errorf("missing article page: status %d", code)
	}
}
