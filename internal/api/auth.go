package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/tickerwire/tickerwire/internal/store"
)

// DefaultRateLimit is the requests per minute of a key without its own
// limit, and of loopback clients when no key exists.
const DefaultRateLimit = 600

// tokenPrefix starts every API key, so leaked keys are easy to find.
const tokenPrefix = "tw_"

// NewAPIKey makes a new random API key: the token to give the user (shown
// once) and what to store (its public prefix and a SHA-256 hash). rateLimit
// is requests per minute (0: the server's default).
func NewAPIKey(name string, rateLimit int) (token string, key store.APIKey) {
	var id [6]byte
	var secret [24]byte
	_, _ = rand.Read(id[:]) // crypto/rand.Read never fails
	_, _ = rand.Read(secret[:])
	prefix := hex.EncodeToString(id[:])
	token = tokenPrefix + prefix + "_" + hex.EncodeToString(secret[:])
	return token, store.APIKey{Prefix: prefix, Hash: hashToken(token), Name: name, RateLimit: rateLimit}
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// tokenPrefixOf returns the prefix of a token made by NewAPIKey.
func tokenPrefixOf(token string) (string, bool) {
	rest, ok := strings.CutPrefix(token, tokenPrefix)
	if !ok {
		return "", false
	}
	prefix, _, ok := strings.Cut(rest, "_")
	return prefix, ok && prefix != ""
}

// errBadKey is a token that is unknown, malformed or revoked.
var errBadKey = errors.New("invalid API key")

// authenticate returns the active key a token belongs to.
func (s *Server) authenticate(ctx context.Context, token string) (*store.APIKey, error) {
	prefix, ok := tokenPrefixOf(token)
	if !ok {
		return nil, errBadKey
	}
	k, err := s.Store.APIKeyByPrefix(ctx, prefix)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errBadKey
	}
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(hashToken(token)), []byte(k.Hash)) != 1 || !k.Revoked.IsZero() {
		return nil, errBadKey
	}
	return k, nil
}

// requestToken is the API key of a request: the api_token (or Polygon's
// apiKey) parameter, or an Authorization: Bearer header.
func requestToken(r *http.Request) string {
	if auth := r.Header.Get("Authorization"); auth != "" {
		if t, ok := strings.CutPrefix(auth, "Bearer "); ok {
			return strings.TrimSpace(t)
		}
	}
	if t := r.URL.Query().Get("api_token"); t != "" {
		return t
	}
	return r.URL.Query().Get("apiKey")
}

type keyContext struct{}

// keyID returns the ID of the request's API key, 0 for a loopback client
// without one.
func keyID(ctx context.Context) int64 {
	id, _ := ctx.Value(keyContext{}).(int64)
	return id
}

func isLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// guard authenticates and rate-limits a request: with API keys created,
// every request needs a valid one; with none, only loopback clients are
// served.
func (s *Server) guard(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := requestToken(r)
		var key *store.APIKey
		if token != "" {
			k, err := s.authenticate(r.Context(), token)
			if errors.Is(err, errBadKey) {
				writeError(w, &Error{Status: http.StatusUnauthorized, Code: CodeInvalidAPIToken, Message: "The API token is invalid or revoked."})
				return
			}
			if err != nil {
				serverError(w, s.Log, err)
				return
			}
			key = k
		} else {
			active, err := s.keysExist(r.Context())
			if err != nil {
				serverError(w, s.Log, err)
				return
			}
			if active {
				writeError(w, &Error{Status: http.StatusUnauthorized, Code: CodeInvalidAPIToken,
					Message: "An API token is required: send api_token=KEY or Authorization: Bearer KEY."})
				return
			}
			if !isLoopback(r) {
				writeError(w, &Error{Status: http.StatusForbidden, Code: CodeEndpointRestricted,
					Message: "This server has no API keys yet, so it answers only on loopback; create one with `tickerwire keys create`."})
				return
			}
			// Without keys the only client is the machine's own operator:
			// nothing to share fairly, so no rate limit.
			h(w, r)
			return
		}
		limiterKey, perMinute := "ip:"+clientIP(r), s.rateLimit()
		if key != nil {
			limiterKey = "key:" + strconv.FormatInt(key.ID, 10)
			if key.RateLimit > 0 {
				perMinute = key.RateLimit
			}
			r = r.WithContext(context.WithValue(r.Context(), keyContext{}, key.ID))
		}
		if !s.limits.allow(w, limiterKey, perMinute) {
			writeError(w, &Error{Status: http.StatusTooManyRequests, Code: CodeRateLimitReached,
				Message: "Too many requests: at most " + strconv.Itoa(perMinute) + " a minute."})
			return
		}
		h(w, r)
	}
}

// DefaultKeyCheckInterval is how long the answer to "does an active key
// exist?" is reused by default, so unauthenticated requests do not each read
// the keys table; a key created or revoked by another process counts within
// this time.
const DefaultKeyCheckInterval = 2 * time.Second

// keysExist reports whether an active API key exists.
func (s *Server) keysExist(ctx context.Context) (bool, error) {
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	every := s.KeyCheckInterval
	if every == 0 {
		every = DefaultKeyCheckInterval
	}
	if !s.keys.checked.IsZero() && time.Since(s.keys.checked) < every {
		return s.keys.active, nil
	}
	keys, err := s.Store.APIKeys(ctx)
	if err != nil {
		return false, err
	}
	s.keys.active, s.keys.checked = hasActiveKey(keys), time.Now()
	return s.keys.active, nil
}

// keyPresence caches whether any active API key exists.
type keyPresence struct {
	mu      sync.Mutex
	checked time.Time
	active  bool
}

func hasActiveKey(keys []store.APIKey) bool {
	for _, k := range keys {
		if k.Revoked.IsZero() {
			return true
		}
	}
	return false
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) rateLimit() int {
	if s.RateLimit > 0 {
		return s.RateLimit
	}
	return DefaultRateLimit
}

// limiters holds a token bucket per API key (or loopback address).
type limiters struct {
	mu sync.Mutex
	m  map[string]*limiter
}

type limiter struct {
	*rate.Limiter
	perMinute int
}

// allow takes a token from the bucket of key and sets the X-RateLimit-*
// headers (and Retry-After when refusing).
func (l *limiters) allow(w http.ResponseWriter, key string, perMinute int) bool {
	l.mu.Lock()
	if l.m == nil {
		l.m = map[string]*limiter{}
	}
	lim := l.m[key]
	if lim == nil || lim.perMinute != perMinute {
		lim = &limiter{rate.NewLimiter(rate.Limit(float64(perMinute)/60), perMinute), perMinute}
		l.m[key] = lim
	}
	l.mu.Unlock()
	now := time.Now()
	ok := lim.AllowN(now, 1)
	tokens := lim.TokensAt(now)
	perSecond := float64(perMinute) / 60
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(perMinute))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(0, int(math.Floor(tokens)))))
	h.Set("X-RateLimit-Reset", strconv.Itoa(int(math.Ceil((float64(perMinute)-tokens)/perSecond))))
	if !ok {
		h.Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil((1-tokens)/perSecond)))))
	}
	return ok
}
