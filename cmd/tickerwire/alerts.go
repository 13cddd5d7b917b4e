package main

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/queue"
	"github.com/tickerwire/tickerwire/internal/store"
)

// alerting is the live stream hub and the webhook dispatcher of a server.
type alerting struct {
	Hub        *alert.Hub
	Dispatcher *alert.Dispatcher
	wg         sync.WaitGroup
}

// Wait waits, after the context of startAlerts ends, for the subscription
// and the deliveries in flight to end.
func (a *alerting) Wait() {
	a.wg.Wait()
	a.Dispatcher.Wait()
}

// startAlerts resumes pending webhook deliveries and, for each new article
// announced on q (by this process's collector or by workers), publishes it
// to the live stream and matches it against the watchlists. Several serve
// processes may do so at once: each alert is created, and delivered, once.
func startAlerts(ctx context.Context, env *Env, st store.Store, q queue.Queue) (*alerting, error) {
	a := &alerting{Hub: alert.NewHub(0), Dispatcher: &alert.Dispatcher{Store: st, Log: env.Log}}
	if err := a.Dispatcher.Start(ctx); err != nil {
		return nil, err
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		err := q.Subscribe(ctx, func(payload []byte) {
			var art news.Article
			if err := json.Unmarshal(payload, &art); err != nil || art.UUID == "" {
				env.Log.Warn("alerts: a new-article event that is not an article", "err", err)
				return
			}
			a.Hub.Publish(&art)
			a.Dispatcher.Notify(&art)
		})
		if err != nil && ctx.Err() == nil {
			env.Log.Error("alerts: new-article events", "err", err)
		}
	}()
	return a, nil
}
