package fetch

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// maxRobotsBytes caps a robots.txt file (Google reads the first 500 KiB).
const maxRobotsBytes = 500 << 10

// robotsFetch marks the context of a robots.txt request, which (with its
// redirects) is not itself checked against robots.txt.
type robotsFetch struct{}

// robotsCache holds each host's robots.txt for a while.
type robotsCache struct {
	c   *Client
	ttl time.Duration

	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	once    sync.Once
	data    *robotstxt.RobotsData // nil: everything allowed
	fetched time.Time
}

func newRobotsCache(c *Client, ttl time.Duration) *robotsCache {
	return &robotsCache{c: c, ttl: ttl, hosts: map[string]*robotsEntry{}}
}

// allowed reports whether robots.txt lets agent fetch u, and the crawl
// delay it asks for.
func (r *robotsCache) allowed(ctx context.Context, u *url.URL, agent string) (bool, time.Duration) {
	key := u.Scheme + "://" + u.Host
	r.mu.Lock()
	e, ok := r.hosts[key]
	if !ok || time.Since(e.fetched) > r.ttl && !e.fetched.IsZero() {
		e = &robotsEntry{}
		r.hosts[key] = e
	}
	r.mu.Unlock()
	e.once.Do(func() {
		e.data = r.load(ctx, key, agent)
		r.mu.Lock()
		e.fetched = time.Now()
		r.mu.Unlock()
	})
	if e.data == nil {
		return true, 0
	}
	g := e.data.FindGroup(productToken(agent))
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return g.Test(path), g.CrawlDelay
}

// load fetches and parses a host's robots.txt. Network failures allow
// everything (the page fetch will then fail on its own); a 5xx answer
// disallows everything, a 4xx allows everything, as robotstxt decides.
func (r *robotsCache) load(ctx context.Context, base, agent string) *robotstxt.RobotsData {
	ctx, cancel := context.WithTimeout(context.WithValue(context.WithoutCancel(ctx), robotsFetch{}, true), r.c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/robots.txt", nil)
	if err != nil {
		return nil
	}
	req.Header.Set("User-Agent", agent)
	resp, err := r.c.Do(req)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil && resp.StatusCode < 400 {
		return nil
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		return nil
	}
	return data
}

// productToken is the name part of a user agent ("tickerwire" of
// "tickerwire/1.0 (+https://...)"), which robots.txt groups match.
func productToken(agent string) string {
	name, _, _ := strings.Cut(agent, "/")
	name, _, _ = strings.Cut(name, " ")
	return name
}
