package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Stream and subject names on the NATS server.
const (
	workStream    = "TICKERWIRE_WORK"
	workSubject   = "tickerwire.work."
	eventStream   = "TICKERWIRE_EVENTS"
	eventSubject  = "tickerwire.events.article"
	eventsMaxAge  = 24 * time.Hour
	jobAckWait    = 2 * time.Minute
	jobMaxDeliver = 50
)

// NATS is the queue on a NATS server with JetStream: a work-queue stream
// whose jobs each go to one worker and are acknowledged after their work is
// committed, and an events stream every serve node reads.
type NATS struct {
	nc *nats.Conn
	js jetstream.JetStream
}

// DialNATS connects to the NATS server at url and makes sure the streams
// exist. The connection reconnects by itself after a server restart.
func DialNATS(ctx context.Context, url string) (*NATS, error) {
	nc, err := nats.Connect(url,
		nats.Name("tickerwire"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(500*time.Millisecond),
		nats.RetryOnFailedConnect(true),
	)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	q := &NATS{nc: nc, js: js}
	if err := q.ensureStreams(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

func (q *NATS) ensureStreams(ctx context.Context) error {
	if _, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       workStream,
		Subjects:   []string{workSubject + ">"},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: DedupeWindow,
	}); err != nil {
		return fmt.Errorf("create stream %s: %w", workStream, err)
	}
	if _, err := q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       eventStream,
		Subjects:   []string{eventSubject},
		Retention:  jetstream.LimitsPolicy,
		Storage:    jetstream.FileStorage,
		MaxAge:     eventsMaxAge,
		Duplicates: DedupeWindow,
	}); err != nil {
		return fmt.Errorf("create stream %s: %w", eventStream, err)
	}
	return nil
}

// Enqueue implements Queue.
func (q *NATS) Enqueue(ctx context.Context, name, key string, payload []byte) error {
	var opts []jetstream.PublishOpt
	if key != "" {
		opts = append(opts, jetstream.WithMsgID(name+":"+key))
	}
	_, err := q.js.Publish(ctx, workSubject+name, payload, opts...)
	return err
}

// Work implements Queue.
func (q *NATS) Work(ctx context.Context, name string, handle Handler) error {
	cons, err := q.js.CreateOrUpdateConsumer(ctx, workStream, jetstream.ConsumerConfig{
		Durable:       "tickerwire-" + name,
		FilterSubject: workSubject + name,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       jobAckWait,
		MaxDeliver:    jobMaxDeliver,
		MaxAckPending: 256,
	})
	if err != nil {
		return fmt.Errorf("consumer for %s: %w", name, err)
	}
	cc, err := cons.Consume(func(msg jetstream.Msg) {
		attempt := 1
		if md, err := msg.Metadata(); err == nil {
			attempt = int(md.NumDelivered)
		}
		if err := handle(ctx, Job{Payload: msg.Data(), Attempt: attempt}); err != nil {
			_ = msg.NakWithDelay(RetryDelay)
			return
		}
		_ = msg.Ack()
	}, jetstream.PullMaxMessages(16))
	if err != nil {
		return err
	}
	<-ctx.Done()
	cc.Drain()
	<-cc.Closed()
	return ctx.Err()
}

// Announce implements Queue.
func (q *NATS) Announce(ctx context.Context, key string, payload []byte) error {
	var opts []jetstream.PublishOpt
	if key != "" {
		opts = append(opts, jetstream.WithMsgID(key))
	}
	_, err := q.js.Publish(ctx, eventSubject, payload, opts...)
	return err
}

// Subscribe implements Queue.
func (q *NATS) Subscribe(ctx context.Context, handle func(payload []byte)) error {
	cons, err := q.js.OrderedConsumer(ctx, eventStream, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverNewPolicy,
	})
	if err != nil {
		return err
	}
	cc, err := cons.Consume(func(msg jetstream.Msg) { handle(msg.Data()) })
	if err != nil {
		return err
	}
	<-ctx.Done()
	cc.Stop()
	return ctx.Err()
}

// Healthy implements Queue: it reports whether the connection to the server is up.
func (q *NATS) Healthy() error {
	if !q.nc.IsConnected() {
		return errors.New("NATS: " + q.nc.Status().String())
	}
	return nil
}

// Close implements Queue.
func (q *NATS) Close() error {
	q.nc.Close()
	return nil
}
