package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/store"
)

// WatchlistJSON is a watchlist as the API reads and writes it. The webhook
// secret is write-only: answers say only whether one is set.
type WatchlistJSON struct {
	ID                 int64     `json:"id"`
	Name               string    `json:"name"`
	Symbols            []string  `json:"symbols"`
	Searches           []string  `json:"searches"`
	Events             []string  `json:"events"`
	SentimentGTE       *float64  `json:"sentiment_gte,omitempty"`
	SentimentLTE       *float64  `json:"sentiment_lte,omitempty"`
	WebhookURL         string    `json:"webhook_url,omitempty"`
	WebhookSecret      string    `json:"webhook_secret,omitempty"`
	WebhookSecretSet   bool      `json:"webhook_secret_set"`
	WebhookTemplate    string    `json:"webhook_template,omitempty"`
	WebhookContentType string    `json:"webhook_content_type,omitempty"`
	Created            time.Time `json:"created"`
	Updated            time.Time `json:"updated"`
}

// WatchlistToJSON shows a stored watchlist, without its secret.
func WatchlistToJSON(w *store.Watchlist) WatchlistJSON {
	orEmpty := func(s []string) []string { return append([]string{}, s...) }
	return WatchlistJSON{ID: w.ID, Name: w.Name, Symbols: orEmpty(w.Symbols), Searches: orEmpty(w.Searches), Events: orEmpty(w.Events),
		SentimentGTE: w.SentimentGTE, SentimentLTE: w.SentimentLTE, WebhookURL: w.Webhook.URL, WebhookSecretSet: w.Webhook.Secret != "",
		WebhookTemplate: w.Webhook.Template, WebhookContentType: w.Webhook.ContentType, Created: w.Created, Updated: w.Updated}
}

// Watchlist returns the stored form of j.
func (j WatchlistJSON) Watchlist() store.Watchlist {
	upper := make([]string, 0, len(j.Symbols))
	for _, s := range j.Symbols {
		upper = append(upper, strings.ToUpper(strings.TrimSpace(s)))
	}
	return store.Watchlist{ID: j.ID, Name: strings.TrimSpace(j.Name), Symbols: upper, Searches: j.Searches, Events: j.Events,
		SentimentGTE: j.SentimentGTE, SentimentLTE: j.SentimentLTE,
		Webhook: store.Webhook{URL: j.WebhookURL, Secret: j.WebhookSecret, Template: j.WebhookTemplate, ContentType: j.WebhookContentType}}
}

// maxWatchlistBody caps a watchlist's JSON.
const maxWatchlistBody = 64 << 10

