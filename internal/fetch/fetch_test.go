package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// testServer serves the cases the fetcher must survive.
func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: badbot\nDisallow: /\n")
	})
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<p>ua=%s x=%s</p>", r.UserAgent(), r.Header.Get("X-Test"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, "compressed hello")
		zw.Close()
	})
	mux.HandleFunc("/etag", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "feed v1")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		for i := 0; i < 100; i++ { // trickles forever, as far as the client cares
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusForbidden)
	})
	mux.HandleFunc("/limited", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			fmt.Fprint(w, "end of chain")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/x", http.StatusFound) })
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for i := 0; i < 50; i++ { // 50 MB
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	bomb := gzipBomb()
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// gzipBomb is about 30 KB of gzip that inflates to 30 MB of zeros.
var gzipBomb = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zeros := make([]byte, 1<<20)
	for i := 0; i < 30; i++ {
		zw.Write(zeros)
	}
	zw.Close()
	return buf.Bytes()
})

func testClient(opts Options) *Client {
	opts.AllowPrivate = true
	if opts.PerHost == 0 {
		opts.PerHost = time.Millisecond
	}
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	return New(opts)
}

func TestGet(t *testing.T) {
	srv := testServer(t)
	c := testClient(Options{MaxBytes: 1 << 20})
	ctx := context.Background()

	resp, err := c.Get(ctx, Request{URL: srv.URL + "/ok", UserAgent: "probe/2.0", Header: map[string]string{"X-Test": "yes"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(resp.Body); got != "<p>ua=probe/2.0 x=yes</p>" || resp.ContentType != "text/html; charset=utf-8" {
		t.Errorf("ok: body %q, content type %q", got, resp.ContentType)
	}

	resp, err = c.Get(ctx, Request{URL: srv.URL + "/gzip"})
	if err != nil || string(resp.Body) != "compressed hello" {
		t.Errorf("gzip: %q, %v", resp.Body, err)
	}

	resp, err = c.Get(ctx, Request{URL: srv.URL + "/chain/3"})
	if err != nil || string(resp.Body) != "end of chain" || !strings.HasSuffix(resp.URL, "/chain/0") {
		t.Errorf("redirect chain: %+v, %v", resp, err)
	}
}

func TestConditionalGet(t *testing.T) {
	srv := testServer(t)
	c := testClient(Options{})
	first, err := c.Get(context.Background(), Request{URL: srv.URL + "/etag"})
	if err != nil || first.NotModified || first.ETag != `"v1"` {
		t.Fatalf("first: %+v, %v", first, err)
	}
	for _, req := range []Request{{ETag: first.ETag}, {LastModified: first.LastModified}} {
		req.URL = srv.URL + "/etag"
		again, err := c.Get(context.Background(), req)
		if err != nil || !again.NotModified || again.Body != nil || again.ETag != `"v1"` {
			t.Errorf("conditional %+v: %+v, %v", req, again, err)
		}
	}
}

func TestGetFailures(t *testing.T) {
	srv := testServer(t)
	c := testClient(Options{Timeout: 2 * time.Second, MaxBytes: 10 << 20, MaxRedirects: 5})
	tests := []struct {
		path   string
		kind   Kind
		status int
	}{
		{"/slow", KindTimeout, 0},
		{"/error", KindHTTP, 500},
		{"/forbidden", KindBlocked, 403},
		{"/limited", KindBlocked, 429},
		{"/loop/a", KindTooManyRedirects, 0},
		{"/chain/9", KindTooManyRedirects, 0},
		{"/huge", KindTooLarge, 0},
		{"/bomb", KindTooLarge, 0},
		{"/private/x", KindRobots, 0},
		{"/to-private", KindRobots, 0},
	}
	for _, tt := range tests {
		_, err := c.Get(context.Background(), Request{URL: srv.URL + tt.path})
		if KindOf(err) != tt.kind {
			t.Errorf("%s: got %v (kind %v), want kind %v", tt.path, err, KindOf(err), tt.kind)
			continue
		}
		var fe *Error
		if tt.status != 0 && (!asError(err, &fe) || fe.Status != tt.status) {
			t.Errorf("%s: status %d, want %d", tt.path, fe.Status, tt.status)
		}
	}
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/limited"})
	var fe *Error
	if !asError(err, &fe) || fe.RetryAfter != 2*time.Minute || !IsBlocked(err) {
		t.Errorf("Retry-After not read: %v", err)
	}
	if _, err := c.Get(context.Background(), Request{URL: "ftp://example.com/x"}); KindOf(err) != KindBadURL {
		t.Errorf("ftp URL: %v", err)
	}
}

func TestRobotsPerAgent(t *testing.T) {
	srv := testServer(t)
	c := testClient(Options{UserAgent: "badbot/1.0"})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/ok"}); KindOf(err) != KindRobots {
		t.Errorf("badbot fetched a disallowed page: %v", err)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/ok", UserAgent: "goodbot/1.0"}); err != nil {
		t.Errorf("goodbot (a per-request agent) refused: %v", err)
	}
	c = testClient(Options{IgnoreRobots: true, UserAgent: "badbot/1.0"})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/ok"}); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestCrawlDelaySlowsHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 2\n")
		}
	}))
	defer srv.Close()
	c := testClient(Options{})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/ok"}); err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if got, want := c.limiter(host).Limit(), rate.Every(2*time.Second); got != want {
		t.Errorf("limit after Crawl-delay: 2 = %v, want %v", got, want)
	}
}

func TestRefusesLoopbackByDefault(t *testing.T) {
	srv := testServer(t)
	c := New(Options{Timeout: 2 * time.Second, IgnoreRobots: true})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/ok"})
	if KindOf(err) != KindPrivate {
		t.Fatalf("loopback fetch: got %v, want a KindPrivate error", err)
	}
	// Through a host name as well: the check runs on the dialled address.
	_, err = c.Get(context.Background(), Request{URL: strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/ok"})
	if KindOf(err) != KindPrivate {
		t.Fatalf("localhost fetch: got %v, want a KindPrivate error", err)
	}
}

func TestIsPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2606:4700:4700::1111": true, "93.184.216.34": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"fe80::1": false, "fc00::1": false, "::ffff:127.0.0.1": false, "::ffff:10.0.0.1": false,
		"224.0.0.1": false, "255.255.255.255": false,
	} {
		if got := IsPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("IsPublic(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestBackoff(t *testing.T) {
	base, max := 100*time.Millisecond, 2*time.Second
	for attempt := 0; attempt < 10; attempt++ {
		bound := base << attempt
		if bound > max {
			bound = max
		}
		for i := 0; i < 50; i++ {
			if d := Backoff(attempt, base, max); d <= 0 || d > bound {
				t.Fatalf("Backoff(%d) = %v, want in (0, %v]", attempt, d, bound)
			}
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"30": 30 * time.Second, "": 0, "soon": 0,
		"Mon, 01 Jan 2024 00:01:00 GMT": time.Minute,
	} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func asError(err error, target **Error) bool {
	fe, ok := err.(*Error)
	if ok {
		*target = fe
	}
	return ok
}
