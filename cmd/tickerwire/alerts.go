package main

import (
	"context"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// alerting is the live stream hub and the webhook dispatcher of a server.
type alerting struct {
	Hub        *alert.Hub
	Dispatcher *alert.Dispatcher
}

// Wait waits for deliveries in flight after the context of startAlerts ends.
func (a *alerting) Wait() { a.Dispatcher.Wait() }

// startAlerts resumes pending webhook deliveries and makes pipe publish
// each newly stored article to the live stream and the watchlists (after
// any OnStored hook already set).
func startAlerts(ctx context.Context, env *Env, st store.Store, pipe *ingest.Pipeline) (*alerting, error) {
	a := &alerting{Hub: alert.NewHub(0), Dispatcher: &alert.Dispatcher{Store: st, Log: env.Log}}
	if err := a.Dispatcher.Start(ctx); err != nil {
		return nil, err
	}
	prev := pipe.OnStored
	pipe.OnStored = func(art *news.Article) {
		if prev != nil {
			prev(art)
		}
		a.Hub.Publish(art)
		a.Dispatcher.Notify(art)
	}
	return a, nil
}