// readWatchlist decodes and checks a watchlist body; a problem is a 400
// naming the field.
func readWatchlist(r *http.Request) (store.Watchlist, *Error) {
	var j WatchlistJSON
	dec := json.NewDecoder(io.LimitReader(r.Body, maxWatchlistBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return store.Watchlist{}, &Error{Status: http.StatusBadRequest, Code: CodeMalformedParameters, Message: "The watchlist is not valid JSON: " + err.Error()}
	}
	w := j.Watchlist()
	if err := alert.CheckWatchlist(&w); err != nil {
		return w, &Error{Status: http.StatusBadRequest, Code: CodeMalformedParameters, Message: "The watchlist is not valid: " + err.Error()}
	}
	return w, nil
}

// ownWatchlist loads the path's watchlist if the caller's key owns it.
func (s *Server) ownWatchlist(w http.ResponseWriter, r *http.Request) (*store.Watchlist, bool) {
	id, perr := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var wl *store.Watchlist
	var err error
	if perr == nil {
		wl, err = s.Store.Watchlist(r.Context(), id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			serverError(w, s.Log, err)
			return nil, false
		}
	}
	if perr != nil || err != nil || wl.KeyID != keyID(r.Context()) {
		writeError(w, &Error{Status: http.StatusNotFound, Code: CodeResourceNotFound, Message: "No watchlist " + r.PathValue("id") + "."})
		return nil, false
	}
	return wl, true
}

func (s *Server) handleWatchlists(w http.ResponseWriter, r *http.Request) {
	all, err := s.Store.Watchlists(r.Context())
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	data := []WatchlistJSON{}
	for i := range all {
		if all[i].KeyID == keyID(r.Context()) {
			data = append(data, WatchlistToJSON(&all[i]))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

func (s *Server) handleCreateWatchlist(w http.ResponseWriter, r *http.Request) {
	wl, perr := readWatchlist(r)
	if perr != nil {
		writeError(w, perr)
		return
	}
	wl.ID, wl.KeyID = 0, keyID(r.Context())
	if err := s.Store.SaveWatchlist(r.Context(), &wl); err != nil {
		serverError(w, s.Log, err)
		return
	}
	w.Header().Set("Location", "/v1/watchlists/"+strconv.FormatInt(wl.ID, 10))
	writeJSON(w, http.StatusCreated, WatchlistToJSON(&wl))
}

func (s *Server) handleWatchlist(w http.ResponseWriter, r *http.Request) {
	if wl, ok := s.ownWatchlist(w, r); ok {
		writeJSON(w, http.StatusOK, WatchlistToJSON(wl))
	}
}

// handleUpdateWatchlist replaces a watchlist; a body without a webhook
// secret keeps the stored one.
func (s *Server) handleUpdateWatchlist(w http.ResponseWriter, r *http.Request) {
	old, ok := s.ownWatchlist(w, r)
	if !ok {
		return
	}
	wl, perr := readWatchlist(r)
	if perr != nil {
		writeError(w, perr)
		return
	}
	wl.ID, wl.KeyID = old.ID, old.KeyID
	if wl.Webhook.Secret == "" {
		wl.Webhook.Secret = old.Webhook.Secret
	}
	if err := s.Store.SaveWatchlist(r.Context(), &wl); err != nil {
		serverError(w, s.Log, err)
		return
	}
	writeJSON(w, http.StatusOK, WatchlistToJSON(&wl))
}

func (s *Server) handleDeleteWatchlist(w http.ResponseWriter, r *http.Request) {
	wl, ok := s.ownWatchlist(w, r)
	if !ok {
		return
	}
	if err := s.Store.DeleteWatchlist(r.Context(), wl.ID); err != nil {
		serverError(w, s.Log, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// DeliveryJSON is one alert of a watchlist with its delivery attempts.
type DeliveryJSON struct {
	ID          int64                   `json:"id"`
	ArticleUUID string                  `json:"article_uuid"`
	Status      string                  `json:"status"`
	Attempts    int                     `json:"attempts"`
	LastError   string                  `json:"last_error,omitempty"`
	CreatedAt   time.Time               `json:"created_at"`
	DeliveredAt *time.Time              `json:"delivered_at,omitempty"`
	NextAttempt *time.Time              `json:"next_attempt_at,omitempty"`
	Log         []store.DeliveryAttempt `json:"log"`
}

func (s *Server) handleDeliveries(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkKnown(v, []Param{{Name: "status"}}); err != nil {
		writeError(w, err)
		return
	}
	status, perr := parseEnum(v, "status", "", []string{store.AlertPending, store.AlertDelivered, store.AlertFailed})
	if perr != nil {
		writeError(w, perr)
		return
	}
	wl, ok := s.ownWatchlist(w, r)
	if !ok {
		return
	}
	alerts, err := s.Store.Alerts(r.Context(), store.AlertQuery{WatchlistID: wl.ID, Status: status, Limit: MaxLimit})
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	data := []DeliveryJSON{}
	for _, a := range alerts {
		log, err := s.Store.DeliveryAttempts(r.Context(), a.ID)
		if err != nil {
			serverError(w, s.Log, err)
			return
		}
		d := DeliveryJSON{ID: a.ID, ArticleUUID: a.ArticleUUID, Status: a.Status, Attempts: a.Attempts, LastError: a.LastError,
			CreatedAt: a.Created, Log: append([]store.DeliveryAttempt{}, log...)}
		if !a.Delivered.IsZero() {
			d.DeliveredAt = &a.Delivered
		}
		if !a.NextAttempt.IsZero() && a.Status == store.AlertPending {
			d.NextAttempt = &a.NextAttempt
		}
		data = append(data, d)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}
