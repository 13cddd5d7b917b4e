package alert

import (
	"sync"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Event is one newly stored article on the live stream. IDs increase by
// one per event and, as they start from the hub's creation time in
// microseconds, across restarts too.
type Event struct {
	ID      uint64
	Article *news.Article
}

// Hub fans newly stored articles out to live-stream subscribers and keeps
// the latest ones, so a subscriber that reconnects with the last event ID
// it saw gets what it missed.
type Hub struct {
	mu     sync.Mutex
	ring   []Event // the latest events, oldest first once full
	start  int     // index of the oldest event in ring
	size   int
	nextID uint64
	subs   map[*subscription]struct{}
}

type subscription struct {
	ch chan Event
}

// DefaultReplay is how many recent events a hub keeps for resuming clients.
const DefaultReplay = 10000

// subscriberBuffer is how many events a slow subscriber may lag behind
// before it is dropped (it then reconnects and resumes from the ring).
const subscriberBuffer = 1024

// NewHub returns a hub that keeps the latest replay events (DefaultReplay
// when replay <= 0).
func NewHub(replay int) *Hub {
	if replay <= 0 {
		replay = DefaultReplay
	}
	return &Hub{ring: make([]Event, 0, replay), size: replay, nextID: uint64(time.Now().UnixMicro()),
		subs: map[*subscription]struct{}{}}
}

// Publish sends a newly stored article to every subscriber and keeps it
// for resuming ones. It never blocks: a subscriber too slow to keep up is
// disconnected.
func (h *Hub) Publish(a *news.Article) Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	ev := Event{ID: h.nextID, Article: a}
	h.nextID++
	if len(h.ring) < h.size {
		h.ring = append(h.ring, ev)
	} else {
		h.ring[h.start] = ev
		h.start = (h.start + 1) % h.size
	}
	for s := range h.subs {
		select {
		case s.ch <- ev:
		default:
			delete(h.subs, s)
			close(s.ch)
		}
	}
	return ev
}

// Subscribe returns the kept events after lastID (none when lastID is 0),
// a channel of the events that follow, and a function to unsubscribe. The
// channel is closed when the subscriber falls too far behind.
func (h *Hub) Subscribe(lastID uint64) (missed []Event, events <-chan Event, cancel func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if lastID > 0 {
		for i := range h.ring {
			ev := h.ring[(h.start+i)%len(h.ring)]
			if ev.ID > lastID {
				missed = append(missed, ev)
			}
		}
	}
	s := &subscription{ch: make(chan Event, subscriberBuffer)}
	h.subs[s] = struct{}{}
	return missed, s.ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[s]; ok {
			delete(h.subs, s)
			close(s.ch)
		}
	}
}
