// Package fetch is tickerwire's polite and safe HTTP client: time limits, a
// size cap on bodies (decompressed ones too), limited redirects with loop
// detection, conditional requests, per-host rate limits, robots.txt, and a
// refusal to connect to private, loopback and link-local addresses unless
// allowed. Character sets are left to the extract package.
package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Defaults of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultPerHost      = 1 * time.Second
	DefaultUserAgent    = "tickerwire/1.0 (+https://github.com/tickerwire/tickerwire)"
)

// Options configure a Client. The zero value gives the defaults.
type Options struct {
	Timeout      time.Duration // for a whole request, body included
	MaxBytes     int64         // largest body accepted, after decompression
	MaxRedirects int
	UserAgent    string        // default user agent; a request may set its own
	PerHost      time.Duration // least interval between requests to one host
	Burst        int           // requests to one host allowed at once before PerHost applies (default 1)
	AllowPrivate bool          // allow private, loopback and link-local addresses (tests, intranets)
	IgnoreRobots bool          // do not read robots.txt
	RobotsTTL    time.Duration // how long a host's robots.txt is cached (default 1 h)
}

// Client fetches web resources politely. It is safe for concurrent use.
type Client struct {
	opts   Options
	http   *http.Client
	robots *robotsCache

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

// New returns a Client with opts, defaults filled in.
func New(opts Options) *Client {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.PerHost <= 0 {
		opts.PerHost = DefaultPerHost
	}
	if opts.Burst <= 0 {
		opts.Burst = 1
	}
	if opts.RobotsTTL <= 0 {
		opts.RobotsTTL = time.Hour
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = guardControl
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial addresses the guard never sees
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		DisableCompression:    true, // decompressed here, under the size cap
	}
	c := &Client{opts: opts, limiters: map[string]*rate.Limiter{}}
	c.http = &http.Client{Transport: transport, Timeout: opts.Timeout, CheckRedirect: c.checkRedirect}
	c.robots = newRobotsCache(c, opts.RobotsTTL)
	return c
}

// Request is one fetch.
type Request struct {
	URL          string
	UserAgent    string            // overrides the client's
	Header       map[string]string // extra request headers
	ETag         string            // from an earlier response: sent as If-None-Match
	LastModified string            // from an earlier response: sent as If-Modified-Since
}

// Response is a successful fetch (or an unchanged resource).
type Response struct {
	URL          string // the final URL, after redirects
	Status       int
	Header       http.Header
	ContentType  string
	Body         []byte // decompressed; nil when NotModified
	ETag         string
	LastModified string
	NotModified  bool // the server answered 304: the resource is unchanged
}

// Get fetches req.URL. A 304 answer is a Response with NotModified set;
// 403 and 429 are errors of KindBlocked, other 4xx and 5xx of KindHTTP.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, &Error{Kind: KindBadURL, URL: req.URL, Err: err}
	}
	for k, v := range req.Header {
		hr.Header.Set(k, v)
	}
	if req.UserAgent != "" {
		hr.Header.Set("User-Agent", req.UserAgent)
	}
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := c.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{
		URL: resp.Request.URL.String(), Status: resp.StatusCode, Header: resp.Header,
		ContentType: resp.Header.Get("Content-Type"), ETag: resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		return out, nil
	case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests:
		return nil, &Error{Kind: KindBlocked, URL: out.URL, Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	case resp.StatusCode >= 400:
		return nil, &Error{Kind: KindHTTP, URL: out.URL, Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	out.Body, err = io.ReadAll(resp.Body)
	if err != nil {
		return nil, classify(out.URL, err)
	}
	return out, nil
}

// Do sends req politely: it checks robots.txt, waits for the host's rate
// limit, sets the user agent when req has none, asks for gzip and
// decompresses it, and caps the body at MaxBytes (reading past it fails with
// a KindTooLarge error). Unlike Get it returns every HTTP status as a
// response, as http.Client does. It satisfies ingest.HTTPDoer.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	raw := req.URL.String()
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" || req.URL.Host == "" {
		return nil, &Error{Kind: KindBadURL, URL: raw, Err: errors.New("not an absolute http(s) URL")}
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.opts.UserAgent)
	}
	if err := c.polite(req); err != nil {
		return nil, err
	}
	ownGzip := req.Header.Get("Accept-Encoding") == ""
	if ownGzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, classify(raw, err)
	}
	final := resp.Request.URL.String()
	var body io.Reader = &capped{r: resp.Body, left: c.opts.MaxBytes, url: final}
	if ownGzip && strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		body = &lazyGunzip{src: body, url: final}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Uncompressed = true
	}
	resp.Body = readCloser{Reader: &capped{r: body, left: c.opts.MaxBytes, url: final}, Closer: resp.Body}
	return resp, nil
}

