package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// company is a fixture company with listings given as SYMBOL.MIC pairs.
func company(name string, listings ...news.Listing) news.Company {
	return news.Company{Name: name, Listings: listings, MatchScore: 0.9, Sentiment: news.SentimentOf(0.2)}
}

// scored is c with another match score and sentiment.
func scored(c news.Company, match, sentiment float64) news.Company {
	c.MatchScore, c.Sentiment = match, news.SentimentOf(sentiment)
	return c
}

func ptr(f float64) *float64 { return &f }

func events(types ...string) []news.Event {
	var out []news.Event
	for _, t := range types {
		out = append(out, news.Event{Type: t, Confidence: 0.7})
	}
	return out
}

var (
	nissan    = company("Nissan Motor", news.Listing{Symbol: "7201", MIC: "XTKS"}, news.Listing{Symbol: "NSANY", MIC: "OTCM"})
	foxconn   = company("Foxconn Industrial Internet", news.Listing{Symbol: "601138", MIC: "XSHG"})
	honda     = company("Honda Motor", news.Listing{Symbol: "7267", MIC: "XTKS"}, news.Listing{Symbol: "HMC", MIC: "XNYS"})
	berkshire = company("Berkshire Hathaway", news.Listing{Symbol: "BRK.B", MIC: "XNYS"})
	apple     = company("Apple", news.Listing{Symbol: "AAPL", MIC: "XNAS"})
	toyota    = company("Toyota Motor", news.Listing{Symbol: "7203", MIC: "XTKS"})
)

// searchFixture saves six articles and returns their UUIDs by title. Newest
// first they are: talks (+5h), headline (+4h, discovered only), merger
// (+3h), toyota (+2h), berkshire (+1h), recall (-24h).
func searchFixture(t *testing.T, s store.Store) map[string]string {
	h := time.Hour
	talks := &news.Article{Title: "Nissan in talks with Foxconn", Description: "Carmaker seeks partner",
		Text: "Japan's Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn (SS:601138) about electric vehicle production.",
		URL:  "https://example.com/talks", Published: base.Add(5 * h), Language: "en", StoryID: "s1", Source: "Example.com",
		Annotation: news.Annotation{Companies: []news.Company{nissan, foxconn}, Events: events(news.EventPartnership)}}
	save(t, s, talks)
	articles := []*news.Article{
		talks,
		{Kind: news.KindHeadline, Title: "Foxconn shares rise", Discovered: base.Add(4 * h), Language: "en", ParentUUID: talks.UUID},
		{Title: "Honda and Nissan end merger talks", Text: "The carmakers called off the deal.", URL: "https://example.com/merger",
			Published: base.Add(3 * h), Language: "en", StoryID: "s2", Source: "example.com",
			Annotation: news.Annotation{Companies: []news.Company{scored(honda, 0.95, -0.6), scored(nissan, 0.5, -0.4)}, Events: events(news.EventMergerAcquisition)}},
		{Title: "Toyota steigert Gewinn", Description: "Mehr Elektroautos verkauft", Text: "Der Autobauer meldet mehr Gewinn.",
			URL: "https://example.de/toyota", Published: base.Add(2 * h), Language: "de", Source: "example.de",
			Annotation: news.Annotation{Companies: []news.Company{toyota}, Events: events(news.EventEarnings)}},
		{Title: "Berkshire buys more Apple", Text: "Berkshire Hathaway added to its Apple stake and bought back shares.",
			URL: "https://example.com/brk", Published: base.Add(1 * h), Language: "en",
			Annotation: news.Annotation{Companies: []news.Company{berkshire, apple}, Events: events(news.EventInvestment, news.EventBuyback)}},
		{Title: "Nissan recalls vehicles", Text: "Nissan is recalling 10,000 vehicles.", URL: "https://example.com/recall",
			Published: base.Add(-24 * h), Language: "en", StoryID: "s1",
			Annotation: news.Annotation{Companies: []news.Company{nissan}, Events: events(news.EventIncident)}},
	}
	ids := map[string]string{}
	for _, a := range articles {
		if a.UUID == "" {
			save(t, s, a)
		}
		ids[a.Title] = a.UUID
	}
	return ids
}

