package api

import (
	"cmp"
	"errors"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
)

// EntityStat is one key's statistics in Marketaux's shape.
type EntityStat struct {
	Key            string   `json:"key"`
	MIC            string   `json:"mic,omitempty"` // tickerwire: the listing's market when grouped by symbol
	TotalDocuments int      `json:"total_documents"`
	SentimentAvg   float64  `json:"sentiment_avg"`
	Score          *float64 `json:"score,omitempty"` // trending only
}

// IntradayBucket is one interval of /v1/entity/stats/intraday.
type IntradayBucket struct {
	Date time.Time    `json:"date"`
	Data []EntityStat `json:"data"`
}

// aggregationSorts are the sort orders of /v1/entity/stats/aggregation.
var aggregationSorts = []string{"total_documents", "sentiment_avg"}

// Default windows of the entity statistics.
const (
	intradayWindow = 30 * 24 * time.Hour // for day and longer intervals
	shortWindow    = 24 * time.Hour      // minute and hour intervals, trending
	trendingBase   = 7                   // windows before the current one that make the baseline
)

// parseStats reads the parameters of the entity statistics endpoints.
func parseStats(v url.Values, extra ...[]Param) (store.StatsQuery, *Error) {
	var q store.StatsQuery
	if err := checkKnown(v, append(extra, filterParams, []Param{{Name: "group_by"}})...); err != nil {
		return q, err
	}
	var err *Error
	if q.Query, err = parseFilters(v); err != nil {
		return q, err
	}
	q.GroupBy, err = parseEnum(v, "group_by", store.GroupBySymbol, store.GroupBys)
	return q, err
}

func toEntityStat(e store.EntityStat) EntityStat {
	return EntityStat{Key: e.Key, MIC: e.MIC, TotalDocuments: e.TotalDocuments, SentimentAvg: round(e.SentimentAvg)}
}

func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// entityStats runs a statistics query, answering errors; ok is false when
// it answered.
func (s *Server) entityStats(w http.ResponseWriter, r *http.Request, q store.StatsQuery) ([]store.EntityStat, bool) {
	stats, err := s.Store.EntityStats(r.Context(), q)
	if errors.Is(err, store.ErrBadQuery) {
		writeError(w, badParam("search", err.Error()))
		return nil, false
	}
	if err != nil {
		serverError(w, s.Log, err)
		return nil, false
	}
	return stats, true
}

func (s *Server) handleEntityIntraday(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, perr := parseStats(v, []Param{{Name: "interval"}})
	if perr == nil {
		q.Interval, perr = parseEnum(v, "interval", "day", store.Intervals)
	}
	if perr != nil {
		writeError(w, perr)
		return
	}
	if q.PublishedAfter.IsZero() {
		window := intradayWindow
		if q.Interval == "minute" || q.Interval == "hour" {
			window = shortWindow
		}
		end := q.PublishedBefore
		if end.IsZero() {
			end = time.Now().UTC()
		}
		q.PublishedAfter = end.Add(-window)
	}
	stats, ok := s.entityStats(w, r, q)
	if !ok {
		return
	}
	data := []IntradayBucket{}
	for _, e := range stats {
		if len(data) == 0 || !data[len(data)-1].Date.Equal(e.Bucket) {
			data = append(data, IntradayBucket{Date: e.Bucket, Data: []EntityStat{}})
		}
		last := &data[len(data)-1]
		last.Data = append(last.Data, toEntityStat(e))
	}
	writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]int{"returned": len(data)}, "data": data})
}

func (s *Server) handleEntityAggregation(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, perr := parseStats(v, []Param{{Name: "limit"}, {Name: "page"}, {Name: "sort"}, {Name: "sort_order"}})
	var sortBy, order string
	var limit, page int
	if perr == nil {
		sortBy, perr = parseEnum(v, "sort", "total_documents", aggregationSorts)
	}
	if perr == nil {
		order, perr = parseEnum(v, "sort_order", "desc", []string{"desc", "asc"})
	}
	if perr == nil {
		limit, page, perr = parsePage(v)
	}
	if perr != nil {
		writeError(w, perr)
		return
	}
	stats, ok := s.entityStats(w, r, q)
	if !ok {
		return
	}
	data := make([]EntityStat, 0, len(stats))
	for _, e := range stats {
		data = append(data, toEntityStat(e))
	}
	slices.SortStableFunc(data, func(a, b EntityStat) int {
		c := cmp.Compare(a.TotalDocuments, b.TotalDocuments)
		if sortBy == "sentiment_avg" {
			c = cmp.Compare(a.SentimentAvg, b.SentimentAvg)
		}
		if order == "desc" {
			c = -c
		}
		return c
	})
	writeStatsPage(w, data, limit, page)
}

func writeStatsPage(w http.ResponseWriter, data []EntityStat, limit, page int) {
	found := len(data)
	data = pageOf(data, limit, page)
	writeJSON(w, http.StatusOK, map[string]any{"meta": Meta{Found: found, Returned: len(data), Limit: limit, Page: page}, "data": data})
}