// polite checks robots.txt and waits for the host's rate limit.
func (c *Client) polite(req *http.Request) error {
	if !c.opts.IgnoreRobots && req.Context().Value(robotsFetch{}) == nil {
		ok, delay := c.robots.allowed(req.Context(), req.URL, req.Header.Get("User-Agent"))
		if !ok {
			return &Error{Kind: KindRobots, URL: req.URL.String()}
		}
		c.slowHost(req.URL.Host, delay)
	}
	if err := c.limiter(req.URL.Host).Wait(req.Context()); err != nil {
		return classify(req.URL.String(), err)
	}
	return nil
}

func (c *Client) limiter(host string) *rate.Limiter {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.limiters[host]
	if !ok {
		l = rate.NewLimiter(rate.Every(c.opts.PerHost), c.opts.Burst)
		c.limiters[host] = l
	}
	return l
}

// slowHost lowers the host's rate to one request per delay when robots.txt
// asks for a longer crawl delay than the client's own.
func (c *Client) slowHost(host string, delay time.Duration) {
	if delay <= c.opts.PerHost {
		return
	}
	if l := c.limiter(host); l.Limit() > rate.Every(delay) {
		l.SetLimit(rate.Every(delay))
	}
}

// checkRedirect allows MaxRedirects redirects, refuses loops, and keeps the
// politeness rules for every hop.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return &Error{Kind: KindTooManyRedirects, URL: via[0].URL.String(), Err: fmt.Errorf("more than %d redirects", c.opts.MaxRedirects)}
	}
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return &Error{Kind: KindTooManyRedirects, URL: via[0].URL.String(), Err: fmt.Errorf("redirect loop at %s", next)}
		}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &Error{Kind: KindBadURL, URL: next, Err: errors.New("redirect to a non-http(s) URL")}
	}
	return c.polite(req)
}

// classify wraps a transport error as a fetch Error of the right kind.
func classify(u string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	var priv errPrivate
	var ne net.Error
	switch {
	case errors.As(err, &priv):
		return &Error{Kind: KindPrivate, URL: u, Err: err}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &ne) && ne.Timeout():
		return &Error{Kind: KindTimeout, URL: u, Err: err}
	}
	return &Error{Kind: KindNetwork, URL: u, Err: err}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// capped reads at most left bytes from r and fails with KindTooLarge when
// r has more.
type capped struct {
	r    io.Reader
	left int64
	url  string
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, &Error{Kind: KindTooLarge, URL: c.url}
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n + int(c.left), &Error{Kind: KindTooLarge, URL: c.url, Err: errors.New("body exceeds the size cap")}
	}
	return n, err
}

// lazyGunzip decompresses src, opening the gzip stream on the first read.
type lazyGunzip struct {
	src io.Reader
	zr  *gzip.Reader
	url string
}

func (g *lazyGunzip) Read(p []byte) (int, error) {
	if g.zr == nil {
		zr, err := gzip.NewReader(g.src)
		if err != nil {
			return 0, classify(g.url, err)
		}
		g.zr = zr
	}
	return g.zr.Read(p)
}

type readCloser struct {
	io.Reader
	io.Closer
}
