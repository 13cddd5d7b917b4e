package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/web"
)

// xss is markup an attacker puts in a feed's titles and bodies.
const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`

// hostileServer serves an API and pages over a store holding one article
// with markup in its title, description and text.
func hostileServer(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := &ingest.Pipeline{Store: st, Annotator: pipeline.New(nil)}
	a := &news.Article{URL: "https://example.com/x?<script>", Title: "Toyota " + xss, Description: xss,
		Text: "Toyota shares rose. " + xss + " More text.", Source: "evil" + xss}
	if _, err := p.Add(ctx, a); err != nil {
		t.Fatal(err)
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
	return srv, a.UUID
}

// TestMarkupInArticlesIsEscaped checks that markup from a feed never
// reaches a client as markup: the API's JSON escapes <, > and &, the RSS
// feed escapes it as XML text, and pages escape it and forbid inline
// scripts with a Content-Security-Policy.
func TestMarkupInArticlesIsEscaped(t *testing.T) {
	srv, uuid := hostileServer(t)
	for _, tt := range []struct {
		path    string
		escaped string // the title as the format must escape it
		csp     bool
	}{
		{"/v1/news/all", `\u003cscript\u003e`, false},
		{"/v1/news/uuid/" + uuid, `\u003cscript\u003e`, false},
		{"/v2/reference/news", `\u003cscript\u003e`, false},
		{"/feeds/news.rss", `&lt;script&gt;`, false},
		{"/feeds/news.atom", `&lt;script&gt;`, false},
		{"/feeds/news.json", `\u003cscript\u003e`, false},
		{"/", `&lt;script&gt;`, true},
		{"/news/" + uuid, `&lt;script&gt;`, true},
		{"/search?q=toyota", `&lt;script&gt;`, true},
		{"/company/TM", "", true},
		{"/sources", "", true},
		{"/search?q=" + url.QueryEscape(xss), "", true},
	} {
		code, hdr, body := get(t, srv.URL+tt.path)
		if code != 200 {
			t.Errorf("%s: status %d", tt.path, code)
			continue
		}
		page := string(body)
		for _, raw := range []string{"<script>alert", "<img src=x", "onerror=alert(1)>"} {
			if strings.Contains(page, raw) {
				t.Errorf("%s: raw markup %q in the response", tt.path, raw)
			}
		}
		if tt.escaped != "" && !strings.Contains(page, tt.escaped) {
			t.Errorf("%s: the title is missing or not escaped as %s", tt.path, tt.escaped)
		}
		if csp := hdr.Get("Content-Security-Policy"); tt.csp && !forbidsInlineScripts(csp) {
			t.Errorf("%s: Content-Security-Policy %q does not forbid inline scripts", tt.path, csp)
		}
	}
}

// TestHostileParameters sends query strings that try to break the API:
// each gets a 200 or a 400 with a JSON error, never a 500.
func TestHostileParameters(t *testing.T) {
	srv, _ := hostileServer(t)
	for _, q := range []string{
		`search=foo%22+OR+1%3D1+--`, `search=%27%3B+DROP+TABLE+articles%3B+--`, `search=((toyota`, `search=toyota))`,
		`search=NEAR(toyota+shares)`, `search=%22unbalanced`, `search=%5C`, `search=%FF%FE`, `search=a%00b`,
		`search=` + strings.Repeat("(", 500), `search=` + strings.Repeat("a+OR+", 150) + "a",
		`symbols=%27%3B--`, `symbols=` + strings.Repeat("A,", 5000), `published_after=2025-13-45`,
		`published_on=%00`, `limit=-1`, `limit=99999999999999999999`, `page=0`, `page=1e9`,
		`language=%FF%FF`, `events=%3Cscript%3E`, `story=%27+OR+%271%27%3D%271`, `unknown=1`, `search=a&search=b`,
	} {
		code, _, body := get(t, srv.URL+"/v1/news/all?"+q)
		if code != 200 && code != 400 {
			t.Errorf("%s: status %d: %s", q, code, body)
		}
		if code == 400 && !strings.Contains(string(body), `"malformed_parameters"`) {
			t.Errorf("%s: 400 without a malformed_parameters error: %s", q, body)
		}
	}
}

// TestHealthReportsFailingParts checks that /healthz names what is down.
func TestHealthReportsFailingParts(t *testing.T) {
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	queueErr := errors.New("NATS: RECONNECTING")
	mux := http.NewServeMux()
	(&api.Server{Store: st, Checks: map[string]func(context.Context) error{
		"queue": func(context.Context) error { return queueErr },
	}}).Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	code, _, body := get(t, srv.URL+"/healthz")
	if code != 503 || !strings.Contains(string(body), `"queue":"NATS: RECONNECTING"`) || !strings.Contains(string(body), `"store":"ok"`) {
		t.Errorf("queue down: %d %s", code, body)
	}
	queueErr = nil
	if code, _, body := get(t, srv.URL+"/healthz"); code != 200 || !strings.Contains(string(body), `"queue":"ok"`) {
		t.Errorf("all up: %d %s", code, body)
	}
	st.Close()
	if code, _, body := get(t, srv.URL+"/healthz"); code != 503 || strings.Contains(string(body), `"store":"ok"`) {
		t.Errorf("store closed: %d %s", code, body)
	}
}

// forbidsInlineScripts reports whether a Content-Security-Policy limits
// scripts to the site's own files: script-src (or default-src when there is
// none) is 'self' without 'unsafe-inline'.
func forbidsInlineScripts(csp string) bool {
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	src, ok := directives["script-src"]
	if !ok {
		src, ok = directives["default-src"]
	}
	return ok && strings.Contains(src, "'self'") && !strings.Contains(src, "unsafe-inline") && !strings.Contains(src, "*")
}
