package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/store"
)

// streamHeartbeat is how often an idle stream sends a comment, so proxies
// keep it open and dead clients are noticed.
const streamHeartbeat = 15 * time.Second

// handleStream sends newly stored articles matching /v1/news/all's filters
// as Server-Sent Events ("article" events whose data is the article as
// /v1/news/all shows it). A client reconnecting with Last-Event-ID (or
// ?last_event_id=) first gets what it missed, as far as the hub keeps it.
func (s *Server) handleStream(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkKnown(v, filterParams, []Param{{Name: "last_event_id"}}); err != nil {
		writeError(w, err)
		return
	}
	q, perr := parseFilters(v)
	if perr != nil {
		writeError(w, perr)
		return
	}
	filter, err := alert.NewFilter(q)
	if errors.Is(err, store.ErrBadQuery) {
		writeError(w, badParam("search", err.Error()))
		return
	}
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	var lastID uint64
	if s := r.Header.Get("Last-Event-ID"); s != "" || v.Get("last_event_id") != "" {
		if s == "" {
			s = v.Get("last_event_id")
		}
		if lastID, err = strconv.ParseUint(s, 10, 64); err != nil {
			writeError(w, badParam("last_event_id", "must be the id of an event this stream sent."))
			return
		}
	}
	missed, events, cancel := s.Hub.Subscribe(lastID)
	defer cancel()

	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, "retry: 3000\n: tickerwire live stream\n\n"); err != nil {
		return
	}
	send := func(ev alert.Event) error {
		if !filter.Match(ev.Article) {
			return nil
		}
		data, err := json.Marshal(ToNewsArticle(ev.Article, q.Symbols))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "id: %d\nevent: article\ndata: %s\n\n", ev.ID, data)
		return err
	}
	for _, ev := range missed {
		if send(ev) != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}
	heartbeat := time.NewTicker(streamHeartbeat)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, open := <-events:
			if !open { // too slow: the client reconnects and resumes
				return
			}
			if send(ev) != nil {
				return
			}
		case <-heartbeat.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
		}
		if rc.Flush() != nil {
			return
		}
	}
}
