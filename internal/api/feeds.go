package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gorilla/feeds"

	"github.com/tickerwire/tickerwire/internal/store"
)

// handleFeedRSS serves the articles matching /v1/news/all's filters as RSS 2.0.
func (s *Server) handleFeedRSS(w http.ResponseWriter, r *http.Request) {
	params, perr := ParseNewsParams(r.URL.Query())
	if perr != nil {
		writeError(w, perr)
		return
	}
	res, err := s.Store.SearchArticles(r.Context(), params.Query)
	if err != nil {
		if errors.Is(err, store.ErrBadQuery) {
			writeError(w, badParam("search", err.Error()))
			return
		}
		serverError(w, s.Log, err)
		return
	}
	title := "tickerwire: latest news"
	if len(params.Query.Symbols) > 0 {
		title = "tickerwire: " + strings.Join(params.Query.Symbols, ", ")
	}
	if params.Query.Search != "" {
		title += " — " + params.Query.Search
	}
	base := "http://" + r.Host
	feed := &feeds.Feed{
		Title:       title,
		Link:        &feeds.Link{Href: base + "/"},
		Description: "News tagged with companies, events and sentiment by tickerwire.",
	}
	for i := range res.Articles {
		a := &res.Articles[i]
		link := a.URL
		if link == "" || strings.HasPrefix(link, "file:") {
			link = base + "/news/" + a.UUID
		}
		var cats []string
		for _, c := range a.Annotation.Companies {
			if l := c.PrimaryListing(); l.Symbol != "" {
				cats = append(cats, l.Key())
			}
		}
		item := &feeds.Item{
			Id:          "urn:uuid:" + a.UUID,
			Title:       DisplayTitle(a),
			Link:        &feeds.Link{Href: link},
			Description: a.Description,
			Created:     a.When(),
			Source:      &feeds.Link{Href: base + "/news/" + a.UUID},
		}
		if len(cats) > 0 {
			item.Description = "[" + strings.Join(cats, " ") + "] " + item.Description
		}
		feed.Items = append(feed.Items, item)
		if feed.Updated.Before(a.When()) {
			feed.Updated = a.When()
		}
	}
	rss, err := feed.ToRss()
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	_, _ = w.Write([]byte(rss))
}
