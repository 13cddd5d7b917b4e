package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// runExtensions runs the tests of store.Extensions and Query.Filters.
func runExtensions(t *testing.T, fresh func(t *testing.T) store.Store) {
	t.Run("Filters", func(t *testing.T) { testFilters(t, fresh(t)) })
	t.Run("Sorts", func(t *testing.T) { testSorts(t, fresh(t)) })
	t.Run("Cursor", func(t *testing.T) { testCursor(t, fresh(t), 0) })
	t.Run("CursorPastMaxFound", func(t *testing.T) { testCursor(t, fresh(t), 40) })
	t.Run("EntityStats", func(t *testing.T) { testEntityStats(t, fresh(t)) })
	t.Run("Entities", func(t *testing.T) { testEntities(t, fresh(t)) })
	t.Run("APIKeys", func(t *testing.T) { testAPIKeys(t, fresh(t)) })
	t.Run("Watchlists", func(t *testing.T) { testWatchlists(t, fresh(t)) })
	t.Run("Alerts", func(t *testing.T) { testAlerts(t, fresh(t)) })
}

func entity(name, country, industry string, score, sentiment float64, listings ...news.Listing) news.Company {
	return news.Company{Name: name, Country: country, Industry: industry, Listings: listings,
		MatchScore: score, Sentiment: news.SentimentOf(sentiment)}
}

// Filter fixture titles, newest first.
const (
	fxNissan = "Nissan and Foxconn weigh partnership"
	fxHonda  = "Honda shares fall on tariff worries"
	fxApple  = "Apple unveils new phone"
	fxMacro  = "Central bank holds rates"
	fxRecall = "Nissan recall widens"
)

// filterFixture saves five articles, an hour apart, newest first as listed.
func filterFixture(t *testing.T, s store.Store) {
	t.Helper()
	nissanJP := entity("Nissan Motor", "jp", "Auto Manufacturers", 0.95, -0.4,
		news.Listing{Symbol: "7201", MIC: "XTKS"}, news.Listing{Symbol: "NSANY", MIC: "OTCM"})
	foxconnTW := entity("Hon Hai Precision", "TW", "Electronic Components", 0.6, 0.5, news.Listing{Symbol: "2317", MIC: "XTAI"})
	hondaJP := entity("Honda Motor", "JP", "Auto Manufacturers", 0.9, -0.7,
		news.Listing{Symbol: "7267", MIC: "XTKS"}, news.Listing{Symbol: "HMC", MIC: "XNYS"})
	appleUS := entity("Apple Inc.", "US", "Consumer Electronics", 0.99, 0.8, news.Listing{Symbol: "AAPL", MIC: "XNAS"})
	articles := []*news.Article{
		{Title: fxNissan, Text: "Nissan is in talks with Foxconn about a partnership.", URL: "https://www.example.com/a",
			SourceID: 1, Language: "en", StoryID: "s1",
			Annotation: news.Annotation{Companies: []news.Company{nissanJP, foxconnTW}, Events: events(news.EventPartnership)}},
		{Title: fxHonda, Text: "Honda fell as tariffs loom.", URL: "https://news.example.org/b", SourceID: 2, Language: "en",
			Annotation: news.Annotation{Companies: []news.Company{hondaJP}, Events: events(news.EventStockMove, news.EventTradePolicy)}},
		{Title: fxApple, Text: "Apple showed a phone. Apple phone sales, phone reviews.", URL: "https://example.com/c", SourceID: 1, Language: "en",
			Annotation: news.Annotation{Companies: []news.Company{appleUS}, Events: events(news.EventProduct)}},
		{Title: fxMacro, Text: "The central bank held rates; no phone was mentioned.", URL: "https://bank.example.net/d", SourceID: 3, Language: "en",
			Annotation: news.Annotation{Events: events(news.EventMacro)}},
		{Title: fxRecall, Text: "Nissan widened its recall.", URL: "https://example.com/e", SourceID: 1, Language: "en", StoryID: "s1",
			Annotation: news.Annotation{Companies: []news.Company{nissanJP}, Events: events(news.EventIncident)}},
	}
	for i, a := range articles {
		a.Published = base.Add(-time.Duration(i) * time.Hour)
		save(t, s, a)
	}
}

