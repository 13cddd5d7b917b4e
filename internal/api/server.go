// Package api serves tickerwire's JSON API (Marketaux-shaped under /v1/),
// its feeds (/feeds/) and its health and metrics endpoints.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

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
	handle := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.instrument(pattern, h))
	}
	handle("GET /v1/news/all", s.handleNewsAll)
	handle("GET /v1/news/uuid/{uuid}", s.handleNewsUUID)
	handle("GET /feeds/news.rss", s.handleFeedRSS)
	handle("GET /healthz", s.handleHealth)
	handle("/v1/", s.handleUnknownEndpoint)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.Metrics.Registry, promhttp.HandlerOpts{}))
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
	report := func(name string, err error) {
		if err != nil {
			s.Log.Warn("health check failed", "part", name, "err", err)
			body[name] = err.Error()
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
