package queue

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrClosed is returned by a closed queue.
var ErrClosed = errors.New("queue closed")

// Memory is the in-process queue of a single tickerwire process. Jobs live
// in memory: they survive a handler's error but not the process.
type Memory struct {
	mu     sync.Mutex
	queues map[string]chan Job
	seen   map[string]time.Time // dedupe keys, job and event
	subs   map[int]chan []byte
	nextID int
	closed bool
	now    func() time.Time
}

// NewMemory returns an empty in-process queue.
func NewMemory() *Memory {
	return &Memory{queues: map[string]chan Job{}, seen: map[string]time.Time{}, subs: map[int]chan []byte{}, now: time.Now}
}

// memoryQueueSize is how many jobs a named queue holds before Enqueue waits.
const memoryQueueSize = 4096

func (m *Memory) queue(name string) (chan Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, ErrClosed
	}
	q, ok := m.queues[name]
	if !ok {
		q = make(chan Job, memoryQueueSize)
		m.queues[name] = q
	}
	return q, nil
}

// firstSighting records key and reports whether it was new within the window.
func (m *Memory) firstSighting(key string) bool {
	if key == "" {
		return true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if t, ok := m.seen[key]; ok && now.Sub(t) < DedupeWindow {
		return false
	}
	if len(m.seen) > 100_000 {
		for k, t := range m.seen {
			if now.Sub(t) >= DedupeWindow {
				delete(m.seen, k)
			}
		}
	}
	m.seen[key] = now
	return true
}

// Enqueue implements Queue.
func (m *Memory) Enqueue(ctx context.Context, name, key string, payload []byte) error {
	q, err := m.queue(name)
	if err != nil {
		return err
	}
	if !m.firstSighting("job:" + name + ":" + key) {
		return nil
	}
	select {
	case q <- Job{Payload: payload, Attempt: 1}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Work implements Queue.
func (m *Memory) Work(ctx context.Context, name string, handle Handler) error {
	q, err := m.queue(name)
	if err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case job := <-q:
			if err := handle(ctx, job); err != nil {
				job.Attempt++
				go func() {
					select {
					case <-time.After(RetryDelay):
						q <- job
					case <-ctx.Done():
						q <- job // keep it for another worker of this process
					}
				}()
			}
		}
	}
}

// Announce implements Queue.
func (m *Memory) Announce(ctx context.Context, key string, payload []byte) error {
	if !m.firstSighting("event:" + key) {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	for _, ch := range m.subs {
		select {
		case ch <- payload:
		default: // a subscriber that cannot keep up misses events rather than stalling ingestion
		}
	}
	return nil
}

// Subscribe implements Queue.
func (m *Memory) Subscribe(ctx context.Context, handle func(payload []byte)) error {
	ch := make(chan []byte, 1024)
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return ErrClosed
	}
	id := m.nextID
	m.nextID++
	m.subs[id] = ch
	m.mu.Unlock()
	defer func() {
		m.mu.Lock()
		delete(m.subs, id)
		m.mu.Unlock()
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case p := <-ch:
			handle(p)
		}
	}
}

// Healthy implements Queue: an open in-process queue is always healthy.
func (m *Memory) Healthy() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	return nil
}

// Close implements Queue.
func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	return nil
}
