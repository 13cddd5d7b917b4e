package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// RunBrowser runs the conformance tests of store.Browser. open must return
// a new, empty store that implements it; RunBrowser closes it.
func RunBrowser(t *testing.T, open func(t *testing.T) store.Store) {
	fresh := func(t *testing.T) store.Browser {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		b, ok := s.(store.Browser)
		if !ok {
			t.Fatalf("%T does not implement store.Browser", s)
		}
		browseFixture(t, s)
		return b
	}
	t.Run("Filters", func(t *testing.T) { testBrowseFilters(t, fresh(t)) })
	t.Run("Facets", func(t *testing.T) { testFacets(t, fresh(t)) })
	t.Run("DailyMentions", func(t *testing.T) { testDailyMentions(t, fresh(t)) })
}

// withSentiment is c with the given sentiment score for its company.
func withSentiment(c news.Company, score float64) news.Company {
	c.Sentiment = news.SentimentOf(score)
	return c
}

// browseFixture saves five articles from two sources over three days.
// Newest first: talks (Nikkei, positive), fall (Reuters, negative), ev
// (Nikkei, positive), honda (Reuters, neutral), recall (Nikkei, negative).
func browseFixture(t *testing.T, s store.Store) {
	h := time.Hour
	for _, a := range []*news.Article{
		{Title: "Nissan in talks with Foxconn", Source: "Nikkei", Published: base, URL: "https://example.com/b1",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0.5), Events: events(news.EventPartnership),
				Companies: []news.Company{withSentiment(nissan, 0.2), foxconn}}},
		{Title: "Nissan shares fall", Source: "Reuters", Published: base.Add(-24 * h), URL: "https://example.com/b2",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(-0.4), Events: events(news.EventStockMove),
				Companies: []news.Company{withSentiment(nissan, -0.6)}}},
		{Title: "Nissan shows an electric van", Source: "Nikkei", Published: base.Add(-46 * h), URL: "https://example.com/b3",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0.3), Events: events(news.EventProduct),
				Companies: []news.Company{withSentiment(nissan, 0.4)}}},
		{Title: "Honda earnings steady", Source: "Reuters", Published: base.Add(-47 * h), URL: "https://example.com/b4",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0), Events: events(news.EventEarnings),
				Companies: []news.Company{honda}}},
		{Title: "Nissan recalls vans", Source: "Nikkei", Published: base.Add(-48 * h), URL: "https://example.com/b5",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(-0.3), Events: events(news.EventIncident),
				Companies: []news.Company{withSentiment(nissan, -0.2)}}},
	} {
		save(t, s, a)
	}
}

func testBrowseFilters(t *testing.T, s store.Browser) {
	tests := []struct {
		name  string
		q     store.BrowseQuery
		want  []string
		found int
		more  bool
	}{
		{"sentiment", store.BrowseQuery{Sentiment: news.Negative},
			[]string{"Nissan shares fall", "Nissan recalls vans"}, 2, false},
		{"source", store.BrowseQuery{Source: "Reuters"},
			[]string{"Nissan shares fall", "Honda earnings steady"}, 2, false},
		{"source+symbol", store.BrowseQuery{Source: "Nikkei", Query: store.Query{Symbols: []string{"NSANY"}}},
			[]string{"Nissan in talks with Foxconn", "Nissan shows an electric van", "Nissan recalls vans"}, 3, false},
		{"sentiment+search", store.BrowseQuery{Sentiment: news.Positive, Query: store.Query{Search: "van"}},
			[]string{"Nissan shows an electric van"}, 1, false},
		{"page", store.BrowseQuery{Query: store.Query{Limit: 2, Offset: 2}},
			[]string{"Nissan shows an electric van", "Honda earnings steady"}, 5, false},
		{"no source", store.BrowseQuery{Source: "Bloomberg"}, nil, 0, false},
		{"count limit", store.BrowseQuery{CountLimit: 3, Query: store.Query{Limit: 1}},
			[]string{"Nissan in talks with Foxconn"}, 3, true},
		{"count limit not reached", store.BrowseQuery{CountLimit: 3, Source: "Reuters"},
			[]string{"Nissan shares fall", "Honda earnings steady"}, 2, false},
		{"count limit, page beyond it", store.BrowseQuery{CountLimit: 2, Query: store.Query{Limit: 2, Offset: 2}},
			[]string{"Nissan shows an electric van", "Honda earnings steady"}, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Browse(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, titles(res.Result)); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
			if res.Found != tt.found || res.More != tt.more {
				t.Errorf("found %d (more %v), want %d (more %v)", res.Found, res.More, tt.found, tt.more)
			}
			if res.Facets.Sample != 0 {
				t.Errorf("facets counted without FacetSample: %+v", res.Facets)
			}
		})
	}
}