// handleEntityTrending scores each entity by how far its article count in
// the window (published_after..published_before, by default the last 24
// hours) is above its average in the 7 windows before: (n - mean) /
// sqrt(mean + 1), a z-score under a Poisson baseline.
func (s *Server) handleEntityTrending(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, perr := parseStats(v, []Param{{Name: "limit"}, {Name: "page"}, {Name: "min_doc_count"}})
	var limit, page, minDocs int
	if perr == nil {
		minDocs, perr = parseInt(v, "min_doc_count", 1, 1, 1_000_000)
	}
	if perr == nil {
		limit, page, perr = parsePage(v)
	}
	if perr != nil {
		writeError(w, perr)
		return
	}
	if q.PublishedBefore.IsZero() {
		q.PublishedBefore = time.Now().UTC()
	}
	if q.PublishedAfter.IsZero() {
		q.PublishedAfter = q.PublishedBefore.Add(-shortWindow)
	}
	window := q.PublishedBefore.Sub(q.PublishedAfter)
	current, ok := s.entityStats(w, r, q)
	if !ok {
		return
	}
	baseQ := q
	baseQ.PublishedBefore = q.PublishedAfter.Add(-time.Microsecond)
	baseQ.PublishedAfter = q.PublishedAfter.Add(-trendingBase * window)
	baseline, ok := s.entityStats(w, r, baseQ)
	if !ok {
		return
	}
	before := map[[2]string]int{}
	for _, e := range baseline {
		before[[2]string{e.Key, e.MIC}] = e.TotalDocuments
	}
	data := []EntityStat{}
	for _, e := range current {
		if e.TotalDocuments < minDocs {
			continue
		}
		mean := float64(before[[2]string{e.Key, e.MIC}]) / trendingBase
		score := round((float64(e.TotalDocuments) - mean) / math.Sqrt(mean+1))
		st := toEntityStat(e)
		st.Score = &score
		data = append(data, st)
	}
	slices.SortStableFunc(data, func(a, b EntityStat) int {
		return cmp.Or(cmp.Compare(*b.Score, *a.Score), cmp.Compare(b.TotalDocuments, a.TotalDocuments))
	})
	writeStatsPage(w, data, limit, page)
}

// EntityItem is one entity of /v1/entity/search, in Marketaux's shape.
type EntityItem struct {
	Symbol       string `json:"symbol"`
	Name         string `json:"name"`
	Type         string `json:"type"`
	Industry     string `json:"industry"`
	Exchange     string `json:"exchange"`
	ExchangeLong string `json:"exchange_long"`
	MICCode      string `json:"mic_code"`
	Country      string `json:"country"`
	Documents    int    `json:"documents"` // tickerwire: stored articles naming it
}

func (s *Server) handleEntitySearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	var q store.EntitySearch
	perr := checkKnown(v, []Param{{Name: "search"}, {Name: "symbols"}, {Name: "exchanges"}, {Name: "countries"},
		{Name: "industries"}, {Name: "types"}, {Name: "limit"}, {Name: "page"}})
	lists := []struct {
		name  string
		dst   *[]string
		valid func(string) bool
	}{
		{"symbols", &q.Symbols, symbolPattern.MatchString}, {"exchanges", &q.MICs, micPattern.MatchString},
		{"countries", &q.Countries, countryPattern.MatchString}, {"industries", &q.Industries, industryPattern.MatchString},
	}
	for _, l := range lists {
		for _, item := range splitList(v.Get(l.name)) {
			if perr == nil && !l.valid(item) {
				perr = badParam(l.name, "has a bad item "+quote(item)+".")
			}
			*l.dst = append(*l.dst, item)
		}
	}
	var types []string
	for _, t := range splitList(v.Get("types")) {
		if perr == nil && !slices.Contains(MarketauxEntityTypes, strings.ToLower(t)) {
			perr = badParam("types", "must be a comma-separated list of "+strings.Join(MarketauxEntityTypes, ", ")+".")
		}
		types = append(types, strings.ToLower(t))
	}
	if q.Text = strings.TrimSpace(v.Get("search")); len(q.Text) > 200 && perr == nil {
		perr = badParam("search", "is longer than 200 characters.")
	}
	var limit, page int
	if perr == nil {
		limit, page, perr = parsePage(v)
	}
	if perr != nil {
		writeError(w, perr)
		return
	}
	data := []EntityItem{}
	found := 0
	if len(types) == 0 || slices.Contains(types, store.EntityTypeEquity) {
		q.Limit, q.Offset = limit, (page-1)*limit
		entities, n, err := s.Store.SearchEntities(r.Context(), q)
		if err != nil {
			serverError(w, s.Log, err)
			return
		}
		found = n
		for _, e := range entities {
			data = append(data, EntityItem{Symbol: e.Symbol, Name: e.Name, Type: store.EntityTypeEquity, Industry: e.Industry,
				Exchange: e.MIC, ExchangeLong: ExchangeName(e.MIC), MICCode: e.MIC, Country: strings.ToLower(e.Country), Documents: e.Documents})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"meta": Meta{Found: found, Returned: len(data), Limit: limit, Page: page}, "data": data})
}

func (s *Server) handleEntityTypes(w http.ResponseWriter, r *http.Request) {
	if err := checkKnown(r.URL.Query()); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": []string{store.EntityTypeEquity}})
}

func (s *Server) handleIndustries(w http.ResponseWriter, r *http.Request) {
	if err := checkKnown(r.URL.Query()); err != nil {
		writeError(w, err)
		return
	}
	industries, err := s.Store.Industries(r.Context())
	if err != nil {
		serverError(w, s.Log, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": append([]string{}, industries...)})
}

func quote(s string) string { return `"` + s + `"` }