func testFilters(t *testing.T, s store.Store) {
	filterFixture(t, s)
	all := []string{fxNissan, fxHonda, fxApple, fxMacro, fxRecall}
	tests := []struct {
		name string
		q    store.Query
		want []string
	}{
		{"none", store.Query{}, all},
		{"mic", store.Query{Filters: store.Filters{MICs: []string{"xnys"}}}, []string{fxHonda}},
		{"symbol and mic must be one listing", store.Query{Symbols: []string{"NSANY"}, Filters: store.Filters{MICs: []string{"XNYS"}}}, nil},
		{"countries", store.Query{Filters: store.Filters{Countries: []string{"tw", "US"}}}, []string{fxNissan, fxApple}},
		{"industries", store.Query{Filters: store.Filters{Industries: []string{"Auto Manufacturers"}}}, []string{fxNissan, fxHonda, fxRecall}},
		{"entity type equity", store.Query{Filters: store.Filters{EntityTypes: []string{"equity"}}}, []string{fxNissan, fxHonda, fxApple, fxRecall}},
		{"entity type index", store.Query{Filters: store.Filters{EntityTypes: []string{"index"}}}, nil},
		{"sentiment gte", store.Query{SentimentGTE: ptr(0.5)}, []string{fxNissan, fxApple}},
		{"sentiment lte", store.Query{SentimentLTE: ptr(-0.5)}, []string{fxHonda}},
		{"sentiment of the symbol's entity", store.Query{Symbols: []string{"7201"}, SentimentGTE: ptr(0.5)}, nil},
		{"min match score", store.Query{MinMatchScore: 0.97}, []string{fxApple}},
		{"must have entities", store.Query{Filters: store.Filters{MustHaveEntities: true}}, []string{fxNissan, fxHonda, fxApple, fxRecall}},
		{"domains, www. too", store.Query{Filters: store.Filters{Domains: []string{"Example.com"}}}, []string{fxNissan, fxApple, fxRecall}},
		{"subdomain", store.Query{Filters: store.Filters{Domains: []string{"news.example.org"}}}, []string{fxHonda}},
		{"exclude domains", store.Query{Filters: store.Filters{ExcludeDomains: []string{"example.com"}}}, []string{fxHonda, fxMacro}},
		{"source ids", store.Query{Filters: store.Filters{SourceIDs: []int64{2, 3}}}, []string{fxHonda, fxMacro}},
		{"group similar", store.Query{Filters: store.Filters{GroupSimilar: true}}, []string{fxNissan, fxHonda, fxApple, fxMacro}},
		{"ascending", store.Query{Filters: store.Filters{Ascending: true}}, []string{fxRecall, fxMacro, fxApple, fxHonda, fxNissan}},
	}
	for _, tt := range tests {
		res, err := s.SearchArticles(ctx, tt.q)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, titles(res)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		if res.Found != len(tt.want) {
			t.Errorf("%s: found %d, want %d", tt.name, res.Found, len(tt.want))
		}
	}
}

