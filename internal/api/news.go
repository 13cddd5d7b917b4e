package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/text"
)

// NewsResponse is /v1/news/all's response, in Marketaux's shape.
type NewsResponse struct {
	Meta Meta          `json:"meta"`
	Data []NewsArticle `json:"data"`
}

// Meta describes one page of results.
type Meta struct {
	Found      int    `json:"found"`
	Returned   int    `json:"returned"`
	Limit      int    `json:"limit"`
	Page       int    `json:"page"`
	NextCursor string `json:"next_cursor,omitempty"` // tickerwire: the cursor of the next page
}

// NewsArticle is one article in Marketaux's shape, with tickerwire's own
// additions (kind, events, story_id, parent_uuid).
type NewsArticle struct {
	UUID        string        `json:"uuid"`
	Title       string        `json:"title"`
	Description string        `json:"description"`
	Keywords    string        `json:"keywords"`
	Snippet     string        `json:"snippet"`
	URL         string        `json:"url"`
	ImageURL    string        `json:"image_url"`
	Language    string        `json:"language"`
	PublishedAt time.Time     `json:"published_at"`
	Source      string        `json:"source"`
	Relevance   *float64      `json:"relevance_score"` // null: tickerwire ranks by relevance (sort=relevance_score) without reporting a score
	Kind        string        `json:"kind"`
	Sentiment   float64       `json:"sentiment_score"`
	Entities    []Entity      `json:"entities"`
	Events      []news.Event  `json:"events"`
	StoryID     string        `json:"story_id,omitempty"`
	ParentUUID  string        `json:"parent_uuid,omitempty"`
	Similar     []NewsArticle `json:"similar"`
}

// Entity is a company an article is about, in Marketaux's shape, with all
// its listings.
type Entity struct {
	Symbol         string         `json:"symbol"`
	Name           string         `json:"name"`
	Exchange       string         `json:"exchange"`
	ExchangeLong   string         `json:"exchange_long"`
	Country        string         `json:"country"`
	Type           string         `json:"type"`
	Industry       string         `json:"industry"`
	MatchScore     float64        `json:"match_score"`
	SentimentScore float64        `json:"sentiment_score"`
	Listings       []news.Listing `json:"listings"`
	Highlights     []Highlight    `json:"highlights"`
}

// Highlight is a passage that names the entity.
type Highlight struct {
	Highlight     string  `json:"highlight"`
	Sentiment     float64 `json:"sentiment"`
	HighlightedIn string  `json:"highlighted_in"`
}

func (s *Server) handleNewsAll(w http.ResponseWriter, r *http.Request) {
	params, perr := ParseNewsParams(r.URL.Query())
	if perr != nil {
		writeError(w, perr)
		return
	}
	gen, key, cached := s.cacheKey(r, params)
	if cached {
		if body, ok := s.cache.get(gen, key); ok {
			writeBody(w, http.StatusOK, body)
			return
		}
	}
	body, ok := s.newsAllBody(w, r, params)
	if !ok {
		return
	}
	if cached {
		s.cache.put(gen, key, body)
	}
	writeBody(w, http.StatusOK, body)
}

// cacheKey returns the store's generation and the cache key of a
// /v1/news/all request, and whether its response may be cached.
func (s *Server) cacheKey(r *http.Request, params NewsParams) (uint64, string, bool) {
	g, ok := s.Store.(store.Generationer)
	if !ok || s.cache == nil {
		return 0, "", false
	}
	gen, err := g.Generation(r.Context())
	if err != nil {
		s.Log.Warn("store generation", "err", err)
		return 0, "", false
	}
	key, err := json.Marshal(params)
	if err != nil {
		return 0, "", false
	}
	return gen, string(key), true
}

