package storetest

import (
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
)

// APIBenchQueries are the Marketaux filters and sorts BenchAPI measures on
// the Fill corpus.
var APIBenchQueries = []struct {
	Name  string
	Query store.Query
}{
	{"symbol+sentiment_gte", store.Query{Symbols: []string{"S00020"}, SentimentGTE: ptr(0.5)}},
	{"min_match_score", store.Query{MinMatchScore: 0.99}},
	{"mic+30d", store.Query{PublishedAfter: benchStart.Add(300 * 24 * time.Hour), PublishedBefore: benchStart.Add(330 * 24 * time.Hour),
		Filters: store.Filters{MICs: []string{"OTCM"}}}},
	{"symbol/sort=match_score", store.Query{Symbols: []string{"S00020"}, Filters: store.Filters{Sort: store.SortMatchScore}}},
	{"search/sort=relevance", store.Query{Search: "w00050 w00300", Filters: store.Filters{Sort: store.SortRelevance}}},
	{"domain+30d", store.Query{PublishedAfter: benchStart.Add(100 * 24 * time.Hour), PublishedBefore: benchStart.Add(130 * 24 * time.Hour),
		Filters: store.Filters{Domains: []string{"bench.example.com"}}}},
	{"group_similar", store.Query{Filters: store.Filters{GroupSimilar: true}}},
	{"cursor/mid", store.Query{Filters: store.Filters{Cursor: store.Cursor{SortTime: benchStart.Add(365 * 24 * time.Hour), ID: 1 << 40}.Encode()}}},
}

// BenchAPI measures APIBenchQueries and the entity statistics on s, like
// Bench.
func BenchAPI(b *testing.B, s store.Store) {
	for _, bq := range APIBenchQueries {
		b.Run(bq.Name, func(b *testing.B) {
			measure(b, func() (int, error) {
				res, err := s.SearchArticles(ctx, bq.Query)
				return res.Found, err
			})
		})
	}
	month := store.Query{PublishedAfter: benchStart.Add(300 * 24 * time.Hour), PublishedBefore: benchStart.Add(330 * 24 * time.Hour)}
	stats := []struct {
		name string
		q    store.StatsQuery
	}{
		{"stats/aggregation+30d", store.StatsQuery{Query: month}},
		{"stats/intraday-day+symbol", store.StatsQuery{Query: store.Query{Symbols: []string{"S00020"}}, Interval: "day"}},
		{"stats/intraday-hour+30d+exchange", store.StatsQuery{Query: month, Interval: "hour", GroupBy: store.GroupByExchange}},
	}
	for _, st := range stats {
		b.Run(st.name, func(b *testing.B) {
			measure(b, func() (int, error) {
				rows, err := s.EntityStats(ctx, st.q)
				return len(rows), err
			})
		})
	}
	b.Run("entity/search", func(b *testing.B) {
		measure(b, func() (int, error) {
			_, n, err := s.SearchEntities(ctx, store.EntitySearch{Text: "company 0001", Limit: 20})
			return n, err
		})
	})
}
