// Package queue carries work between tickerwire's pipeline stages and tells
// every server about new articles. The in-process Memory queue serves one
// machine; NATS JetStream (see NATS) serves several, with durable work
// queues and a stream of events every serve node reads.
package queue

import (
	"context"
	"time"
)

// Job is one unit of work taken from a queue.
type Job struct {
	Payload []byte
	Attempt int // 1 on first delivery, more on redelivery
}

// Handler does one job. Returning nil acknowledges it; an error has it
// delivered again later.
type Handler func(ctx context.Context, job Job) error

// Queue is a set of named durable work queues plus a broadcast of events.
type Queue interface {
	// Enqueue adds a job to the named work queue. A job with the same key
	// enqueued again within DedupeWindow is dropped.
	Enqueue(ctx context.Context, queue, key string, payload []byte) error
	// Work calls handle for each job of the named queue, each job going to
	// one worker of all those working that queue, until ctx is done. A job
	// is acknowledged only when handle returns nil; otherwise, or when the
	// process dies first, it is delivered again.
	Work(ctx context.Context, queue string, handle Handler) error
	// Announce tells every subscriber about an event. An event with the same
	// key announced again within DedupeWindow is dropped.
	Announce(ctx context.Context, key string, payload []byte) error
	// Subscribe calls handle for each event announced from now on, in
	// order, until ctx is done.
	Subscribe(ctx context.Context, handle func(payload []byte)) error
	// Healthy returns nil when the queue can take and hand out work, else
	// what is wrong (a lost connection to the server).
	Healthy() error
	// Close releases the queue's resources.
	Close() error
}

// DedupeWindow is how long a job or event key is remembered.
const DedupeWindow = 10 * time.Minute

// RetryDelay is how long a failed job waits before it is delivered again.
const RetryDelay = 2 * time.Second
