package api

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// MaxPushBytes is the largest body POST /v1/articles accepts.
const MaxPushBytes = 16 << 20

// Pusher stores the articles in a pushed body of the given kind (".json",
// ".jsonl", ".html", ".txt", or "" to sniff) fetched from pageURL;
// ingest.Pusher is one.
type Pusher interface {
	Push(ctx context.Context, body []byte, kind, pageURL string) ([]ingest.ItemResult, error)
}

// PushedItem is what became of one pushed article or headline item.
type PushedItem struct {
	UUID    string `json:"uuid,omitempty"`
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Created bool   `json:"created"`
	Error   string `json:"error,omitempty"`
}

// PushResponse answers POST /v1/articles.
type PushResponse struct {
	Meta struct {
		Received int `json:"received"`
		Created  int `json:"created"`
		Failed   int `json:"failed"`
	} `json:"meta"`
	Data []PushedItem `json:"data"`
}

// pushKinds maps media types to the content kinds ingest reads.
var pushKinds = map[string]string{
	"application/json": ".json", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
	"application/jsonlines": ".jsonl", "text/html": ".html", "application/xhtml+xml": ".html",
	"text/plain": ".txt",
}

// handlePushArticles stores articles sent as JSON (an article, an array, or
// {"data":[...]}), JSON Lines, an HTML page (?url= names where it came from)
// or a plain-text page. It answers 201 when something new was stored.
func (s *Server) handlePushArticles(w http.ResponseWriter, r *http.Request) {
	if s.Push == nil {
		writeError(w, &Error{Status: http.StatusForbidden, Code: CodeEndpointRestricted,
			Message: "This server does not accept pushed articles."})
		return
	}
	pageURL := r.URL.Query().Get("url")
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			writeError(w, badParam("url", "must be an absolute http(s) URL."))
			return
		}
	}
	kind := ""
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil {
		kind = pushKinds[mt]
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxPushBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, &Error{Status: http.StatusRequestEntityTooLarge, Code: CodeMalformedParameters,
				Message: "The body is larger than " + strconv.Itoa(MaxPushBytes>>20) + " MiB."})
			return
		}
		writeError(w, &Error{Status: http.StatusBadRequest, Code: CodeMalformedParameters, Message: "The body could not be read."})
		return
	}
	results, err := s.Push.Push(r.Context(), body, kind, pageURL)
	if err != nil && len(results) == 0 {
		writeError(w, &Error{Status: http.StatusBadRequest, Code: CodeMalformedParameters,
			Message: "The body holds no article that could be read: " + err.Error()})
		return
	}
	resp := PushResponse{Data: make([]PushedItem, 0, len(results))}
	for _, r := range results {
		it := PushedItem{UUID: r.UUID, Kind: r.Kind, Title: r.Title, Created: r.Created}
		if r.Err != nil {
			it.Error = r.Err.Error()
		}
		resp.Data = append(resp.Data, it)
		resp.Meta.Received++
		switch {
		case it.Error != "":
			resp.Meta.Failed++
		case it.Created:
			resp.Meta.Created++
		}
	}
	status := http.StatusOK
	if resp.Meta.Created > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, resp)
}

// StoryResponse answers GET /v1/stories/{id}: the story and a page of its
// articles, newest first.
type StoryResponse struct {
	Story news.Story    `json:"story"`
	Meta  Meta          `json:"meta"`
	Data  []NewsArticle `json:"data"`
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	v := r.URL.Query()
	limit, perr := parseInt(v, "limit", DefaultLimit, 1, MaxLimit)
	if perr != nil {
		writeError(w, perr)
		return
	}
	pageNo, perr := parseInt(v, "page", 1, 1, 1_000_000)
	if perr != nil {
		writeError(w, perr)
		return
	}
	ctx := r.Context()
	res, err := s.Store.SearchArticles(ctx, store.Query{StoryID: id, Limit: limit, Offset: (pageNo - 1) * limit})
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	if res.Found == 0 {
		writeError(w, &Error{Status: http.StatusNotFound, Code: CodeResourceNotFound, Message: "No story with id " + id + "."})
		return
	}
	first, err := s.Store.SearchArticles(ctx, store.Query{StoryID: id, Limit: 1, Filters: store.Filters{Ascending: true}})
	if err != nil || len(first.Articles) == 0 {
		serverError(w, s.Log, errors.Join(err, errors.New("story lost its first article")))
		return
	}
	latest := time.Time{}
	if pageNo == 1 && len(res.Articles) > 0 {
		latest = res.Articles[0].When()
	}
	resp := StoryResponse{
		Story: news.Story{ID: id, Title: DisplayTitle(&first.Articles[0]), ArticleCount: res.Found,
			First: first.Articles[0].When(), Last: latest},
		Meta: Meta{Found: res.Found, Returned: len(res.Articles), Limit: limit, Page: pageNo},
		Data: make([]NewsArticle, 0, len(res.Articles)),
	}
	for i := range res.Articles {
		resp.Data = append(resp.Data, ToNewsArticle(&res.Articles[i], nil))
	}
	writeJSON(w, http.StatusOK, resp)
}