func testSorts(t *testing.T, s store.Store) {
	filterFixture(t, s)
	tests := []struct {
		name string
		q    store.Query
		want []string
	}{
		{"match score", store.Query{Filters: store.Filters{Sort: store.SortMatchScore}},
			[]string{fxApple, fxNissan, fxRecall, fxHonda, fxMacro}},
		{"match score of the asked symbols", store.Query{Symbols: []string{"2317", "HMC"}, Filters: store.Filters{Sort: store.SortMatchScore}},
			[]string{fxHonda, fxNissan}},
		{"entity sentiment", store.Query{Filters: store.Filters{Sort: store.SortEntitySentiment, MustHaveEntities: true}},
			[]string{fxApple, fxNissan, fxRecall, fxHonda}},
		{"entity sentiment ascending", store.Query{Filters: store.Filters{Sort: store.SortEntitySentiment, Ascending: true, MustHaveEntities: true}},
			[]string{fxHonda, fxRecall, fxNissan, fxApple}},
		{"relevance", store.Query{Search: "phone", Filters: store.Filters{Sort: store.SortRelevance}},
			[]string{fxApple, fxMacro}},
		{"relevance without search is by time", store.Query{Filters: store.Filters{Sort: store.SortRelevance}},
			[]string{fxNissan, fxHonda, fxApple, fxMacro, fxRecall}},
	}
	for _, tt := range tests {
		res, err := s.SearchArticles(ctx, tt.q)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, titles(res)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	for name, q := range map[string]store.Query{
		"unknown sort":          {Filters: store.Filters{Sort: "colour"}},
		"cursor with a score":   {Filters: store.Filters{Sort: store.SortMatchScore, Cursor: store.Cursor{ID: 1}.Encode()}},
		"cursor of another app": {Filters: store.Filters{Cursor: "bm90IGEgY3Vyc29y"}},
	} {
		if _, err := s.SearchArticles(ctx, q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%s: error %v, want ErrBadQuery", name, err)
		}
	}
}

// testCursor pages with a cursor through articles, many sharing a time,
// both ways, all of them and those naming a company or a word, while new articles
// arrive, counting up to maxFound (0: the default) of them.
func testCursor(t *testing.T, s store.Store, maxFound int) {
	const n = 230
	article := func(title string, published time.Time) *news.Article {
		return &news.Article{Title: title, Published: published, Annotation: news.Annotation{Companies: []news.Company{
			{Name: "Cursor Corp", Listings: []news.Listing{{Symbol: "CRSR", MIC: "XNAS"}}, MatchScore: 1}}}}
	}
	var batch []*news.Article
	for i := range n {
		batch = append(batch, article(fmt.Sprintf("article %d", i), base.Add(time.Duration(i/7)*time.Minute)))
	}
	if _, err := s.SaveArticles(ctx, batch); err != nil {
		t.Fatal(err)
	}
	wantFound := n
	if maxFound > 0 {
		wantFound = maxFound
	}
	late := 0
	for _, by := range []store.Query{{}, {Symbols: []string{"CRSR"}}, {Search: "article"}, {Symbols: []string{"CRSR"}, Search: "article"}} {
		for _, asc := range []bool{false, true} {
			want := n + late // the late articles of earlier walks are newest
			seen := map[string]int{}
			var order []string
			q := store.Query{Symbols: by.Symbols, Search: by.Search, Limit: 17, MaxFound: maxFound, Filters: store.Filters{Ascending: asc}}
			for pages := 0; ; pages++ {
				if pages > n {
					t.Fatal("cursor never ends")
				}
				res, err := s.SearchArticles(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if res.Found < wantFound {
					t.Fatalf("found %d, want at least %d", res.Found, wantFound)
				}
				for _, a := range res.Articles {
					seen[a.UUID]++
					order = append(order, a.UUID)
				}
				if pages == 0 { // an article arriving later is newer than all: never in a descending walk
					late++
					save(t, s, article(fmt.Sprintf("late article %d", late), base.Add(time.Hour)))
				}
				if res.Next == "" {
					break
				}
				q.Cursor = res.Next
			}
			if asc {
				want++ // this walk's late article is last going up
			}
			if len(seen) != want || len(order) != want {
				t.Errorf("symbols %v, search %q, ascending %v: %d distinct of %d returned, want %d each", by.Symbols, by.Search, asc, len(seen), len(order), want)
			}
		}
	}
}

func testEntityStats(t *testing.T, s store.Store) {
	filterFixture(t, s)
	type row struct {
		Bucket string
		Key    string
		MIC    string
		Docs   int
		Avg    float64
	}
	rows := func(st []store.EntityStat) []row {
		var out []row
		for _, e := range st {
			b := ""
			if !e.Bucket.IsZero() {
				b = e.Bucket.Format(time.RFC3339)
			}
			out = append(out, row{b, e.Key, e.MIC, e.TotalDocuments, float64(int(e.SentimentAvg*100+0.5*sign(e.SentimentAvg))) / 100})
		}
		return out
	}
	tests := []struct {
		name string
		q    store.StatsQuery
		want []row
	}{
		{"by primary listing", store.StatsQuery{}, []row{
			{"", "7201", "XTKS", 2, -0.4}, {"", "2317", "XTAI", 1, 0.5}, {"", "7267", "XTKS", 1, -0.7}, {"", "AAPL", "XNAS", 1, 0.8}}},
		{"by asked symbol", store.StatsQuery{Query: store.Query{Symbols: []string{"NSANY"}}}, []row{{"", "NSANY", "OTCM", 2, -0.4}}},
		{"by country", store.StatsQuery{GroupBy: store.GroupByCountry}, []row{
			{"", "JP", "", 3, -0.5}, {"", "TW", "", 1, 0.5}, {"", "US", "", 1, 0.8}}},
		{"by industry, filtered", store.StatsQuery{GroupBy: store.GroupByIndustry, Query: store.Query{Filters: store.Filters{Countries: []string{"JP"}}}},
			[]row{{"", "Auto Manufacturers", "", 3, -0.5}}},
		{"by type", store.StatsQuery{GroupBy: store.GroupByType}, []row{{"", "equity", "", 4, -0.04}}},
		{"by hour", store.StatsQuery{Interval: "hour", Query: store.Query{Symbols: []string{"7201"}}}, []row{
			{base.Format(time.RFC3339), "7201", "XTKS", 1, -0.4}, {base.Add(-4 * time.Hour).Format(time.RFC3339), "7201", "XTKS", 1, -0.4}}},
		{"by day", store.StatsQuery{Interval: "day", GroupBy: store.GroupByExchange, Query: store.Query{Filters: store.Filters{MICs: []string{"XTKS"}}}},
			[]row{{"2026-03-01T00:00:00Z", "XTKS", "", 3, -0.5}}},
		{"by week", store.StatsQuery{Interval: "week", GroupBy: store.GroupByType}, []row{{"2026-02-23T00:00:00Z", "equity", "", 4, -0.04}}},
		{"by month", store.StatsQuery{Interval: "month", GroupBy: store.GroupByType}, []row{{"2026-03-01T00:00:00Z", "equity", "", 4, -0.04}}},
		{"by quarter", store.StatsQuery{Interval: "quarter", GroupBy: store.GroupByType}, []row{{"2026-01-01T00:00:00Z", "equity", "", 4, -0.04}}},
		{"by year", store.StatsQuery{Interval: "year", GroupBy: store.GroupByType}, []row{{"2026-01-01T00:00:00Z", "equity", "", 4, -0.04}}},
		{"time range", store.StatsQuery{Query: store.Query{PublishedAfter: base.Add(-90 * time.Minute)}}, []row{
			{"", "2317", "XTAI", 1, 0.5}, {"", "7201", "XTKS", 1, -0.4}, {"", "7267", "XTKS", 1, -0.7}}},
	}
	for _, tt := range tests {
		got, err := s.EntityStats(ctx, tt.q)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, rows(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, q := range []store.StatsQuery{{GroupBy: "colour"}, {Interval: "fortnight"}} {
		if _, err := s.EntityStats(ctx, q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%+v: error %v, want ErrBadQuery", q, err)
		}
	}
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

func testEntities(t *testing.T, s store.Store) {
	filterFixture(t, s)
	got, found, err := s.SearchEntities(ctx, store.EntitySearch{Text: "motor"})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.EntityInfo{
		{Symbol: "7201", MIC: "XTKS", Name: "Nissan Motor", Country: "JP", Industry: "Auto Manufacturers", Documents: 2},
		{Symbol: "NSANY", MIC: "OTCM", Name: "Nissan Motor", Country: "JP", Industry: "Auto Manufacturers", Documents: 2},
		{Symbol: "7267", MIC: "XTKS", Name: "Honda Motor", Country: "JP", Industry: "Auto Manufacturers", Documents: 1},
		{Symbol: "HMC", MIC: "XNYS", Name: "Honda Motor", Country: "JP", Industry: "Auto Manufacturers", Documents: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" || found != 4 {
		t.Errorf("search motor: found %d (-want +got):\n%s", found, diff)
	}
	for _, q := range []store.EntitySearch{{Text: "aap"}, {Symbols: []string{"aapl"}}, {Countries: []string{"us"}, MICs: []string{"XNAS"}},
		{Industries: []string{"Consumer Electronics"}}, {Text: "%"}} {
		got, found, err := s.SearchEntities(ctx, q)
		wantN := 1
		if q.Text == "%" {
			wantN = 0
		}
		if err != nil || found != wantN || len(got) != wantN || (wantN == 1 && got[0].Symbol != "AAPL") {
			t.Errorf("SearchEntities(%+v) = %+v, %d, %v", q, got, found, err)
		}
	}
	page, found, err := s.SearchEntities(ctx, store.EntitySearch{Limit: 2, Offset: 4})
	if err != nil || found != 6 || len(page) != 2 {
		t.Errorf("page: %d of %d, %v", len(page), found, err)
	}
	industries, err := s.Industries(ctx)
	if diff := cmp.Diff([]string{"Auto Manufacturers", "Consumer Electronics", "Electronic Components"}, industries); diff != "" || err != nil {
		t.Errorf("Industries: %v (-want +got):\n%s", err, diff)
	}
	sources, err := s.SourceStats(ctx)
	wantSources := []store.SourceStat{
		{SourceID: 1, Domain: "example.com", Language: "en", Articles: 2},
		{SourceID: 3, Domain: "bank.example.net", Language: "en", Articles: 1},
		{SourceID: 2, Domain: "news.example.org", Language: "en", Articles: 1},
		{SourceID: 1, Domain: "www.example.com", Language: "en", Articles: 1},
	}
	if diff := cmp.Diff(wantSources, sources); diff != "" || err != nil {
		t.Errorf("SourceStats: %v (-want +got):\n%s", err, diff)
	}
}

func testAPIKeys(t *testing.T, s store.Store) {
	k := &store.APIKey{Prefix: "abc123", Hash: "hash", Name: "reader", RateLimit: 60}
	if err := s.CreateAPIKey(ctx, k); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateAPIKey(ctx, &store.APIKey{Prefix: "abc123", Hash: "other"}); err == nil {
		t.Error("a second key with the same prefix was stored")
	}
	if err := s.CreateAPIKey(ctx, &store.APIKey{Name: "no hash"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("key without hash: %v", err)
	}
	got, err := s.APIKeyByPrefix(ctx, "abc123")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(k, got); diff != "" || k.ID == 0 || k.Created.IsZero() {
		t.Errorf("APIKeyByPrefix (-created +got):\n%s", diff)
	}
	if _, err := s.APIKeyByPrefix(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing key: %v", err)
	}
	if err := s.RevokeAPIKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeAPIKey(ctx, 9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoke missing key: %v", err)
	}
	keys, err := s.APIKeys(ctx)
	if err != nil || len(keys) != 1 || keys[0].Revoked.IsZero() {
		t.Errorf("APIKeys after revoke = %+v, %v", keys, err)
	}
}

func testWatchlists(t *testing.T, s store.Store) {
	w := &store.Watchlist{KeyID: 3, Name: "autos", Symbols: []string{"7201.XTKS"}, Searches: []string{"recall"},
		Events: []string{news.EventIncident}, SentimentLTE: ptr(-0.2),
		Webhook: store.Webhook{URL: "https://hooks.example.com/x", Secret: "s3cret", Template: "{{.Article.Title}}"}}
	if err := s.SaveWatchlist(ctx, w); err != nil {
		t.Fatal(err)
	}
	got, err := s.Watchlist(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(w, got); diff != "" {
		t.Errorf("Watchlist (-saved +got):\n%s", diff)
	}
	w.Name = "autos, renamed"
	if err := s.SaveWatchlist(ctx, w); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveWatchlist(ctx, &store.Watchlist{ID: 999, Name: "ghost"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update missing watchlist: %v", err)
	}
	all, err := s.Watchlists(ctx)
	if err != nil || len(all) != 1 || all[0].Name != "autos, renamed" || all[0].KeyID != 3 {
		t.Errorf("Watchlists = %+v, %v", all, err)
	}
	if err := s.DeleteWatchlist(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Watchlist(ctx, w.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted watchlist: %v", err)
	}
	if err := s.DeleteWatchlist(ctx, w.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
}

func testAlerts(t *testing.T, s store.Store) {
	w := &store.Watchlist{Name: "w"}
	if err := s.SaveWatchlist(ctx, w); err != nil {
		t.Fatal(err)
	}
	a := &store.Alert{WatchlistID: w.ID, ArticleUUID: "6f1c1f0e-0000-4000-8000-000000000001"}
	created, err := s.CreateAlert(ctx, a)
	if err != nil || !created || a.ID == 0 || a.Status != store.AlertPending {
		t.Fatalf("CreateAlert = %v, %v, %+v", created, err, a)
	}
	again := &store.Alert{WatchlistID: w.ID, ArticleUUID: a.ArticleUUID}
	if created, err := s.CreateAlert(ctx, again); err != nil || created || again.ID != a.ID {
		t.Errorf("CreateAlert again = %v, %v, %+v", created, err, again)
	}
	for i := 1; i <= 3; i++ {
		d := store.DeliveryAttempt{AlertID: a.ID, Attempt: i, At: base.Add(time.Duration(i) * time.Second), StatusCode: 500, Error: "HTTP 500", Duration: time.Millisecond}
		if i == 3 {
			d.StatusCode, d.Error = 200, ""
		}
		if err := s.AddDeliveryAttempt(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	a.Status, a.Attempts, a.Delivered, a.NextAttempt = store.AlertDelivered, 3, base, time.Time{}
	if err := s.UpdateAlert(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Alerts(ctx, store.AlertQuery{WatchlistID: w.ID, Status: store.AlertDelivered})
	if err != nil || len(got) != 1 {
		t.Fatalf("Alerts = %+v, %v", got, err)
	}
	if diff := cmp.Diff(*a, got[0]); diff != "" {
		t.Errorf("alert (-updated +got):\n%s", diff)
	}
	if pending, _ := s.Alerts(ctx, store.AlertQuery{Status: store.AlertPending}); len(pending) != 0 {
		t.Errorf("pending alerts: %+v", pending)
	}
	attempts, err := s.DeliveryAttempts(ctx, a.ID)
	if err != nil || len(attempts) != 3 || attempts[2].StatusCode != 200 || attempts[0].Error != "HTTP 500" {
		t.Errorf("DeliveryAttempts = %+v, %v", attempts, err)
	}
	if err := s.DeleteWatchlist(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Alerts(ctx, store.AlertQuery{}); len(left) != 0 {
		t.Errorf("alerts outlive their watchlist: %+v", left)
	}
}
