package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Webhook request headers.
const (
	HeaderSignature = "X-Tickerwire-Signature" // t=UNIX,v1=HEX(HMAC-SHA256(secret, "UNIX.BODY"))
	HeaderDelivery  = "X-Tickerwire-Delivery"  // the alert's ID: the same on every retry, for receivers to deduplicate
	HeaderAttempt   = "X-Tickerwire-Attempt"
)

// Payload is the JSON body of an alert, and the data of a user template.
type Payload struct {
	AlertID   int64          `json:"alert_id"`
	Watchlist PayloadList    `json:"watchlist"`
	Article   PayloadArticle `json:"article"`
}

// PayloadList names the watchlist that matched.
type PayloadList struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// PayloadArticle is the matching article.
type PayloadArticle struct {
	UUID        string    `json:"uuid"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	URL         string    `json:"url"`
	Source      string    `json:"source"`
	Language    string    `json:"language"`
	PublishedAt time.Time `json:"published_at"`
	Sentiment   float64   `json:"sentiment_score"`
	Symbols     []string  `json:"symbols"` // SYMBOL.MIC, primary listings first
	Events      []string  `json:"events"`
}

// NewPayload builds the payload of an alert.
func NewPayload(alertID int64, w *store.Watchlist, a *news.Article) Payload {
	listings, events := store.IndexRows(a.Annotation)
	p := Payload{AlertID: alertID, Watchlist: PayloadList{ID: w.ID, Name: w.Name},
		Article: PayloadArticle{UUID: a.UUID, Title: a.Title, Description: a.Description, URL: a.URL, Source: a.Source,
			Language: a.Language, PublishedAt: a.When(), Sentiment: a.Annotation.Sentiment.Score,
			Symbols: []string{}, Events: []string{}}}
	for _, l := range listings {
		p.Article.Symbols = append(p.Article.Symbols, l.Symbol+"."+l.MIC)
	}
	p.Article.Events = append(p.Article.Events, events...)
	return p
}

// Body renders a payload as the webhook wants it: JSON, or the user's
// template with its content type (text/plain when unset).
func Body(hook store.Webhook, p Payload) (body []byte, contentType string, err error) {
	if hook.Template == "" {
		body, err = json.Marshal(p)
		return body, "application/json", err
	}
	t, err := template.New("webhook").Option("missingkey=error").Parse(hook.Template)
	if err != nil {
		return nil, "", fmt.Errorf("webhook template: %w", err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		return nil, "", fmt.Errorf("webhook template: %w", err)
	}
	contentType = hook.ContentType
	if contentType == "" {
		contentType = "text/plain; charset=utf-8"
	}
	return b.Bytes(), contentType, nil
}

// Sign returns the signature header value of body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// ErrBadSignature is returned by Verify for a missing, malformed, wrong or
// stale signature.
var ErrBadSignature = errors.New("bad webhook signature")

// Verify checks a signature header made by Sign, for receivers: the HMAC
// must match (compared in constant time) and the time be within tolerance
// of now.
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return fmt.Errorf("%w: header %q", ErrBadSignature, header)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: signed %v ago", ErrBadSignature, d)
	}
	want := mac(secret, ts, body)
	if !hmac.Equal([]byte(want), []byte(sig)) {
		return ErrBadSignature
	}
	return nil
}

// Doer sends HTTP requests (an *http.Client, or one that guards against
// private addresses).
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Dispatcher matches new articles against the watchlists and delivers the
// alerts to their webhooks, retrying with exponential backoff and logging
// every attempt in the store. Each alert (watchlist, article) is created
// once and delivered until one attempt succeeds, so a receiver gets it once
// unless it fails after accepting it (it can deduplicate by HeaderDelivery).
type Dispatcher struct {
	Store       store.Store
	Client      Doer          // default: an http.Client with Timeout
	Log         *slog.Logger  // default slog.Default()
	MaxAttempts int           // default 8
	BaseDelay   time.Duration // first retry delay, doubled each time; default 2s
	MaxDelay    time.Duration // default 1h
	Timeout     time.Duration // per attempt; default 15s
	Now         func() time.Time

	ctx context.Context
	wg  sync.WaitGroup
}

func (d *Dispatcher) defaults() {
	if d.Client == nil {
		d.Client = &http.Client{Timeout: d.timeout()}
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.MaxAttempts <= 0 {
		d.MaxAttempts = 8
	}
	if d.BaseDelay <= 0 {
		d.BaseDelay = 2 * time.Second
	}
	if d.MaxDelay <= 0 {
		d.MaxDelay = time.Hour
	}
	if d.Now == nil {
		d.Now = time.Now
	}
}

func (d *Dispatcher) timeout() time.Duration {
	if d.Timeout <= 0 {
		return 15 * time.Second
	}
	return d.Timeout
}

// Start makes the dispatcher work until ctx ends, and resumes delivering
// the alerts left pending by an earlier run.
func (d *Dispatcher) Start(ctx context.Context) error {
	d.defaults()
	d.ctx = ctx
	pending, err := d.Store.Alerts(ctx, store.AlertQuery{Status: store.AlertPending})
	if err != nil {
		return fmt.Errorf("alerts: pending: %w", err)
	}
	for _, a := range pending {
		d.deliverLater(a)
	}
	return nil
}

// Wait waits for the deliveries in flight to end (after Start's ctx ends).
func (d *Dispatcher) Wait() { d.wg.Wait() }

// Notify matches a newly stored article against every watchlist and
// starts delivering an alert for each that matches and has a webhook.
func (d *Dispatcher) Notify(a *news.Article) {
	if d.ctx == nil {
		d.Log.Error("alerts: Notify before Start")
		return
	}
	lists, err := d.Store.Watchlists(d.ctx)
	if err != nil {
		d.Log.Error("alerts: watchlists", "err", err)
		return
	}
	for i := range lists {
		w := &lists[i]
		if w.Webhook.URL == "" || !MatchWatchlist(w, a) {
			continue
		}
		al := &store.Alert{WatchlistID: w.ID, ArticleUUID: a.UUID}
		created, err := d.Store.CreateAlert(d.ctx, al)
		if err != nil {
			d.Log.Error("alerts: create", "watchlist", w.ID, "article", a.UUID, "err", err)
			continue
		}
		if created {
			d.deliverLater(*al)
		}
	}
}

// deliverLater delivers an alert in the background.
func (d *Dispatcher) deliverLater(a store.Alert) {
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		d.deliver(a)
	}()
}

// deliver tries an alert until it succeeds, the attempts run out or the
// dispatcher stops (leaving it pending for the next run).
func (d *Dispatcher) deliver(a store.Alert) {
	for a.Status == store.AlertPending {
		if wait := a.NextAttempt.Sub(d.Now()); wait > 0 {
			select {
			case <-d.ctx.Done():
				return
			case <-time.After(wait):
			}
		}
		if d.ctx.Err() != nil {
			return
		}
		a.Attempts++
		code, err := d.attempt(&a)
		if err != nil && d.ctx.Err() != nil {
			return // stopped mid-attempt: the next run retries
		}
		now := d.Now()
		switch {
		case err == nil:
			a.Status, a.Delivered, a.LastError, a.NextAttempt = store.AlertDelivered, now, "", time.Time{}
		case a.Attempts >= d.MaxAttempts || code == -1:
			a.Status, a.LastError, a.NextAttempt = store.AlertFailed, err.Error(), time.Time{}
		default:
			a.LastError, a.NextAttempt = err.Error(), now.Add(d.backoff(a.Attempts))
		}
		if err := d.Store.UpdateAlert(context.WithoutCancel(d.ctx), &a); err != nil {
			d.Log.Error("alerts: update", "alert", a.ID, "err", err)
			return
		}
	}
}

// backoff is the wait after the n-th failed attempt: BaseDelay doubled
// each time, at most MaxDelay, with up to 10% jitter.
func (d *Dispatcher) backoff(n int) time.Duration {
	delay := d.BaseDelay << min(n-1, 30)
	if delay <= 0 || delay > d.MaxDelay {
		delay = d.MaxDelay
	}
	return delay + time.Duration(rand.Int64N(int64(delay)/10+1))
}

// attempt makes one delivery attempt and logs it. It returns the response
// status (-1 when the alert cannot be delivered at all, such as for a
// missing watchlist or a failing template) and an error unless the
// receiver answered 2xx.
func (d *Dispatcher) attempt(a *store.Alert) (int, error) {
	start := d.Now()
	code, err := d.send(a)
	log := store.DeliveryAttempt{AlertID: a.ID, Attempt: a.Attempts, At: start, StatusCode: max(code, 0), Duration: d.Now().Sub(start)}
	if err != nil {
		log.Error = err.Error()
		d.Log.Warn("alerts: delivery failed", "alert", a.ID, "attempt", a.Attempts, "err", err)
	}
	if lerr := d.Store.AddDeliveryAttempt(context.WithoutCancel(d.ctx), log); lerr != nil {
		d.Log.Error("alerts: log attempt", "alert", a.ID, "err", lerr)
	}
	return code, err
}

func (d *Dispatcher) send(a *store.Alert) (int, error) {
	w, err := d.Store.Watchlist(d.ctx, a.WatchlistID)
	if err != nil {
		return -1, fmt.Errorf("watchlist %d: %w", a.WatchlistID, err)
	}
	art, err := d.Store.GetArticle(d.ctx, a.ArticleUUID)
	if err != nil {
		return -1, fmt.Errorf("article %s: %w", a.ArticleUUID, err)
	}
	body, contentType, err := Body(w.Webhook, NewPayload(a.ID, w, art))
	if err != nil {
		return -1, err
	}
	ctx, cancel := context.WithTimeout(d.ctx, d.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.Webhook.URL, bytes.NewReader(body))
	if err != nil {
		return -1, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("User-Agent", "tickerwire-webhook/1")
	req.Header.Set(HeaderDelivery, strconv.FormatInt(a.ID, 10))
	req.Header.Set(HeaderAttempt, strconv.Itoa(a.Attempts))
	if w.Webhook.Secret != "" {
		req.Header.Set(HeaderSignature, Sign(w.Webhook.Secret, d.Now(), body))
	}
	resp, err := d.Client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return resp.StatusCode, nil
}
