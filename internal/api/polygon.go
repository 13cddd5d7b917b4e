package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/text"
)

// Polygon's limits for /v2/reference/news.
const (
	polygonDefaultLimit = 10
	polygonMaxLimit     = 1000
)

var polygonParams = []Param{
	{"ticker", "string", "Articles about this ticker (bare symbol or SYMBOL.MIC).", nil},
	{"published_utc", "string", "Published on this day, or at this time (RFC 3339).", nil},
	{"published_utc.gte", "string", "Published at or after.", nil},
	{"published_utc.gt", "string", "Published after.", nil},
	{"published_utc.lte", "string", "Published at or before.", nil},
	{"published_utc.lt", "string", "Published before.", nil},
	{"order", "string", "desc (default) or asc.", []string{"desc", "asc"}},
	{"sort", "string", "published_utc (the only order).", []string{"published_utc"}},
	{"limit", "integer", "1..1000 (default 10).", nil},
	{"cursor", "string", "From next_url.", nil},
	{"apiKey", "string", "API key, as Polygon clients send it.", nil},
}

// PolygonResponse is /v2/reference/news's response, in Polygon's shape.
type PolygonResponse struct {
	Results   []PolygonArticle `json:"results"`
	Status    string           `json:"status"`
	RequestID string           `json:"request_id"`
	Count     int              `json:"count"`
	NextURL   string           `json:"next_url,omitempty"`
}

// PolygonArticle is one article in Polygon's shape.
type PolygonArticle struct {
	ID           string           `json:"id"`
	Publisher    PolygonPublisher `json:"publisher"`
	Title        string           `json:"title"`
	Author       string           `json:"author"`
	PublishedUTC string           `json:"published_utc"`
	ArticleURL   string           `json:"article_url"`
	Tickers      []string         `json:"tickers"`
	ImageURL     string           `json:"image_url,omitempty"`
	Description  string           `json:"description"`
	Keywords     []string         `json:"keywords"`
	Insights     []PolygonInsight `json:"insights"`
}

// PolygonPublisher is an article's publisher.
type PolygonPublisher struct {
	Name        string `json:"name"`
	HomepageURL string `json:"homepage_url"`
	LogoURL     string `json:"logo_url,omitempty"`
	FaviconURL  string `json:"favicon_url,omitempty"`
}

// PolygonInsight is the sentiment of the article for one ticker.
type PolygonInsight struct {
	Ticker             string `json:"ticker"`
	Sentiment          string `json:"sentiment"`
	SentimentReasoning string `json:"sentiment_reasoning"`
}

func (s *Server) handlePolygonNews(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, limit, perr := parsePolygon(v)
	if perr != nil {
		writeError(w, perr)
		return
	}
	res, ok := s.search(w, r, q)
	if !ok {
		return
	}
	resp := PolygonResponse{Results: []PolygonArticle{}, Status: "OK", RequestID: uuid.NewString()}
	for i := range res.Articles {
		resp.Results = append(resp.Results, toPolygon(&res.Articles[i]))
	}
	resp.Count = len(resp.Results)
	if res.Next != "" {
		next := url.Values{}
		for k, vals := range v {
			if k != "cursor" && k != "apiKey" && k != "api_token" {
				next[k] = vals
			}
		}
		next.Set("cursor", res.Next)
		next.Set("limit", strconv.Itoa(limit))
		resp.NextURL = baseURL(r) + "/v2/reference/news?" + next.Encode()
	}
	writeJSON(w, http.StatusOK, resp)
}

// baseURL is the scheme and host the client reached us at.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func parsePolygon(v url.Values) (store.Query, int, *Error) {
	var q store.Query
	if err := checkKnown(v, polygonParams); err != nil {
		return q, 0, err
	}
	if t := v.Get("ticker"); t != "" {
		if !symbolPattern.MatchString(t) {
			return q, 0, badParam("ticker", "must be a ticker such as AAPL.")
		}
		q.Symbols = []string{strings.ToUpper(t)}
	}
	bounds := []struct {
		name  string
		after bool
		shift time.Duration
	}{
		{"published_utc.gte", true, 0}, {"published_utc.gt", true, time.Microsecond},
		{"published_utc.lte", false, 0}, {"published_utc.lt", false, -time.Microsecond},
	}
	for _, b := range bounds {
		t, err := parseTimeParam(v, b.name)
		if err != nil {
			return q, 0, err
		}
		if t.IsZero() {
			continue
		}
		if b.after {
			q.PublishedAfter = t.Add(b.shift)
		} else {
			q.PublishedBefore = t.Add(b.shift)
		}
	}
	if s := v.Get("published_utc"); s != "" {
		t, err := parseTimeParam(v, "published_utc")
		if err != nil {
			return q, 0, err
		}
		q.PublishedAfter, q.PublishedBefore = t, t
		if len(s) == len("2006-01-02") {
			q.PublishedBefore = t.AddDate(0, 0, 1).Add(-time.Microsecond)
		}
	}
	order, err := parseEnum(v, "order", "desc", []string{"desc", "asc"})
	if err != nil {
		return q, 0, err
	}
	q.Ascending = order == "asc"
	if _, err := parseEnum(v, "sort", "published_utc", []string{"published_utc"}); err != nil {
		return q, 0, err
	}
	limit, err := parseInt(v, "limit", polygonDefaultLimit, 1, polygonMaxLimit)
	if err != nil {
		return q, 0, err
	}
	if c := v.Get("cursor"); c != "" {
		if _, derr := store.DecodeCursor(c); derr != nil {
			return q, 0, badParam("cursor", "is not a cursor this server returned.")
		}
		q.Cursor = c
	}
	q.Limit = limit
	return q, limit, nil
}

func toPolygon(a *news.Article) PolygonArticle {
	out := PolygonArticle{
		ID: a.UUID, Title: DisplayTitle(a), Author: a.Author, PublishedUTC: a.When().UTC().Format(time.RFC3339),
		ArticleURL: a.URL, Description: a.Description, Tickers: []string{}, Keywords: []string{}, Insights: []PolygonInsight{},
		Publisher: PolygonPublisher{Name: a.Source},
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		out.Publisher.HomepageURL = u.Scheme + "://" + u.Host + "/"
		if out.Publisher.Name == "" {
			out.Publisher.Name = u.Hostname()
		}
	}
	body := news.Body(a.Title, a.Text)
	var sentences []text.Span
	for _, c := range a.Annotation.Companies {
		l := c.PrimaryListing()
		if l.Symbol == "" {
			continue
		}
		for _, other := range c.Listings {
			out.Tickers = append(out.Tickers, other.Symbol)
		}
		reasoning := c.Name + " is named with " + c.Sentiment.Label + " sentiment"
		if len(c.Mentions) > 0 && sentences == nil {
			sentences = text.Sentences(body)
		}
		if ms := mentionSentences(body, sentences, c, 1); len(ms) > 0 {
			reasoning = strings.TrimSpace(body[ms[0].start:ms[0].end])
		}
		out.Insights = append(out.Insights, PolygonInsight{Ticker: l.Symbol, Sentiment: sentimentLabel(c.Sentiment), SentimentReasoning: reasoning})
	}
	for _, e := range a.Annotation.Events {
		out.Keywords = append(out.Keywords, e.Type)
	}
	return out
}

func sentimentLabel(s news.Sentiment) string {
	if s.Label != "" {
		return s.Label
	}
	return news.SentimentOf(s.Score).Label
}
