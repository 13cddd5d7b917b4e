package web

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Page sizes.
const (
	latestSize      = 60
	searchSize      = 25
	searchFacets    = 1000 // facets count the newest this many matches
	countLimit      = 1000 // pages count matches up to this many ("more than 1000")
	relatedSize     = 20
	headlinesSize   = 50
	storySize       = 200
	companyNewsSize = 20
	timelineSize    = 50 // the company's newest articles whose events make its timeline
	chartDaysShown  = 90
)

// group is a story's articles on the Latest page: the newest leads.
type group struct {
	Lead    news.Article
	More    []news.Article
	StoryID string
}

// groupByStory keeps the order of articles, folding each article of a story
// into the group of the story's first (newest) article.
func groupByStory(as []news.Article) []group {
	var out []group
	at := map[string]int{}
	for _, a := range as {
		if a.StoryID != "" {
			if i, ok := at[a.StoryID]; ok {
				out[i].More = append(out[i].More, a)
				continue
			}
			at[a.StoryID] = len(out)
		}
		out = append(out, group{Lead: a, StoryID: a.StoryID})
	}
	return out
}

type homeData struct {
	Title  string
	Nav    string
	F      filters
	Groups []group
	Found  int
	More   bool // more than Found match
	Stream string
}

func (p *Pages) home(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilters("/", r.URL.Query())
	if err != nil {
		p.fail(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := p.Browser.Browse(r.Context(), f.query(latestSize, 0, countLimit))
	if err != nil {
		p.storeError(w, "news", err)
		return
	}
	title := "Latest news"
	if f.Any() {
		title = "Latest news, filtered"
	}
	p.render(w, http.StatusOK, "home", homeData{Title: title, Nav: "latest", F: f, Groups: groupByStory(res.Articles),
		Found: res.Found, More: res.More, Stream: f.streamURL()})
}

type articleData struct {
	Title     string
	Nav       string
	Article   *news.Article
	Text      highlighted
	Parent    *news.Article
	Story     []news.Article
	Headlines []news.Article
}

func (p *Pages) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := p.Store.GetArticle(ctx, r.PathValue("uuid"))
	if err != nil {
		p.storeError(w, "article", err)
		return
	}
	data := articleData{Title: api.DisplayTitle(a), Article: a, Text: highlight(a)}
	if a.StoryID != "" {
		res, err := p.Store.SearchArticles(ctx, store.Query{StoryID: a.StoryID, Limit: relatedSize + 1})
		if err != nil {
			p.storeError(w, "story", err)
			return
		}
		data.Story = without(res.Articles, a.UUID)
	}
	res, err := p.Store.SearchArticles(ctx, store.Query{ParentUUID: a.UUID, Limit: headlinesSize})
	if err != nil {
		p.storeError(w, "headlines", err)
		return
	}
	data.Headlines = pageOrder(res.Articles)
	if a.ParentUUID != "" {
		parent, err := p.Store.GetArticle(ctx, a.ParentUUID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			p.storeError(w, "article", err)
			return
		}
		data.Parent = parent
	}
	p.render(w, http.StatusOK, "article", data)
}

// pageOrder orders the headlines listed on a page as the page lists them:
// ingest stores them one after another in the page's order, so by the time
// they were discovered.
func pageOrder(as []news.Article) []news.Article {
	slices.SortStableFunc(as, func(a, b news.Article) int { return a.Discovered.Compare(b.Discovered) })
	return as
}

// without is as without the article uuid.
func without(as []news.Article, uuid string) []news.Article {
	return slices.DeleteFunc(as, func(a news.Article) bool { return a.UUID == uuid })
}

type companyData struct {
	Title     string
	Nav       string
	Company   news.Company
	Listing   news.Listing
	Found     int
	News      []news.Article
	Volume    chart
	Sentiment chart
	Timeline  []timelineEntry
}

// timelineEntry is one event of a company, with the article telling it.
type timelineEntry struct {
	When    time.Time
	Event   news.Event
	Article news.Article
}

func (p *Pages) company(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	key := strings.ToUpper(strings.TrimSpace(r.PathValue("listing")))
	if key == "" || len(key) > 40 {
		p.fail(w, http.StatusNotFound, "No such company.")
		return
	}
	res, err := p.companyNews(ctx, key)
	if err != nil {
		p.storeError(w, "company", err)
		return
	}
	c, l, ok := findCompany(res.Articles, key)
	if !ok {
		p.fail(w, http.StatusNotFound, "No stored article names "+key+".")
		return
	}
	if !strings.EqualFold(l.Key(), key) { // a bare symbol: keep to this company's listing
		if res, err = p.companyNews(ctx, l.Key()); err != nil {
			p.storeError(w, "company", err)
			return
		}
	}
	data := companyData{Title: c.Name + " (" + l.Symbol + " " + l.MIC + ")", Company: c, Listing: l,
		News: res.Articles[:min(companyNewsSize, len(res.Articles))], Timeline: timeline(res.Articles, c)}
	// Every day of the listing's history, from its index: the total
	// count, and the chart's last chartDaysShown days.
	lk := store.ListingKey{Symbol: strings.ToUpper(l.Symbol), MIC: strings.ToUpper(l.MIC)}
	stats, err := p.Browser.DailyMentions(ctx, lk, time.Unix(0, 0), time.Now().AddDate(1, 0, 0))
	if err != nil {
		p.storeError(w, "company", err)
		return
	}
	for _, s := range stats {
		data.Found += s.Articles
	}
	last := res.Articles[0].When().UTC()
	to := time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	from := to.AddDate(0, 0, -chartDaysShown)
	first, _ := slices.BinarySearchFunc(stats, from, func(s store.DayStat, t time.Time) int { return s.Day.Compare(t) })
	stats = stats[first:]
	days := chartDays(from, to)
	data.Volume, data.Sentiment = volumeChart(days, stats), sentimentChart(days, stats)
	p.render(w, http.StatusOK, "company", data)
}

// companyNews is the newest articles naming the listing key (not counted
// here: the page counts them from the daily mentions).
func (p *Pages) companyNews(ctx context.Context, key string) (store.Browsed, error) {
	return p.Browser.Browse(ctx, store.BrowseQuery{Query: store.Query{Symbols: []string{key}, Limit: timelineSize}, CountLimit: timelineSize})
}

// findCompany finds the company with listing key (SYMBOL.MIC or a bare
// symbol) in the newest article naming it.
func findCompany(as []news.Article, key string) (news.Company, news.Listing, bool) {
	for _, a := range as {
		for _, c := range a.Annotation.Companies {
			for _, l := range c.Listings {
				if strings.EqualFold(l.Key(), key) || strings.EqualFold(l.Symbol, key) {
					return c, l, true
				}
			}
		}
	}
	return news.Company{}, news.Listing{}, false
}

// timeline lists the events of articles that concern c (events naming no
// company concern every company of their article), newest first.
func timeline(as []news.Article, c news.Company) []timelineEntry {
	var out []timelineEntry
	for _, a := range as {
		for _, e := range a.Annotation.Events {
			concerns := len(e.Companies) == 0
			for _, k := range e.Companies {
				concerns = concerns || c.HasSymbol(k)
			}
			if concerns {
				out = append(out, timelineEntry{When: a.When(), Event: e, Article: a})
			}
		}
	}
	return out
}

type searchData struct {
	Title    string
	Nav      string
	F        filters
	Articles []news.Article
	Found    int
	More     bool
	Facets   store.Facets
	Prev     string
	Next     string
	First    int
	Last     int
}

func (p *Pages) search(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilters("/search", r.URL.Query())
	if err != nil {
		p.fail(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := p.Browser.Browse(r.Context(), f.query(searchSize, searchFacets, countLimit))
	if err != nil {
		p.storeError(w, "search results", err)
		return
	}
	title := "Search"
	if f.Q != "" {
		title = "Search: " + f.Q
	}
	data := searchData{Title: title, Nav: "search", F: f, Articles: res.Articles, Found: res.Found, More: res.More, Facets: res.Facets}
	data.First = (f.Page-1)*searchSize + 1
	data.Last = data.First + len(res.Articles) - 1
	if f.Page > 1 {
		data.Prev = f.PageURL(f.Page - 1)
	}
	if (data.Last < res.Found || res.More) && f.Page < maxPage {
		data.Next = f.PageURL(f.Page + 1)
	}
	p.render(w, http.StatusOK, "search", data)
}

type storyData struct {
	Title     string
	Nav       string
	ID        string
	Articles  []news.Article
	Found     int
	First     time.Time
	Last      time.Time
	Companies []chip
}

func (p *Pages) story(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	res, err := p.Store.SearchArticles(r.Context(), store.Query{StoryID: id, Limit: storySize})
	if err != nil {
		p.storeError(w, "story", err)
		return
	}
	if len(res.Articles) == 0 {
		p.fail(w, http.StatusNotFound, "No such story.")
		return
	}
	as := res.Articles
	oldest := as[len(as)-1]
	data := storyData{Title: api.DisplayTitle(&oldest), ID: id, Articles: as, Found: res.Found,
		First: oldest.When(), Last: as[0].When()}
	count := map[news.Listing]int{}
	for _, a := range as {
		for _, c := range chips(a) {
			if count[c.Listing] == 0 {
				data.Companies = append(data.Companies, c)
			}
			count[c.Listing]++
		}
	}
	slices.SortStableFunc(data.Companies, func(a, b chip) int { return cmp.Compare(count[b.Listing], count[a.Listing]) })
	p.render(w, http.StatusOK, "story", data)
}

// sourceRow is a source with its health as the Sources page shows it.
type sourceRow struct {
	news.Source
	Health string // ok, failing, blocked, new
}

type sourcesData struct {
	Title   string
	Nav     string
	Sources []sourceRow
	Failing int
}

func (p *Pages) sources(w http.ResponseWriter, r *http.Request) {
	list, err := p.Store.ListSources(r.Context())
	if err != nil {
		p.storeError(w, "sources", err)
		return
	}
	data := sourcesData{Title: "Sources", Nav: "sources"}
	for _, s := range list {
		row := sourceRow{Source: s, Health: sourceHealth(s)}
		if row.Health == "failing" || row.Health == "blocked" {
			data.Failing++
		}
		data.Sources = append(data.Sources, row)
	}
	order := map[string]int{"blocked": 0, "failing": 1, "new": 2, "ok": 3}
	slices.SortStableFunc(data.Sources, func(a, b sourceRow) int {
		return cmp.Or(cmp.Compare(order[a.Health], order[b.Health]), cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)))
	})
	p.render(w, http.StatusOK, "sources", data)
}

// sourceHealth sums up a source's state in a word.
func sourceHealth(s news.Source) string {
	switch {
	case s.Blocked:
		return "blocked"
	case s.ConsecutiveFailures > 0:
		return "failing"
	case s.LastSuccess.IsZero():
		return "new"
	}
	return "ok"
}

type watchlistsData struct {
	Title string
	Nav   string
}

func (p *Pages) watchlists(w http.ResponseWriter, r *http.Request) {
	p.render(w, http.StatusOK, "watchlists", watchlistsData{Title: "Watchlists", Nav: "watchlists"})
}
