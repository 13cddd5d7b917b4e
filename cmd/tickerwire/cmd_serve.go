package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/web"
)

func init() {
	register(&command{
		Name:    "serve",
		Summary: "run the API, web UI and feeds (and collect news from sources)",
		Help: `Usage: tickerwire serve [--addr HOST:PORT] [--data DIR | --database URL] [--nats URL]
                        [--reference DIR] [--sources none|default|FILE]
                        [--response-cache MiB] [--article-cache MiB] [--memory-limit MiB]
                        [--pprof 127.0.0.1:PORT]

Serves the JSON API (/v1/news/all and the rest of Marketaux's /v1 API,
Polygon's /v2/reference/news, /v1/stream, /v1/watchlists; described at
/v1/openapi.json), the web UI, feeds (/feeds/news.rss|atom|json), /healthz
and /metrics from the store in --data; posts watchlist alerts to their
webhooks; and collects news from its sources: --sources default adds the
curated list of public financial feeds, FILE adds the feeds and pages it
lists (OPML, or one URL a line), none adds nothing. With SQLite, responses of
/v1/news/all are reused (up to --response-cache MiB) until the store changes,
and each article's rendered JSON (up to --article-cache MiB) until the
article changes. --memory-limit bounds the Go runtime's memory softly (the
garbage collector runs sooner near it; SQLite's page caches and mapped pages
are outside it). --pprof serves Go's runtime profiles on a loopback address.

On one machine serve keeps its data in SQLite under --data and collects news
itself. With --database (PostgreSQL) and --nats (NATS JetStream) it is
stateless: 'tickerwire worker' processes collect, and any number of serve
processes answer behind a load balancer.`,
		Run: runServe,
	})
}

// shutdownGrace is how long requests in flight at shutdown may take to
// finish before they are cancelled.
const shutdownGrace = 5 * time.Second

func runServe(env *Env, args []string) error {
	fs := env.FlagSet("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	bf := addBackendFlags(fs)
	ref := fs.String("reference", "", "import these security-master files first (once)")
	sources := fs.String("sources", "none", "sources to add at start: none, default, or a FILE (OPML or one URL a line)")
	allowPrivate := fs.Bool("allow-private-networks", false, "allow fetching from loopback and private addresses")
	cacheMiB := fs.Int("response-cache", 64, "MiB of /v1/news/all responses reused while the store is unchanged (SQLite; 0: none)")
	articleMiB := fs.Int("article-cache", 64, "MiB of articles rendered for /v1/news/all reused while each is unchanged (SQLite; 0: none)")
	memLimit := fs.Int("memory-limit", defaultMemoryLimitMiB, "soft limit in MiB on the Go runtime's memory, collecting garbage sooner near it (0: none; GOMEMLIMIT applies unless this is given)")
	pprofAddr := fs.String("pprof", "", "serve Go runtime profiles (/debug/pprof/) on this loopback HOST:PORT (default: none)")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	if err := setMemoryLimit(fs, "memory-limit", *memLimit); err != nil {
		return err
	}
	if *pprofAddr != "" {
		if err := startPprof(env.Ctx, env, *pprofAddr); err != nil {
			return err
		}
	}
	b, err := bf.open(env.Ctx)
	if err != nil {
		return err
	}
	defer b.Close()
	st := b.Store
	pipe, err := newPipeline(env, st, *ref)
	if err != nil {
		return err
	}
	if err := addSources(env, st, *sources); err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(env.Ctx)
	defer cancel()
	pipe.OnStored = announceNew(ctx, env, b.Queue)
	alerts, err := startAlerts(ctx, env, st, b.Queue)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	apiServer := &api.Server{Store: st, Log: env.Log, Hub: alerts.Hub, Push: ingest.Pusher{Pipeline: pipe, Reader: fileReader()},
		ResponseCache: max(*cacheMiB, 0) << 20, ArticleCache: max(*articleMiB, 0) << 20,
		Checks: map[string]func(context.Context) error{
			"queue": func(context.Context) error { return b.Queue.Healthy() },
		}}
	apiServer.Register(mux)
	pages, err := web.New(st, env.Log)
	if err != nil {
		return err
	}
	pages.Register(mux)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	requestsCtx, cancelRequests := context.WithCancel(context.WithoutCancel(env.Ctx))
	defer cancelRequests()
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		// Requests run under their own context, not the process's: on
		// SIGTERM those in flight finish (see shutdownGrace) instead of
		// failing with "context canceled".
		BaseContext: func(net.Listener) context.Context { return requestsCtx },
	}
	var collector *sync.WaitGroup
	if b.Shared {
		collector = &sync.WaitGroup{} // workers collect; this node only serves
	} else {
		collector = startCollector(ctx, env, b, pipe, *allowPrivate)
	}

	env.Log.Info("serving", "addr", "http://"+ln.Addr().String(), "shared_queue", b.Shared)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		cancel()
		collector.Wait()
		alerts.Wait()
		return fmt.Errorf("server: %w", err)
	case <-env.Ctx.Done():
	}
	env.Log.Info("shutting down")
	// Stop taking connections and let the requests in flight finish; after
	// shutdownGrace the rest (live streams, slow clients) are cancelled.
	// Collecting stops at once: an article begun is still stored.
	cancel()
	grace := time.AfterFunc(shutdownGrace, cancelRequests)
	defer grace.Stop()
	shutdownCtx, done := context.WithTimeout(context.Background(), shutdownGrace+10*time.Second)
	defer done()
	err = srv.Shutdown(shutdownCtx)
	collector.Wait()
	alerts.Wait()
	env.Log.Info("stopped")
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
