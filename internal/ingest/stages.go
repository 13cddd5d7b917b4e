package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/queue"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Work queue names of the multi-machine pipeline.
const (
	QueuePoll    = "poll"    // a source to poll: its ID
	QueueArticle = "article" // a collected article to annotate and store: news.Article as JSON
)

// Stages runs the pipeline through a durable queue, so that any number of
// worker processes share the work: a scheduler enqueues each source when it
// is due, poll jobs fetch sources and enqueue their items, and article jobs
// annotate and store each item and announce it to every server. A job is
// acknowledged only after its work is committed, and every write is
// idempotent, so redelivery after a crash never duplicates.
type Stages struct {
	Queue          queue.Queue
	Poller         *Poller
	Pipeline       *Pipeline
	Log            *slog.Logger
	Tick           time.Duration // how often due sources are looked for; 2 s by default
	PollWorkers    int           // 4 by default
	ArticleWorkers int           // 4 by default
}

// Run schedules and works the queues until ctx is done.
func (s *Stages) Run(ctx context.Context) {
	if s.Log == nil {
		s.Log = slog.Default()
	}
	s.Poller.Sink = s.enqueueArticle
	var wg sync.WaitGroup
	spawn := func(n int, fn func()) {
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				fn()
			}()
		}
	}
	spawn(1, func() { s.schedule(ctx) })
	spawn(orDefault(s.PollWorkers, 4), func() { s.work(ctx, QueuePoll, s.pollJob) })
	spawn(orDefault(s.ArticleWorkers, 4), func() { s.work(ctx, QueueArticle, s.articleJob) })
	wg.Wait()
}

func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// work keeps a worker on a queue, restarting it after errors (a lost
// connection) until ctx is done.
func (s *Stages) work(ctx context.Context, name string, h queue.Handler) {
	for ctx.Err() == nil {
		if err := s.Queue.Work(ctx, name, h); err != nil && ctx.Err() == nil {
			s.Log.Error("queue worker stopped; restarting", "queue", name, "err", err)
			sleep(ctx, time.Second)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// schedule enqueues each due source once per due time: the job key names
// the source and its next-poll time, so every worker's scheduler may run.
func (s *Stages) schedule(ctx context.Context) {
	tick := s.Tick
	if tick <= 0 {
		tick = 2 * time.Second
	}
	for ctx.Err() == nil {
		sources, err := s.Poller.Store.ListSources(ctx)
		if err != nil && ctx.Err() == nil {
			s.Log.Error("listing sources", "err", err)
		}
		now := s.Poller.now()
		for i := range sources {
			src := &sources[i]
			if !Due(src, now) {
				continue
			}
			key := fmt.Sprintf("%d@%d", src.ID, src.NextPoll.Unix())
			if err := s.Queue.Enqueue(ctx, QueuePoll, key, []byte(strconv.FormatInt(src.ID, 10))); err != nil && ctx.Err() == nil {
				s.Log.Error("scheduling source", "source", src.URL, "err", err)
			}
		}
		sleep(ctx, tick)
	}
}

func (s *Stages) pollJob(ctx context.Context, job queue.Job) error {
	id, err := strconv.ParseInt(string(job.Payload), 10, 64)
	if err != nil {
		s.Log.Error("dropping a bad poll job", "payload", string(job.Payload))
		return nil
	}
	sources, err := s.Poller.Store.ListSources(ctx)
	if err != nil {
		return err
	}
	for i := range sources {
		src := &sources[i]
		if src.ID != id {
			continue
		}
		if !Due(src, s.Poller.now()) {
			return nil // another worker polled it already
		}
		res, err := s.Poller.Poll(ctx, src)
		if err != nil {
			s.Log.Warn("poll failed", "source", src.URL, "err", err)
		} else {
			s.Log.Debug("polled", "source", src.URL, "items", res.Items, "not_modified", res.NotModified)
		}
		return nil // the failure is recorded on the source, which backs off
	}
	return nil // the source was removed
}

// enqueueArticle is the poller's sink in staged mode: each item becomes a
// durable article job, keyed by its URL so that polls of the same feed do
// not queue it twice.
func (s *Stages) enqueueArticle(ctx context.Context, a *news.Article) (bool, error) {
	payload, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	key := a.URL
	if key == "" {
		key = store.ContentHash(a.Title, a.Text)
	}
	return false, s.Queue.Enqueue(ctx, QueueArticle, key, payload)
}

func (s *Stages) articleJob(ctx context.Context, job queue.Job) error {
	var a news.Article
	if err := json.Unmarshal(job.Payload, &a); err != nil {
		s.Log.Error("dropping a bad article job", "err", err)
		return nil
	}
	created, err := s.Pipeline.Add(ctx, &a)
	if err == ErrEmpty {
		return nil
	}
	if err != nil {
		return err
	}
	// A redelivered job may have been stored by a worker that died before
	// announcing it; announcing again is harmless, as events are deduped by
	// article UUID.
	if created || job.Attempt > 1 {
		return Announce(ctx, s.Queue, &a)
	}
	return nil
}

// Announce tells every server about a newly stored article.
func Announce(ctx context.Context, q queue.Queue, a *news.Article) error {
	payload, err := json.Marshal(a)
	if err != nil {
		return err
	}
	return q.Announce(ctx, a.UUID, payload)
}
