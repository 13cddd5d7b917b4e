package api

import (
	"net/http"
	"strings"

	"github.com/gorilla/feeds"
)

// feedParams are the feeds' parameters: /v1/news/all's filters and limit.
var feedParams = concat(filterParams, pick(newsPageParams, "limit"))

// feedFormats are the content types of the feed formats.
var feedFormats = map[string]string{
	"rss":  "application/rss+xml; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"json": "application/feed+json; charset=utf-8",
}

// handleFeed serves the articles matching /v1/news/all's filters as RSS
// 2.0, Atom or JSON Feed.
func (s *Server) handleFeed(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		if err := checkKnown(v, feedParams); err != nil {
			writeError(w, err)
			return
		}
		params, perr := ParseNewsParams(v)
		if perr != nil {
			writeError(w, perr)
			return
		}
		res, ok := s.search(w, r, params.Query)
		if !ok {
			return
		}
		feed := newFeed(baseURL(r), params)
		for i := range res.Articles {
			a := &res.Articles[i]
			link := a.URL
			if link == "" || strings.HasPrefix(link, "file:") {
				link = feed.Link.Href + "news/" + a.UUID
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
				Author:      &feeds.Author{Name: a.Author},
				Created:     a.When(),
				Source:      &feeds.Link{Href: feed.Link.Href + "news/" + a.UUID},
			}
			if a.Author == "" {
				item.Author = nil
			}
			if len(cats) > 0 {
				item.Description = "[" + strings.Join(cats, " ") + "] " + item.Description
			}
			feed.Items = append(feed.Items, item)
			if feed.Updated.Before(a.When()) {
				feed.Updated = a.When()
			}
		}
		var out string
		var err error
		switch format {
		case "atom":
			out, err = feed.ToAtom()
		case "json":
			out, err = feed.ToJSON()
		default:
			out, err = feed.ToRss()
		}
		if err != nil {
			serverError(w, s.Log, err)
			return
		}
		w.Header().Set("Content-Type", feedFormats[format])
		_, _ = w.Write([]byte(out))
	}
}

func newFeed(base string, params NewsParams) *feeds.Feed {
	title := "tickerwire: latest news"
	if len(params.Query.Symbols) > 0 {
		title = "tickerwire: " + strings.Join(params.Query.Symbols, ", ")
	}
	if params.Query.Search != "" {
		title += " — " + params.Query.Search
	}
	return &feeds.Feed{
		Title:       title,
		Link:        &feeds.Link{Href: base + "/"},
		Id:          base + "/feeds/news",
		Description: "News tagged with companies, events and sentiment by tickerwire.",
	}
}
