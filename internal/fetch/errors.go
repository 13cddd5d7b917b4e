package fetch

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// Kind classifies a fetch failure, so callers can record it on the source
// and decide whether and when to retry.
type Kind int

// Kinds of fetch failure.
const (
	KindOther            Kind = iota
	KindBadURL                // not an absolute http(s) URL
	KindPrivate               // the host resolves to a private, loopback or link-local address
	KindRobots                // robots.txt disallows the URL for our user agent
	KindNetwork               // connecting, TLS or reading failed
	KindTimeout               // the request took too long
	KindTooLarge              // the body (or its decompressed form) exceeds the size cap
	KindTooManyRedirects      // more redirects than allowed, or a redirect loop
	KindBlocked               // the server refused us: 403 or 429
	KindHTTP                  // any other 4xx or 5xx status
)

var kindNames = [...]string{"other", "bad url", "private address", "disallowed by robots.txt", "network",
	"timeout", "too large", "too many redirects", "blocked", "http status"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error is a failed fetch.
type Error struct {
	Kind       Kind
	URL        string
	Status     int           // the HTTP status, when there was a response
	RetryAfter time.Duration // from a Retry-After header, when given
	Err        error
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("fetch %s: %s", e.URL, e.Kind)
	if e.Status != 0 {
		msg += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf is the Kind of err, or KindOther when err is not a fetch error.
func KindOf(err error) Kind {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Kind
	}
	return KindOther
}

// IsBlocked reports whether err is a 403 or 429 refusal.
func IsBlocked(err error) bool { return KindOf(err) == KindBlocked }

// Backoff is how long to wait before retry number attempt (0 for the first
// retry): exponential from base, capped at max, with full jitter (a uniform
// random duration up to that bound) so that many clients do not retry in step.
func Backoff(attempt int, base, max time.Duration) time.Duration {
	if base <= 0 || max <= 0 {
		return 0
	}
	bound := base
	for i := 0; i < attempt && bound < max; i++ {
		bound *= 2
	}
	if bound > max || bound <= 0 {
		bound = max
	}
	return time.Duration(rand.Int64N(int64(bound)) + 1)
}
