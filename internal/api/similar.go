package api

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// getArticle loads the article named by the path's {uuid}, answering 404
// when there is none; ok is false when it answered.
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) (*news.Article, bool) {
	id := r.PathValue("uuid")
	a, err := s.Store.GetArticle(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, &Error{Status: http.StatusNotFound, Code: CodeResourceNotFound, Message: "No article with uuid " + id + "."})
		return nil, false
	}
	if err != nil {
		serverError(w, s.Log, err)
		return nil, false
	}
	return a, true
}

// handleNewsSimilar answers the articles of the same story first, then
// those about the same companies (by their primary listings), newest first.
func (s *Server) handleNewsSimilar(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkKnown(v, []Param{{Name: "limit"}}, pick(filterParams, "language", "published_after", "published_before", "published_on")); err != nil {
		writeError(w, err)
		return
	}
	filters, perr := parseFilters(v)
	if perr != nil {
		writeError(w, perr)
		return
	}
	limit, perr := parseInt(v, "limit", DefaultLimit, 1, MaxLimit)
	if perr != nil {
		writeError(w, perr)
		return
	}
	a, ok := s.getArticle(w, r)
	if !ok {
		return
	}
	seen := map[string]bool{a.UUID: true}
	data := []NewsArticle{}
	add := func(q store.Query) bool {
		q.Limit = limit + len(seen)
		res, ok := s.search(w, r, q)
		for i := range res.Articles {
			if b := &res.Articles[i]; !seen[b.UUID] && len(data) < limit {
				seen[b.UUID] = true
				data = append(data, ToNewsArticle(b, q.Symbols))
			}
		}
		return ok
	}
	if a.StoryID != "" {
		q := filters
		q.StoryID = a.StoryID
		if !add(q) {
			return
		}
	}
	var symbols []string
	for _, c := range a.Annotation.Companies {
		if l := c.PrimaryListing(); l.Symbol != "" {
			symbols = append(symbols, l.Key())
		}
	}
	if len(data) < limit && len(symbols) > 0 {
		q := filters
		q.Symbols = symbols
		if !add(q) {
			return
		}
	}
	writeJSON(w, http.StatusOK, NewsResponse{Meta: Meta{Found: len(data), Returned: len(data), Limit: limit, Page: 1}, Data: data})
}

// SourceItem is one source of /v1/news/sources, in Marketaux's shape.
type SourceItem struct {
	SourceID   string   `json:"source_id"`
	Domain     string   `json:"domain"`
	Language   string   `json:"language"`
	Locale     *string  `json:"locale"`
	Categories []string `json:"categories"`
	Articles   int      `json:"articles"` // tickerwire: stored articles
}

func (s *Server) handleNewsSources(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if err := checkKnown(v, pick(filterParams, "language", "domains"), []Param{{Name: "limit"}, {Name: "page"}}); err != nil {
		writeError(w, err)
		return
	}
	filters, perr := parseFilters(v)
	if perr != nil {
		writeError(w, perr)
		return
	}
	limit, page, perr := parsePage(v)
	if perr != nil {
		writeError(w, perr)
		return
	}
	stats, err := s.Store.SourceStats(r.Context())
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	var items []SourceItem
	for _, st := range stats {
		if len(filters.Languages) > 0 && !slices.Contains(filters.Languages, st.Language) {
			continue
		}
		if len(filters.Domains) > 0 && !slices.Contains(filters.Domains, strings.TrimPrefix(st.Domain, "www.")) && !slices.Contains(filters.Domains, st.Domain) {
			continue
		}
		items = append(items, SourceItem{SourceID: strconv.FormatInt(st.SourceID, 10), Domain: st.Domain, Language: st.Language,
			Categories: []string{}, Articles: st.Articles})
	}
	found := len(items)
	items = pageOf(items, limit, page)
	writeJSON(w, http.StatusOK, map[string]any{"meta": Meta{Found: found, Returned: len(items), Limit: limit, Page: page}, "data": items})
}

// parsePage reads limit and page.
func parsePage(v map[string][]string) (limit, page int, err *Error) {
	if limit, err = parseInt(v, "limit", DefaultLimit, 1, MaxLimit); err != nil {
		return
	}
	page, err = parseInt(v, "page", 1, 1, 1_000_000)
	return
}

// pageOf returns one page of items; never nil.
func pageOf[T any](items []T, limit, page int) []T {
	start := min((page-1)*limit, len(items))
	end := min(start+limit, len(items))
	return append(make([]T, 0, end-start), items[start:end]...)
}