// newsAllBody answers a /v1/news/all query with the encoded response, or
// writes the error and returns false. A store that names the versions of
// its articles (store.RefSearcher) has its articles rendered once and
// reused while they are unchanged, unless the query filters their entities
// or groups similar articles.
func (s *Server) newsAllBody(w http.ResponseWriter, r *http.Request, params NewsParams) ([]byte, bool) {
	if rs, ok := s.Store.(store.RefSearcher); ok && s.fragments != nil && !params.Query.GroupSimilar {
		if keep, err := entityKeeper(params); err == nil && keep == nil {
			return s.newsAllFragments(w, r, params, rs)
		}
	}
	resp, ok := s.newsAll(w, r, params)
	if !ok {
		return nil, false
	}
	return encodeJSON(resp), true
}

// newsAllFragments answers a query whose articles are shown in full from
// the articles' rendered fragments, rendering those not yet kept.
func (s *Server) newsAllFragments(w http.ResponseWriter, r *http.Request, params NewsParams, rs store.RefSearcher) ([]byte, bool) {
	var kept []*fragment // of the page's articles in order; nil: not kept
	res, refs, err := rs.SearchRefs(r.Context(), params.Query, func(ref store.ArticleRef) bool {
		f := s.fragments.get(ref)
		kept = append(kept, f)
		return f != nil
	})
	if err != nil {
		s.searchError(w, err)
		return nil, false
	}
	if len(kept) != len(refs) {
		serverError(w, s.Log, fmt.Errorf("the store asked for %d of the page's %d articles", len(kept), len(refs)))
		return nil, false
	}
	meta := encodeJSON(Meta{Found: res.Found, Returned: len(refs), Limit: params.Limit, Page: params.Page, NextCursor: res.Next})
	size, made := len(meta)+32, 0
	for i, ref := range refs {
		if kept[i] == nil {
			if made == len(res.Articles) {
				serverError(w, s.Log, errors.New("the store read fewer articles than the page lacked"))
				return nil, false
			}
			if kept[i], err = newFragment(&res.Articles[made]); err != nil {
				serverError(w, s.Log, err)
				return nil, false
			}
			made++
			s.fragments.put(ref, kept[i])
		}
		size += kept[i].size + 1
	}
	body := make([]byte, 0, size)
	body = append(append(append(body, `{"meta":`...), bytes.TrimSuffix(meta, []byte("\n"))...), `,"data":[`...)
	for i, f := range kept {
		if i > 0 {
			body = append(body, ',')
		}
		body = f.appendTo(body, params.Query.Symbols)
	}
	return append(body, "]}\n"...), true
}

// newsAll answers a /v1/news/all query, or writes the error and returns
// false.
func (s *Server) newsAll(w http.ResponseWriter, r *http.Request, params NewsParams) (NewsResponse, bool) {
	res, ok := s.search(w, r, params.Query)
	if !ok {
		return NewsResponse{}, false
	}
	resp := NewsResponse{
		Meta: Meta{Found: res.Found, Returned: len(res.Articles), Limit: params.Limit, Page: params.Page, NextCursor: res.Next},
		Data: make([]NewsArticle, 0, len(res.Articles)),
	}
	keep, err := entityKeeper(params)
	if err != nil {
		serverError(w, s.Log, err)
		return resp, false
	}
	for i := range res.Articles {
		out := toNewsArticle(&res.Articles[i], params.Query.Symbols, keep)
		if params.Query.GroupSimilar && res.Articles[i].StoryID != "" {
			if out.Similar, err = s.storyMates(r, &res.Articles[i], 3); err != nil {
				serverError(w, s.Log, err)
				return resp, false
			}
		}
		resp.Data = append(resp.Data, out)
	}
	return resp, true
}

// search runs a store query, answering a search that cannot be run with
// 400 and a failure with 500; ok is false when it answered.
func (s *Server) search(w http.ResponseWriter, r *http.Request, q store.Query) (store.Result, bool) {
	res, err := s.Store.SearchArticles(r.Context(), q)
	if err != nil {
		s.searchError(w, err)
		return res, false
	}
	return res, true
}