func testFacets(t *testing.T, s store.Browser) {
	all := store.Facets{
		Sample:     5,
		Companies:  counts("7201.XTKS", 4, "NSANY.OTCM", 4, "601138.XSHG", 1, "7267.XTKS", 1, "HMC.XNYS", 1),
		Events:     counts("earnings", 1, "incident", 1, "partnership", 1, "product", 1, "stock_move", 1),
		Sentiments: counts("negative", 2, "positive", 2, "neutral", 1),
		Sources:    counts("Nikkei", 3, "Reuters", 2),
		Days:       counts("2026-03-01", 1, "2026-02-28", 1, "2026-02-27", 3),
	}
	newest2 := store.Facets{
		Sample:     2,
		Companies:  counts("7201.XTKS", 2, "NSANY.OTCM", 2, "601138.XSHG", 1),
		Events:     counts("partnership", 1, "stock_move", 1),
		Sentiments: counts("negative", 1, "positive", 1),
		Sources:    counts("Nikkei", 1, "Reuters", 1),
		Days:       counts("2026-03-01", 1, "2026-02-28", 1),
	}
	reuters := store.Facets{
		Sample:     2,
		Companies:  counts("7201.XTKS", 1, "7267.XTKS", 1, "HMC.XNYS", 1, "NSANY.OTCM", 1),
		Events:     counts("earnings", 1, "stock_move", 1),
		Sentiments: counts("negative", 1, "neutral", 1),
		Sources:    counts("Reuters", 2),
		Days:       counts("2026-02-28", 1, "2026-02-27", 1),
	}
	tests := []struct {
		name string
		q    store.BrowseQuery
		want store.Facets
	}{
		{"all", store.BrowseQuery{FacetSample: 100}, all},
		{"newest two", store.BrowseQuery{FacetSample: 2}, newest2},
		{"one source", store.BrowseQuery{Source: "Reuters", FacetSample: 100}, reuters},
		{"nothing matches", store.BrowseQuery{Source: "Bloomberg", FacetSample: 100}, store.Facets{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Browse(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, res.Facets, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("facets (-want +got):\n%s", diff)
			}
		})
	}
}

func testDailyMentions(t *testing.T, s store.Browser) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		l        store.ListingKey
		from, to time.Time
		want     []store.DayStat
	}{
		{"three days", store.ListingKey{Symbol: "7201", MIC: "XTKS"}, day(-5), day(5), []store.DayStat{
			{Day: day(-1), Articles: 2, Sentiment: 0.1},
			{Day: day(0), Articles: 1, Sentiment: -0.6},
			{Day: day(1), Articles: 1, Sentiment: 0.2},
		}},
		{"window", store.ListingKey{Symbol: "NSANY", MIC: "OTCM"}, day(0), day(1), []store.DayStat{
			{Day: day(0), Articles: 1, Sentiment: -0.6},
		}},
		{"other market", store.ListingKey{Symbol: "7201", MIC: "XNYS"}, day(-5), day(5), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.DailyMentions(ctx, tt.l, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("days (-want +got):\n%s", diff)
			}
		})
	}
}

// counts builds facet counts from value, count pairs.
func counts(pairs ...any) []store.FacetCount {
	var out []store.FacetCount
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, store.FacetCount{Value: pairs[i].(string), Count: pairs[i+1].(int)})
	}
	return out
}
