// Package api serves tickerwire's JSON API (Marketaux-shaped under /v1/),
// its feeds (/feeds/) and its health and metrics endpoints.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Server holds what the API handlers need.
type Server struct {
	Store   store.Store
	Log     *slog.Logger
	Metrics *Metrics
	// Checks are the parts besides the store whose health /healthz
	// reports, by name (the work queue, for one).
	Checks map[string]func(ctx context.Context) error
	// Hub feeds /v1/stream; Register makes one when nil. The caller
	// publishes each newly stored article to it (ingest.Pipeline.OnStored).
	Hub *alert.Hub
	// Push stores the articles POST /v1/articles receives; without it the
	// endpoint answers 403.
	Push Pusher
	// KeyCheckInterval is how often requests without a key look whether a
	// key now exists (DefaultKeyCheckInterval when 0; negative: every time).
	KeyCheckInterval time.Duration
	// RateLimit is the requests per minute of keys without their own limit
	// (DefaultRateLimit when 0).
	RateLimit int
	// ResponseCache is how many bytes of /v1/news/all responses to keep
	// for reuse while the store is unchanged (0: none). Only a store that
	// tells its changes (store.Generationer) has its responses kept.
	ResponseCache int
	// ArticleCache is how many bytes of articles rendered for /v1/news/all
	// to keep for reuse while each is unchanged (0: none). Only a store
	// that names its articles' versions (store.RefSearcher) has them kept.
	ArticleCache int

	cache     *responseCache
	fragments *fragmentCache
	limits    limiters
	keys      keyPresence
	routes    []Route
}

// Route is one endpoint, as the OpenAPI document describes it.
type Route struct {
	Method  string
	Path    string // with {name} for path parameters
	Summary string
	Params  []Param
	Public  bool // served without an API key
}

// Metrics are the Prometheus collectors of the HTTP server.
type Metrics struct {
	Registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// NewMetrics registers the server's collectors, plus the Go and process
// collectors, in a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tickerwire_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tickerwire_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"route"}),
	}
	m.Registry.MustRegister(m.requests, m.latency,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// Register adds the API, feed, health and metrics routes to mux.
func (s *Server) Register(mux *http.ServeMux) {
	if s.Log == nil {
		s.Log = slog.Default()
	}
	if s.Metrics == nil {
		s.Metrics = NewMetrics()
	}
	if s.Hub == nil {
		s.Hub = alert.NewHub(0)
	}
	if s.ResponseCache > 0 {
		s.cache = &responseCache{max: s.ResponseCache}
	}
	if s.ArticleCache > 0 {
		s.fragments = &fragmentCache{max: s.ArticleCache}
	}
	page := []Param{{"limit", "integer", "Items per page, 1.." + strconv.Itoa(MaxLimit) + ".", nil}, {"page", "integer", "Page number, from 1.", nil}}
	stats := concat(filterParams, []Param{{"group_by", "string", "What to count by (default symbol).", store.GroupBys}})
	routes := []struct {
		Route
		h http.HandlerFunc
	}{
		{Route{Method: "GET", Path: "/v1/news/all", Summary: "Search articles (Marketaux-compatible).", Params: newsAllParams}, s.handleNewsAll},
		{Route{Method: "GET", Path: "/v1/news/uuid/{uuid}", Summary: "One article by UUID."}, s.handleNewsUUID},
		{Route{Method: "GET", Path: "/v1/news/similar/{uuid}", Summary: "Articles of the same story, then about the same companies.",
			Params: concat([]Param{{"limit", "integer", "How many (1.." + strconv.Itoa(MaxLimit) + ").", nil}},
				pick(filterParams, "language", "published_after", "published_before", "published_on"))}, s.handleNewsSimilar},
		{Route{Method: "POST", Path: "/v1/articles", Summary: "Push articles: JSON (an article, an array or {\"data\":[...]}), JSON Lines, an HTML page or a plain-text page, by Content-Type.",
			Params: []Param{{"url", "string", "Where a pushed HTML or text page came from.", nil}}}, s.handlePushArticles},
		{Route{Method: "GET", Path: "/v1/stories/{id}", Summary: "A story and its articles, newest first.", Params: page}, s.handleStory},
		{Route{Method: "GET", Path: "/v1/news/sources", Summary: "Sources of stored articles by domain and language.",
			Params: concat(pick(filterParams, "language", "domains"), page)}, s.handleNewsSources},
		{Route{Method: "GET", Path: "/v1/entity/stats/intraday", Summary: "Article counts and average sentiment per entity and interval.",
			Params: concat(stats, []Param{{"interval", "string", "Interval (default day).", store.Intervals}})}, s.handleEntityIntraday},
		{Route{Method: "GET", Path: "/v1/entity/stats/aggregation", Summary: "Article counts and average sentiment per entity.",
			Params: concat(stats, page, []Param{{"sort", "string", "Sort by (default total_documents).", aggregationSorts},
				{"sort_order", "string", "desc (default) or asc.", []string{"desc", "asc"}}})}, s.handleEntityAggregation},
		{Route{Method: "GET", Path: "/v1/entity/trending/aggregation", Summary: "Entities named more than usual (published_after..before against the 7 windows before).",
			Params: concat(stats, page, []Param{{"min_doc_count", "integer", "Only entities in at least this many articles.", nil}})}, s.handleEntityTrending},
		{Route{Method: "GET", Path: "/v1/entity/search", Summary: "Entities named in stored articles.",
			Params: concat([]Param{{"search", "string", "Text in the symbol or name.", nil},
				{"symbols", "string", "Comma-separated symbols.", nil}, {"exchanges", "string", "Comma-separated MICs.", nil},
				{"countries", "string", "Comma-separated countries.", nil}, {"industries", "string", "Comma-separated industries.", nil},
				{"types", "string", "Comma-separated entity types.", MarketauxEntityTypes}}, page)}, s.handleEntitySearch},
		{Route{Method: "GET", Path: "/v1/entity/type/list", Summary: "Entity types."}, s.handleEntityTypes},
		{Route{Method: "GET", Path: "/v1/entity/industry/list", Summary: "Industries of the stored entities."}, s.handleIndustries},
		{Route{Method: "GET", Path: "/v2/reference/news", Summary: "Articles, Polygon-compatible.", Params: polygonParams}, s.handlePolygonNews},
		{Route{Method: "GET", Path: "/v1/stream", Summary: "Server-Sent Events of newly stored articles, filtered like /v1/news/all; resumable with Last-Event-ID.",
			Params: concat(filterParams, []Param{{"last_event_id", "string", "Resume after this event ID (for clients that cannot send Last-Event-ID).", nil}})}, s.handleStream},
		{Route{Method: "GET", Path: "/v1/watchlists", Summary: "The caller's watchlists."}, s.handleWatchlists},
		{Route{Method: "POST", Path: "/v1/watchlists", Summary: "Create a watchlist (JSON body)."}, s.handleCreateWatchlist},
		{Route{Method: "GET", Path: "/v1/watchlists/{id}", Summary: "One watchlist."}, s.handleWatchlist},
		{Route{Method: "PUT", Path: "/v1/watchlists/{id}", Summary: "Replace a watchlist (JSON body)."}, s.handleUpdateWatchlist},
		{Route{Method: "DELETE", Path: "/v1/watchlists/{id}", Summary: "Delete a watchlist and its alerts."}, s.handleDeleteWatchlist},
		{Route{Method: "GET", Path: "/v1/watchlists/{id}/deliveries", Summary: "A watchlist's alerts, each with its delivery attempts.",
			Params: []Param{{"status", "string", "Only alerts in this state.", []string{store.AlertPending, store.AlertDelivered, store.AlertFailed}}}}, s.handleDeliveries},
		{Route{Method: "GET", Path: "/feeds/news.rss", Summary: "RSS 2.0 feed of any /v1/news/all query.", Params: feedParams}, s.handleFeed("rss")},
		{Route{Method: "GET", Path: "/feeds/news.atom", Summary: "Atom feed of any /v1/news/all query.", Params: feedParams}, s.handleFeed("atom")},
		{Route{Method: "GET", Path: "/feeds/news.json", Summary: "JSON Feed of any /v1/news/all query.", Params: feedParams}, s.handleFeed("json")},
		{Route{Method: "GET", Path: "/v1/openapi.json", Summary: "This document.", Public: true}, s.handleOpenAPI},
		{Route{Method: "GET", Path: "/healthz", Summary: "Health of the server and its store.", Public: true}, s.handleHealth},
	}
	for _, rt := range routes {
		h := rt.h
		if !rt.Public {
			h = s.guard(h)
		}
		pattern := rt.Method + " " + rt.Path
		mux.Handle(pattern, s.instrument(pattern, h))
		s.routes = append(s.routes, rt.Route)
	}
	mux.Handle("/v1/", s.instrument("/v1/", s.handleUnknownEndpoint))
	mux.Handle("/v2/", s.instrument("/v2/", s.handleUnknownEndpoint))
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.Metrics.Registry, promhttp.HandlerOpts{}))
	s.routes = append(s.routes, Route{Method: "GET", Path: "/metrics", Summary: "Prometheus metrics.", Public: true})
}

