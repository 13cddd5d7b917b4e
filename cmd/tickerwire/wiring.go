package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/extract"
	"github.com/tickerwire/tickerwire/internal/fetch"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/queue"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/postgres"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/story"
)

// defaultDataDir is where the store lives unless --data says otherwise.
const defaultDataDir = "./tickerwire-data"

// userAgent identifies tickerwire to the sites it fetches.
const userAgent = fetch.DefaultUserAgent

// openStore opens (creating when needed) the SQLite store in dataDir.
func openStore(ctx context.Context, dataDir string) (store.Store, error) {
	return sqlite.Open(ctx, dataDir)
}

// backend is where a serving or working process keeps its data and passes
// its work: SQLite and an in-process queue on one machine, PostgreSQL and
// NATS JetStream across several.
type backend struct {
	Store store.Store
	Queue queue.Queue
	// Shared is true when other processes share the queue (NATS): then
	// workers collect news and servers only serve.
	Shared bool
}

// storeFlags are the flags that choose the store: SQLite in --data, or
// PostgreSQL at --database.
type storeFlags struct {
	data, database *string
}

func addStoreFlags(fs *flag.FlagSet) storeFlags {
	return storeFlags{
		data:     fs.String("data", defaultDataDir, "data directory (the SQLite store), when --database is not given"),
		database: fs.String("database", "", "PostgreSQL URL (postgres://user:pass@host/db); instead of SQLite in --data"),
	}
}

// open opens the store the flags name.
func (f storeFlags) open(ctx context.Context) (store.Store, error) {
	if *f.database != "" {
		return postgres.Open(ctx, *f.database)
	}
	return openStore(ctx, *f.data)
}

// parseAndOpen parses a store command's flags and opens the store they
// name; the caller closes it.
func parseAndOpen(env *Env, fs *flag.FlagSet, args []string, sf storeFlags) (store.Store, error) {
	if err := env.Parse(fs, args); err != nil {
		return nil, err
	}
	return sf.open(env.Ctx)
}

// backendFlags are the flags that choose the backend.
type backendFlags struct {
	storeFlags
	nats *string
}

func addBackendFlags(fs *flag.FlagSet) backendFlags {
	return backendFlags{
		storeFlags: addStoreFlags(fs),
		nats:       fs.String("nats", "", "NATS URL (nats://host:4222) of the JetStream server shared with other serve and worker processes"),
	}
}

// open opens the store and queue the flags name.
func (f backendFlags) open(ctx context.Context) (*backend, error) {
	var b backend
	var err error
	b.Store, err = f.storeFlags.open(ctx)
	if err != nil {
		return nil, err
	}
	if *f.nats != "" {
		b.Queue, err = queue.DialNATS(ctx, *f.nats)
		if err != nil {
			b.Store.Close()
			return nil, err
		}
		b.Shared = true
	} else {
		b.Queue = queue.NewMemory()
	}
	return &b, nil
}

// Close closes the queue and the store.
func (b *backend) Close() {
	b.Queue.Close()
	b.Store.Close()
}

// storeExists reports whether dataDir holds a store.
func storeExists(dataDir string) bool {
	_, err := os.Stat(filepath.Join(dataDir, sqlite.FileName))
	return !errors.Is(err, os.ErrNotExist)
}

// newPipeline builds the ingest pipeline: the security master stored in st
// (importing refDir into it first when given; the embedded default when
// none was imported), the full annotator, and the story clusterer with the
// stories of the last window restored.
func newPipeline(env *Env, st store.Store, refDir string) (*ingest.Pipeline, error) {
	master, err := masterFromStore(env, st, refDir)
	if err != nil {
		return nil, err
	}
	cfg := story.DefaultConfig()
	stories := ingest.NewStories(cfg)
	start := time.Now()
	n, err := stories.Restore(env.Ctx, st, cfg.Window, start)
	if err != nil {
		return nil, fmt.Errorf("restoring stories: %w", err)
	}
	env.Log.Debug("stories restored", "articles", n, "took", time.Since(start).Round(time.Millisecond))
	return &ingest.Pipeline{Store: st, Annotator: pipeline.New(master), Stories: stories}, nil
}

// fileReader reads news files, extracting HTML pages.
func fileReader() ingest.FileReader {
	return ingest.FileReader{Extract: extract.Article}
}

// startCollector starts collecting news in the background: on one machine
// it polls the stored sources; with a shared queue it runs the queued
// pipeline stages with the other workers (whose article stage announces
// new articles itself). Wait on the result returns once ctx is done and collecting
// has stopped.
func startCollector(ctx context.Context, env *Env, b *backend, pipe *ingest.Pipeline, allowPrivate bool) *sync.WaitGroup {
	client := fetch.New(fetch.Options{AllowPrivate: allowPrivate, UserAgent: userAgent})
	p := &ingest.Poller{Store: b.Store, Pipeline: pipe, Client: client, FetchPage: pageFetcher(client),
		Log: env.Log, UserAgent: userAgent}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if b.Shared {
			(&ingest.Stages{Queue: b.Queue, Poller: p, Pipeline: pipe, Log: env.Log}).Run(ctx)
			return
		}
		p.Run(ctx)
	}()
	return &wg
}

// announceNew returns the pipeline hook that tells every server (through
// q) about each newly stored article, for the live stream and alerts.
func announceNew(ctx context.Context, env *Env, q queue.Queue) func(*news.Article) {
	return func(a *news.Article) {
		if err := ingest.Announce(ctx, q, a); err != nil && ctx.Err() == nil {
			env.Log.Warn("announcing a new article", "err", err)
		}
	}
}

// pageFetcher fetches a page with client and extracts its article.
func pageFetcher(client *fetch.Client) ingest.PageFetcher {
	return func(ctx context.Context, pageURL string, headers map[string]string) (news.Article, error) {
		resp, err := client.Get(ctx, fetch.Request{URL: pageURL, Header: headers})
		if err != nil {
			return news.Article{}, err
		}
		return extract.HTTPArticle(resp.Body, resp.ContentType, resp.URL)
	}
}
