package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
)

// defaultDataDir is where the store lives unless --data says otherwise.
const defaultDataDir = "./tickerwire-data"

// userAgent identifies tickerwire to the sites it fetches.
const userAgent = "tickerwire/1.0 (+https://github.com/tickerwire/tickerwire)"

// openStore opens (creating when needed) the SQLite store in dataDir.
func openStore(ctx context.Context, dataDir string) (store.Store, error) {
	return sqlite.Open(ctx, dataDir)
}

// storeExists reports whether dataDir holds a store.
func storeExists(dataDir string) bool {
	_, err := os.Stat(filepath.Join(dataDir, sqlite.FileName))
	return !errors.Is(err, os.ErrNotExist)
}

// newPipeline builds the ingest pipeline: the security master stored in st
// (importing refDir into it first when given; the embedded default when
// none was imported) and the full annotator.
func newPipeline(env *Env, st store.Store, refDir string) (*ingest.Pipeline, error) {
	master, err := masterFromStore(env, st, refDir)
	if err != nil {
		return nil, err
	}
	return &ingest.Pipeline{Store: st, Annotator: pipeline.New(master)}, nil
}

// fileReader reads news files.
func fileReader() ingest.FileReader {
	return ingest.FileReader{}
}

// startCollector starts polling the stored sources in the background; Wait
// on the result returns once ctx is done and polling has stopped.
func startCollector(ctx context.Context, env *Env, st store.Store, pipe *ingest.Pipeline, allowPrivate bool) *sync.WaitGroup {
	p := &ingest.Poller{Store: st, Pipeline: pipe, Client: newHTTPClient(allowPrivate), Log: env.Log, UserAgent: userAgent}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.Run(ctx)
	}()
	return &wg
}

// newHTTPClient is the client sources are fetched with.
func newHTTPClient(allowPrivate bool) ingest.HTTPDoer {
	_ = allowPrivate
	return &http.Client{Timeout: 30 * time.Second}
}