// Routes returns the routes Register added, as documented.
func (s *Server) Routes() []Route { return s.routes }

// pick returns the params named.
func pick(params []Param, names ...string) []Param {
	var out []Param
	for _, p := range params {
		if slices.Contains(names, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// statusRecorder remembers the status code written.
type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush lets streaming handlers flush through the recorder.
func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *Server) instrument(route string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				s.Log.Error("handler panic", "route", route, "panic", p)
				rec.code = http.StatusInternalServerError
				writeError(rec, &Error{Status: 500, Code: CodeServerError, Message: "An internal error occurred; it has been logged."})
			}
			s.Metrics.requests.WithLabelValues(route, http.StatusText(rec.code)).Inc()
			s.Metrics.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
		}()
		h(rec, r)
	})
}

// handleHealth reports the store's health and that of each of s.Checks:
// 200 with "ok" for each when all are well, else 503 with each failing
// part's error, so a load balancer takes the node out and an operator sees
// why.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	body := map[string]any{"status": "ok"}
	status := http.StatusOK
	// The failure's text (database host, user) is shown only to the
	// machine's own operator; others see that the part is unavailable.
	detailed := isLoopback(r)
	report := func(name string, err error) {
		if err != nil {
			s.Log.Warn("health check failed", "part", name, "err", err)
			body[name] = "unavailable"
			if detailed {
				body[name] = err.Error()
			}
			body["status"] = "unavailable"
			status = http.StatusServiceUnavailable
			return
		}
		body[name] = "ok"
	}
	report("store", s.Store.Ping(ctx))
	for name, check := range s.Checks {
		report(name, check(ctx))
	}
	writeJSON(w, status, body)
}

func (s *Server) handleUnknownEndpoint(w http.ResponseWriter, r *http.Request) {
	writeError(w, &Error{Status: http.StatusNotFound, Code: CodeInvalidEndpoint,
		Message: "No API endpoint " + r.Method + " " + r.URL.Path + "."})
}