// searchError answers a search that cannot be run with 400, another
// failure with 500.
func (s *Server) searchError(w http.ResponseWriter, err error) {
	if errors.Is(err, store.ErrBadQuery) {
		writeError(w, badParam("search", err.Error()))
		return
	}
	serverError(w, s.Log, err)
}

// entityKeeper returns, for filter_entities, which companies to show: those
// with a listing passing the entity filters; nil shows all.
func entityKeeper(p NewsParams) (func(news.Company) bool, error) {
	if !p.FilterEntities || !p.Query.HasEntityFilter() {
		return nil, nil
	}
	q := store.Query{Symbols: p.Query.Symbols, SentimentGTE: p.Query.SentimentGTE, SentimentLTE: p.Query.SentimentLTE,
		MinMatchScore: p.Query.MinMatchScore, Filters: store.Filters{MICs: p.Query.MICs, Countries: p.Query.Countries,
			Industries: p.Query.Industries, EntityTypes: p.Query.EntityTypes, MustHaveEntities: p.Query.MustHaveEntities}}
	f, err := alert.NewFilter(q)
	if err != nil {
		return nil, err
	}
	return func(c news.Company) bool {
		return f.Match(&news.Article{Annotation: news.Annotation{Companies: []news.Company{c}}})
	}, nil
}

// storyMates returns up to n other articles of a's story, newest first.
func (s *Server) storyMates(r *http.Request, a *news.Article, n int) ([]NewsArticle, error) {
	res, err := s.Store.SearchArticles(r.Context(), store.Query{StoryID: a.StoryID, Limit: n + 1})
	if err != nil {
		return nil, err
	}
	out := []NewsArticle{}
	for i := range res.Articles {
		if res.Articles[i].UUID != a.UUID && len(out) < n {
			out = append(out, ToNewsArticle(&res.Articles[i], nil))
		}
	}
	return out, nil
}

func (s *Server) handleNewsUUID(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("uuid")
	a, err := s.Store.GetArticle(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, &Error{Status: http.StatusNotFound, Code: CodeResourceNotFound,
			Message: "No article with uuid " + id + "."})
		return
	}
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	writeJSON(w, http.StatusOK, ToNewsArticle(a, nil))
}

// ToNewsArticle converts a stored article to the API's shape. Each entity's
// symbol is the listing the query asked for when it names one, else the
// primary listing.
func ToNewsArticle(a *news.Article, wantSymbols []string) NewsArticle {
	return toNewsArticle(a, wantSymbols, nil)
}

// toNewsArticle is ToNewsArticle showing only the companies keep accepts
// (all when keep is nil).
func toNewsArticle(a *news.Article, wantSymbols []string, keep func(news.Company) bool) NewsArticle {
	out := NewsArticle{
		UUID:        a.UUID,
		Title:       DisplayTitle(a),
		Description: a.Description,
		Snippet:     snippet(a.Text, 400),
		URL:         a.URL,
		Language:    a.Language,
		PublishedAt: a.When(),
		Source:      a.Source,
		Kind:        a.Kind,
		Sentiment:   a.Annotation.Sentiment.Score,
		Entities:    []Entity{},
		Events:      a.Annotation.Events,
		StoryID:     a.StoryID,
		ParentUUID:  a.ParentUUID,
		Similar:     []NewsArticle{},
	}
	if out.Events == nil {
		out.Events = []news.Event{}
	}
	body := news.Body(a.Title, a.Text)
	titleEnd := len(a.Title)
	var sentences []text.Span // split once, when a company has mentions
	for _, c := range a.Annotation.Companies {
		if keep != nil && !keep(c) {
			continue
		}
		l := chooseListing(c, wantSymbols)
		e := Entity{
			Symbol: l.Symbol, Name: c.Name, Exchange: l.MIC, ExchangeLong: ExchangeName(l.MIC),
			Country: strings.ToLower(c.Country), Type: "equity", Industry: c.Industry,
			MatchScore: c.MatchScore, SentimentScore: c.Sentiment.Score,
			Listings: c.Listings,
		}
		if len(c.Mentions) > 0 && sentences == nil {
			sentences = text.Sentences(body)
		}
		e.Highlights = highlights(body, sentences, titleEnd, c)
		out.Entities = append(out.Entities, e)
	}
	sort.SliceStable(out.Entities, func(i, j int) bool { return out.Entities[i].MatchScore > out.Entities[j].MatchScore })
	return out
}