// Fixture titles, newest first.
const (
	talks    = "Nissan in talks with Foxconn"
	headline = "Foxconn shares rise"
	merger   = "Honda and Nissan end merger talks"
	toyotaDE = "Toyota steigert Gewinn"
	brk      = "Berkshire buys more Apple"
	recall   = "Nissan recalls vehicles"
)

func titles(res store.Result) []string {
	var out []string
	for _, a := range res.Articles {
		out = append(out, a.Title)
	}
	return out
}

func testSearch(t *testing.T, s store.Store) {
	ids := searchFixture(t, s)
	h := time.Hour
	tests := []struct {
		name  string
		q     store.Query
		want  []string
		found int // when not len(want): paging
	}{
		{"all, newest first", store.Query{}, []string{talks, headline, merger, toyotaDE, brk, recall}, 0},
		{"bare symbol", store.Query{Symbols: []string{"NSANY"}}, []string{talks, merger, recall}, 0},
		{"symbol in lower case", store.Query{Symbols: []string{"nsany"}}, []string{talks, merger, recall}, 0},
		{"symbol.MIC", store.Query{Symbols: []string{"7201.XTKS"}}, []string{talks, merger, recall}, 0},
		{"symbol.MIC lower case", store.Query{Symbols: []string{"7201.xtks"}}, []string{talks, merger, recall}, 0},
		{"symbol on another MIC", store.Query{Symbols: []string{"7201.XNYS"}}, nil, 0},
		{"symbol with a dot", store.Query{Symbols: []string{"BRK.B"}}, []string{brk}, 0},
		{"symbol with a dot and MIC", store.Query{Symbols: []string{"brk.b.xnys"}}, []string{brk}, 0},
		{"any of several symbols", store.Query{Symbols: []string{"HMC", "AAPL", ""}}, []string{merger, brk}, 0},
		{"unknown symbol", store.Query{Symbols: []string{"ZZZZ"}}, nil, 0},
		{"two listings of one company", store.Query{Symbols: []string{"NSANY", "7201.XTKS", "nsany"}}, []string{talks, merger, recall}, 0},
		{"symbol, oldest first", store.Query{Symbols: []string{"NSANY"}, Filters: store.Filters{Ascending: true}}, []string{recall, merger, talks}, 0},
		{"symbol, second page", store.Query{Symbols: []string{"NSANY"}, Limit: 1, Offset: 1}, []string{merger}, 3},
		{"symbols, second page", store.Query{Symbols: []string{"HMC", "NSANY"}, Limit: 2, Offset: 2}, []string{recall}, 3},
		{"symbol beyond the end", store.Query{Symbols: []string{"NSANY"}, Limit: 2, Offset: 3}, nil, 3},
		{"symbol count stops at MaxFound", store.Query{Symbols: []string{"7201.XTKS"}, Limit: 1, MaxFound: 2}, []string{talks}, 2},
		{"symbols count stops at MaxFound", store.Query{Symbols: []string{"HMC", "NSANY"}, Limit: 1, MaxFound: 2}, []string{talks}, 2},
		{"word", store.Query{Search: "nissan"}, []string{talks, merger, recall}, 0},
		{"word in any case", store.Query{Search: "FOXCONN"}, []string{talks, headline}, 0},
		{"words are ANDed", store.Query{Search: "nissan talks"}, []string{talks, merger}, 0},
		{"exclusion", store.Query{Search: "nissan -honda"}, []string{talks, recall}, 0},
		{"phrase", store.Query{Search: `"electric vehicle"`}, []string{talks}, 0},
		{"phrase in other order", store.Query{Search: `"vehicle electric"`}, nil, 0},
		{"prefix", store.Query{Search: "recall*"}, []string{recall}, 0},
		{"description is searched", store.Query{Search: "elektro*"}, []string{toyotaDE}, 0},
		{"or", store.Query{Search: "honda | toyota"}, []string{merger, toyotaDE}, 0},
		{"groups", store.Query{Search: "(honda | toyota) -merger"}, []string{toyotaDE}, 0},
		{"search and date", store.Query{Search: "nissan", PublishedAfter: base, PublishedBefore: base.Add(3 * h)}, []string{merger}, 0},
		{"symbol and search", store.Query{Symbols: []string{"NSANY"}, Search: "foxconn"}, []string{talks}, 0},
		{"symbol and prefix search", store.Query{Symbols: []string{"NSANY"}, Search: "s4*"}, nil, 0},
		{"symbol with a dot and MIC, and search", store.Query{Symbols: []string{"brk.b.xnys"}, Search: "apple"}, []string{brk}, 0},
		{"symbol and search, none both", store.Query{Symbols: []string{"AAPL"}, Search: "nissan"}, nil, 0},
		{"published after, inclusive", store.Query{PublishedAfter: base.Add(2 * h)}, []string{talks, headline, merger, toyotaDE}, 0},
		{"published before, inclusive", store.Query{PublishedBefore: base.Add(1 * h)}, []string{brk, recall}, 0},
		{"range falls back to discovered", store.Query{PublishedAfter: base.Add(3 * h), PublishedBefore: base.Add(4 * h)}, []string{headline, merger}, 0},
		{"symbol and date", store.Query{Symbols: []string{"7201.XTKS"}, PublishedAfter: base}, []string{talks, merger}, 0},
		{"symbols, search and date", store.Query{Symbols: []string{"7201.XTKS", "AAPL"}, Search: "talks | apple", PublishedAfter: base, PublishedBefore: base.Add(4 * h)}, []string{merger, brk}, 0},
		{"language", store.Query{Languages: []string{"de"}}, []string{toyotaDE}, 0},
		{"language in upper case", store.Query{Languages: []string{"EN"}}, []string{talks, headline, merger, brk, recall}, 0},
		{"events, any of them", store.Query{Events: []string{news.EventPartnership, news.EventIncident}}, []string{talks, recall}, 0},
		{"event of several", store.Query{Events: []string{news.EventBuyback}}, []string{brk}, 0},
		{"event and date", store.Query{Events: []string{news.EventIncident}, PublishedAfter: base}, nil, 0},
		{"story", store.Query{StoryID: "s1"}, []string{talks, recall}, 0},
		{"parent", store.Query{ParentUUID: ids[talks]}, []string{headline}, 0},
		{"kind", store.Query{Kind: news.KindHeadline}, []string{headline}, 0},
		{"sources, any case", store.Query{Sources: []string{"EXAMPLE.COM", "example.de"}}, []string{talks, merger, toyotaDE}, 0},
		{"min match score of the symbol's company", store.Query{Symbols: []string{"NSANY"}, MinMatchScore: 0.8}, []string{talks, recall}, 0},
		{"min match score of any company", store.Query{MinMatchScore: 0.92}, []string{merger}, 0},
		{"sentiment at most", store.Query{SentimentLTE: ptr(-0.5)}, []string{merger}, 0},
		{"sentiment of the symbol's company", store.Query{Symbols: []string{"7201"}, SentimentLTE: ptr(-0.3)}, []string{merger}, 0},
		{"sentiment at least", store.Query{Symbols: []string{"HMC", "7201.XTKS"}, SentimentGTE: ptr(0)}, []string{talks, recall}, 0},
		{"sentiment range", store.Query{SentimentGTE: ptr(-0.5), SentimentLTE: ptr(-0.1)}, []string{merger}, 0},
		{"story and search", store.Query{StoryID: "s1", Search: "recall*"}, []string{recall}, 0},
		{"event and search", store.Query{Events: []string{news.EventMergerAcquisition, news.EventPartnership}, Search: "honda"}, []string{merger}, 0},
		{"parent and search", store.Query{ParentUUID: ids[talks], Search: "shares"}, []string{headline}, 0},
		{"parent and other search", store.Query{ParentUUID: ids[talks], Search: "nissan"}, nil, 0},
		{"all filters", store.Query{Symbols: []string{"7201"}, Search: "nissan", Events: []string{news.EventPartnership},
			Languages: []string{"en"}, StoryID: "s1", Kind: news.KindArticle, PublishedAfter: base, PublishedBefore: base.Add(5 * h)}, []string{talks}, 0},
		{"first page", store.Query{Limit: 2}, []string{talks, headline}, 6},
		{"middle page", store.Query{Limit: 2, Offset: 2}, []string{merger, toyotaDE}, 6},
		{"last page, short", store.Query{Limit: 4, Offset: 4}, []string{brk, recall}, 6},
		{"beyond the end", store.Query{Limit: 2, Offset: 10}, nil, 6},
		{"negative paging is ignored", store.Query{Limit: -1, Offset: -5}, []string{talks, headline, merger, toyotaDE, brk, recall}, 0},
		{"filtered paging", store.Query{Search: "nissan", Limit: 1, Offset: 1}, []string{merger}, 3},
		{"count stops at MaxFound", store.Query{Limit: 2, MaxFound: 4}, []string{talks, headline}, 4},
		{"count up to MaxFound", store.Query{Search: "nissan", MaxFound: 3}, []string{talks, merger, recall}, 0},
		{"page beyond MaxFound", store.Query{Limit: 2, Offset: 4, MaxFound: 3}, []string{brk, recall}, 3},
	}
	for _, tt := range tests {
		res, err := s.SearchArticles(ctx, tt.q)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, titles(res)); diff != "" {
			t.Errorf("%s: %+v (-want +got):\n%s", tt.name, tt.q, diff)
		}
		found := tt.found
		if found == 0 {
			found = len(tt.want)
		}
		more := tt.q.MaxFound > 0 && found == tt.q.MaxFound && tt.name != "count up to MaxFound"
		if res.Found != found || res.FoundMore != more {
			t.Errorf("%s: Found = %d, FoundMore = %v; want %d, %v", tt.name, res.Found, res.FoundMore, found, more)
		}
	}
}

