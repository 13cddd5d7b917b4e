package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name    string
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{"latest", "/", 200, []string{"Latest news", "Nissan", "Honda and Nissan plan a joint EV platform",
			"1 more article in this story", `href="/stories/story-ev"`, `href="/company/7267.XTKS"`, "partnership", `data-stream="/v1/stream"`}, nil},
		{"latest filtered", "/?sentiment=negative", 200, []string{"Evil Corp"}, []string{"joint EV platform"}},
		{"latest by source", "/?source=Reuters", 200, []string{"Nissan, Honda confirm EV platform talks"}, []string{"joint EV platform"}},
		{"latest stream filters", "/?symbol=7201.xtks&event=partnership", 200,
			[]string{`data-stream="/v1/stream?events=partnership&amp;symbols=7201.XTKS"`}, nil},
		{"latest bad filter", "/?sentiment=angry", 400, []string{"Sentiment must be"}, nil},
		{"article", "/news/{ev1}", 200, []string{
			`<a class="mention tone-positive" href="/company/7267.XTKS" title="Honda Motor Co., Ltd. · 7267 XTKS">Honda Motor</a> and`,
			`In the same story`, "Nissan, Honda confirm EV platform talks", "Tokyo Stock Exchange", "Consumer Cyclical", "announced"}, nil},
		{"seed article", "/news/{seed}", 200, []string{"More headlines", "Instagram Outage", `class="mention`, "/company/NSANY.OTCM"}, nil},
		{"missing article", "/news/00000000-0000-0000-0000-000000000000", 404, []string{"No such article"}, nil},
		{"company", "/company/7267.XTKS", 200, []string{"Honda Motor Co., Ltd.", "New York Stock Exchange", "<svg",
			"Articles a day", "Average sentiment a day", `class="bar volume"`, "joint EV platform", `<span class="badge">partnership</span>`}, nil},
		{"company by bare symbol", "/company/hmc", 200, []string{"Honda Motor Co., Ltd.", "<svg"}, nil},
		{"company unknown", "/company/ZZZZ.XNAS", 404, []string{"No stored article names ZZZZ.XNAS"}, nil},
		{"search", "/search?q=platform", 200, []string{"1–2 of 2 matches", `id="facets"`, "7267.XTKS", "Nikkei", "Reuters",
			`href="/search?q=platform&amp;source=Reuters"`, `href="/company/7267.XTKS" title="the company's page"`}, []string{"Evil Corp"}},
		{"search facet", "/search?q=platform&source=Reuters", 200, []string{"1–1 of 1 match", "Reuters ×"}, []string{"joint EV platform"}},
		{"search nothing", "/search?q=zebra", 200, []string{"No matches"}, nil},
		{"search bad event", "/search?event=party", 400, []string{"no event type"}, nil},
		{"search bad date", "/search?from=yesterday", 400, []string{"Dates must look like"}, nil},
		{"story", "/stories/story-ev", 200, []string{"Nissan, Honda confirm EV platform talks", "joint EV platform", "Story of 2 articles"}, nil},
		{"story missing", "/stories/nope", 404, []string{"No such story"}, nil},
		{"sources", "/sources", 200, []string{"Broken Wire", "HTTP 503 from feeds.example.com", "failing", "Good Wire", "2 sources, 1 failing"}, nil},
		{"watchlists", "/watchlists", 200, []string{`id="watchlist-form"`, "Create watchlist", `value="merger_acquisition"`}, nil},
		{"hostile title", "/news/{evil}", 200, []string{
			"&lt;script&gt;window.__pwned=1&lt;/script&gt; Evil Corp &lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt; results",
			"<b>Bold</b> claims", "&lt;i&gt;Evil&lt;/i&gt; Wire"},
			[]string{"<script>window", "<img src=x", "javascript:", "<i>Evil"}},
		{"hostile title in lists", "/?sentiment=negative", 200, []string{"&lt;script&gt;window.__pwned=1"}, []string{"<script>window"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			for name, id := range s.IDs {
				path = strings.ReplaceAll(path, "{"+name+"}", id)
			}
			code, hdr, body := s.get(t, path)
			if code != tt.status {
				t.Errorf("status %d, want %d", code, tt.status)
			}
			if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("page has %q", w)
				}
			}
			if t.Failed() {
				t.Logf("page:\n%s", body)
			}
		})
	}
}

func TestNoInlineScriptOrStyle(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/", "/news/" + s.IDs["seed"], "/company/7201.XTKS", "/search?q=Nissan", "/stories/story-ev", "/sources", "/watchlists"} {
		_, _, body := s.get(t, path)
		if n := strings.Count(body, "<script"); n != 1 || !strings.Contains(body, `<script src="/static/app.js" defer></script>`) {
			t.Errorf("%s: %d script elements; want only /static/app.js", path, n)
		}
		for _, bad := range []string{" style=", "<style", " onclick=", " onload="} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: has %q, which the CSP blocks", path, bad)
			}
		}
	}
}

func TestStaticAssets(t *testing.T) {
	s := newSite(t)
	for path, ctype := range map[string]string{"/static/style.css": "text/css", "/static/app.js": "javascript"} {
		code, hdr, body := s.get(t, path)
		if code != http.StatusOK || !strings.Contains(hdr.Get("Content-Type"), ctype) || len(body) < 100 {
			t.Errorf("%s: status %d, type %q, %d bytes", path, code, hdr.Get("Content-Type"), len(body))
		}
	}
}

func TestMoreHeadlinesInPageOrder(t *testing.T) {
	s := newSite(t)
	_, _, body := s.get(t, "/news/"+s.IDs["seed"])
	first, last := strings.Index(body, "Instagram Outage"), strings.Index(body, "Washington Post Publisher")
	if first < 0 || last < 0 || first > last {
		t.Errorf("headlines out of the page's order: Instagram at %d, Washington Post at %d", first, last)
	}
}
