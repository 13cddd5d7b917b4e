package api

import (
	"sync"
)

// responseCache keeps encoded responses by their normalised parameters for
// one generation of the store (store.Generationer): the first request after
// a write drops them all, so a response is reused only while the store
// holds exactly what it was made from.
type responseCache struct {
	max    int // bytes of bodies kept
	mu     sync.Mutex
	gen    uint64
	size   int
	bodies map[string][]byte
}

// get returns the body kept for key at generation gen.
func (c *responseCache) get(gen uint64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.advance(gen)
	if gen != c.gen {
		return nil, false
	}
	body, ok := c.bodies[key]
	return body, ok
}

// put keeps body for key, made at generation gen (read before the store
// was). A body of an older generation than the cache's is not kept; when
// the cache is full it starts afresh.
func (c *responseCache) put(gen uint64, key string, body []byte) {
	if len(body) > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.advance(gen)
	if gen != c.gen {
		return
	}
	if c.size+len(body) > c.max {
		c.bodies, c.size = nil, 0
	}
	if c.bodies == nil {
		c.bodies = map[string][]byte{}
	}
	if old, ok := c.bodies[key]; ok {
		c.size -= len(old)
	}
	c.bodies[key] = body
	c.size += len(body)
}

// advance drops the bodies when gen is newer than theirs.
func (c *responseCache) advance(gen uint64) {
	if gen > c.gen {
		c.gen, c.bodies, c.size = gen, nil, 0
	}
}