// testHostileSearch checks that no search string makes the store fail with
// anything but ErrBadQuery, and that operators of the engines stay literal.
func testHostileSearch(t *testing.T, s store.Store) {
	searchFixture(t, s)
	for _, q := range []string{
		`foo" OR 1=1 --`, `'; DROP TABLE articles; --`, `"unclosed phrase`, `((nissan`, `nissan))`, `)(`,
		`NEAR(nissan foxconn)`, `nissan NEAR/2 foxconn`, `title:nissan`, `{title body}: nissan`, `^nissan`,
		`nissan*"`, `* | - + ()`, `a AND b OR NOT c`, `nissan & !foxconn`, `nissan <-> foxconn`, `'nissan':*`,
		`\`, `\'`, "nissan\x00foxconn", "\xff\xfe", `日産 "自動車`, `-nissan`, `(a | -b)`, `:*`, `!!`, `''`, `""`,
	} {
		_, err := s.SearchArticles(ctx, store.Query{Search: q})
		if err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("search %q: %v, want nil or ErrBadQuery", q, err)
		}
	}
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{`NEAR(nissan foxconn)`, nil}, // NEAR is a word here, and no article has it
		{`title:foxconn`, nil},        // no column filter: "title foxconn" is a phrase
		{`nissan))`, []string{talks, merger, recall}},
		{`"electric vehicle`, []string{talks}},
	} {
		res, err := s.SearchArticles(ctx, store.Query{Search: tt.q})
		if err != nil {
			t.Errorf("search %q: %v", tt.q, err)
			continue
		}
		if diff := cmp.Diff(tt.want, titles(res)); diff != "" {
			t.Errorf("search %q (-want +got):\n%s", tt.q, diff)
		}
	}
	if _, err := s.SearchArticles(ctx, store.Query{Search: "-nissan"}); !errors.Is(err, store.ErrBadQuery) {
		t.Errorf("search -nissan = %v, want ErrBadQuery", err)
	}
	if res, err := s.SearchArticles(ctx, store.Query{}); err != nil || res.Found != 6 {
		t.Errorf("after hostile searches: %v, %d articles; want 6", err, res.Found)
	}
}