// DisplayTitle is the article's title, or its first sentence when it has none.
func DisplayTitle(a *news.Article) string {
	if a.Title != "" {
		return a.Title
	}
	return firstSentence(a.Text, 160)
}

func chooseListing(c news.Company, want []string) news.Listing {
	if len(c.Listings) == 0 {
		return c.PrimaryListing()
	}
	return c.Listings[listingIndex(c.Listings, want)]
}

// listingIndex returns the index of the first of listings that the first
// symbol of want naming one names, else 0 (the primary listing).
func listingIndex(listings []news.Listing, want []string) int {
	for _, sym := range want {
		for i, l := range listings {
			if strings.EqualFold(l.Symbol, sym) || strings.EqualFold(l.Key(), sym) {
				return i
			}
		}
	}
	return 0
}

// highlights returns the sentences naming the company, once each, as HTML:
// the text escaped, the mention in <em>.
func highlights(body string, sentences []text.Span, titleEnd int, c news.Company) []Highlight {
	out := []Highlight{}
	for _, h := range mentionSentences(body, sentences, c, 3) {
		in := "main_text"
		if h.mention.Start < titleEnd {
			in = "title"
		}
		m := h.mention
		marked := html.EscapeString(body[h.start:m.Start]) + "<em>" + html.EscapeString(body[m.Start:m.End]) + "</em>" + html.EscapeString(body[m.End:h.end])
		out = append(out, Highlight{Highlight: strings.TrimSpace(marked), Sentiment: c.Sentiment.Score, HighlightedIn: in})
	}
	return out
}

// mentionSentence is a sentence [start,end) of a body and the mention in it.
type mentionSentence struct {
	start, end int
	mention    news.Mention
}

// mentionSentences returns up to max distinct sentences naming c.
func mentionSentences(body string, sentences []text.Span, c news.Company, max int) []mentionSentence {
	var out []mentionSentence
	seen := map[[2]int]bool{}
	for _, m := range c.Mentions {
		if m.Start < 0 || m.End > len(body) || m.Start > m.End {
			continue
		}
		start, end := sentenceAround(sentences, m.Start, m.End)
		if seen[[2]int{start, end}] {
			continue
		}
		seen[[2]int{start, end}] = true
		out = append(out, mentionSentence{start, end, m})
		if len(out) == max {
			break
		}
	}
	return out
}

// sentenceAround widens [start,end) to the sentence holding it.
func sentenceAround(sentences []text.Span, start, end int) (int, int) {
	for _, sp := range sentences {
		if sp.Start <= start && end <= sp.End {
			return sp.Start, sp.End
		}
	}
	return start, end
}

func firstSentence(s string, max int) string {
	s = strings.TrimSpace(s)
	if len(s) > 4*max { // the first sentence is near the start: split no more than that
		s = s[:4*max]
	}
	if sents := text.Sentences(s); len(sents) > 0 {
		s = s[sents[0].Start:sents[0].End]
	}
	return text.Shorten(s, max)
}

// snippet is the start of body with its whitespace collapsed, shortened to
// max bytes. It collapses no more of body than Shorten reads.
func snippet(body string, max int) string {
	var b strings.Builder
	for word := range strings.FieldsSeq(body) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		if b.Len() > max {
			break
		}
	}
	return text.Shorten(b.String(), max)
}
