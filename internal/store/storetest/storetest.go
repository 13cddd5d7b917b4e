// Package storetest is the conformance suite every store.Store
// implementation must pass. An implementation's test calls Run with a
// function that opens a new, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Run runs the suite. open must return a new, empty store for each call; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	fresh := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	t.Run("Ping", func(t *testing.T) {
		if err := fresh(t).Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, fresh(t)) })
	t.Run("Defaults", func(t *testing.T) { testDefaults(t, fresh(t)) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, fresh(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, fresh(t)) })
	t.Run("SaveArticles", func(t *testing.T) { testSaveArticles(t, fresh(t)) })
	t.Run("ConcurrentSave", func(t *testing.T) { testConcurrentSave(t, fresh(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, fresh(t)) })
	t.Run("UpdateAnnotation", func(t *testing.T) { testUpdateAnnotation(t, fresh(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, fresh(t)) })
	t.Run("HostileSearch", func(t *testing.T) { testHostileSearch(t, fresh(t)) })
	t.Run("Refs", func(t *testing.T) { testRefs(t, fresh(t)) })
	t.Run("Sources", func(t *testing.T) { testSources(t, fresh(t)) })
	t.Run("Master", func(t *testing.T) { testMaster(t, fresh(t)) })
	runExtensions(t, fresh)
}

var ctx = context.Background()

// base is the fixtures' reference time.
var base = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func save(t *testing.T, s store.Store, a *news.Article) {
	t.Helper()
	created, err := s.SaveArticle(ctx, a)
	if err != nil {
		t.Fatalf("SaveArticle(%q): %v", a.Title, err)
	}
	if !created {
		t.Fatalf("SaveArticle(%q): not created", a.Title)
	}
}

func get(t *testing.T, s store.Store, id string) *news.Article {
	t.Helper()
	got, err := s.GetArticle(ctx, id)
	if err != nil {
		t.Fatalf("GetArticle(%s): %v", id, err)
	}
	return got
}

// fullAnnotation uses every annotation field.
func fullAnnotation() news.Annotation {
	return news.Annotation{
		Language:  "en",
		Sentiment: news.SentimentOf(0.25),
		Companies: []news.Company{{
			Name: "Nissan Motor Co., Ltd.", Country: "JP", Sector: "Consumer Cyclical", Industry: "Auto Manufacturers",
			Listings:   []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "NSANY", MIC: "OTCM"}},
			MatchScore: 0.93, Sentiment: news.SentimentOf(-0.3),
			Mentions: []news.Mention{{Start: 8, End: 24, Text: "Nissan Motor Co."}},
		}, {
			Name: "Hon Hai Precision Industry", Country: "TW",
			Listings:   []news.Listing{{Symbol: "2317", MIC: "XTAI"}, {Symbol: "601138", MIC: "XSHG"}},
			MatchScore: 0.71, Sentiment: news.SentimentOf(0.4),
			Mentions: []news.Mention{{Start: 50, End: 57, Text: "Foxconn"}},
		}},
		Organizations: []news.Organization{{Name: "SpaceX", Mentions: []news.Mention{{Start: 1, End: 7, Text: "SpaceX"}}}},
		People: []news.Person{{Name: "Ivan Espinosa", Role: "CEO", Company: "Nissan Motor Co., Ltd.",
			Mentions: []news.Mention{{Start: 90, End: 103, Text: "Ivan Espinosa"}}}},
		Places: []news.Place{{Name: "Yokosuka", Country: "JP", Mentions: []news.Mention{{Start: 120, End: 128, Text: "Yokosuka"}}}},
		Events: []news.Event{{Type: news.EventPartnership, Status: news.StatusReported, ReportedBy: "Nikkei",
			Confidence: 0.8, Companies: []string{"7201.XTKS", "601138.XSHG"}, Evidence: news.Span{Start: 8, End: 60}}},
		Facts: []news.Fact{{Kind: news.FactMoney, Text: "$17 billion", Value: 17e9, Unit: "USD", Start: 130, End: 141}},
	}
}

func testRoundTrip(t *testing.T, s store.Store) {
	tokyo := time.FixedZone("JST", 9*3600)
	a := &news.Article{
		Kind: news.KindArticle, URL: "https://example.com/nissan?utm=x", CanonicalURL: "https://example.com/nissan",
		Title: "Nissan in talks with Foxconn", Description: "Carmaker seeks a partner",
		Text: "Japan's Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn (SS:601138).", Author: "A. Writer",
		Published:  time.Date(2026, 3, 1, 18, 30, 15, 123456789, tokyo),
		Discovered: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
		Source:     "example.com", SourceID: 7, Language: "en", ContentHash: "hash-1",
		ParentUUID: "", StoryID: "story-1", Annotation: fullAnnotation(),
	}
	save(t, s, a)
	if a.UUID == "" {
		t.Fatal("SaveArticle left UUID empty")
	}
	if !a.Published.Equal(time.Date(2026, 3, 1, 9, 30, 15, 123456000, time.UTC)) {
		t.Errorf("Published = %v, want truncated to microseconds", a.Published)
	}
	if diff := cmp.Diff(a, get(t, s, a.UUID)); diff != "" {
		t.Errorf("GetArticle (-saved +got):\n%s", diff)
	}
	res, err := s.SearchArticles(ctx, store.Query{Symbols: []string{"NSANY"}})
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("SearchArticles: %v, %d articles", err, len(res.Articles))
	}
	if diff := cmp.Diff(*a, res.Articles[0]); diff != "" {
		t.Errorf("SearchArticles (-saved +got):\n%s", diff)
	}
}

func testDefaults(t *testing.T, s store.Store) {
	before := time.Now().Add(-time.Second)
	a := &news.Article{Title: "Nissan shares fall", Language: "EN"}
	save(t, s, a)
	got := get(t, s, a.UUID)
	if got.Kind != news.KindArticle || got.ContentHash == "" || got.Language != "en" {
		t.Errorf("got kind %q, content hash %q, language %q; want article, a hash, en", got.Kind, got.ContentHash, got.Language)
	}
	if got.Discovered.Before(before) || got.Discovered.After(time.Now().Add(time.Second)) {
		t.Errorf("Discovered = %v, want about now", got.Discovered)
	}
	if !got.Published.IsZero() {
		t.Errorf("Published = %v, want zero", got.Published)
	}
	const given = "0b7c5a5e-8f3a-4c1e-9d7b-2f6a1e0c3d4b"
	b := &news.Article{UUID: given, Title: "Foxconn shares rise"}
	save(t, s, b)
	if b.UUID != given {
		t.Errorf("UUID = %s, want the caller's %s", b.UUID, given)
	}
	get(t, s, given)
	taken := &news.Article{UUID: given, Title: "Another story"}
	if _, err := s.SaveArticle(ctx, taken); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("saving another article with a taken UUID = %v, want ErrInvalid", err)
	}
	if got := get(t, s, given); got.Title != b.Title {
		t.Errorf("article %s has title %q after a clash, want %q", given, got.Title, b.Title)
	}
}

func testInvalid(t *testing.T, s store.Store) {
	for _, a := range []*news.Article{
		{URL: "https://example.com/empty"},
		{Title: "  ", Text: "\n"},
		{UUID: "not-a-uuid", Title: "Something"},
	} {
		if _, err := s.SaveArticle(ctx, a); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("SaveArticle(%+v) = %v, want ErrInvalid", a, err)
		}
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	first := &news.Article{URL: "https://example.com/a?ref=rss", CanonicalURL: "https://example.com/a",
		Title: "Nissan in talks with Foxconn", Text: "Body one."}
	save(t, s, first)
	tests := []struct {
		name string
		a    news.Article
	}{
		{"same article", *first},
		{"same canonical URL, new text", news.Article{CanonicalURL: "https://example.com/a", URL: "https://m.example.com/a", Title: "Nissan, Foxconn talk", Text: "Updated."}},
		{"URL equal to the canonical URL", news.Article{URL: "https://example.com/a", Title: "Other title"}},
		{"same content, other URL", news.Article{URL: "https://mirror.example.org/x", Title: "Nissan in talks with Foxconn", Text: "Body one."}},
		{"same content, other case and spacing", news.Article{Title: "NISSAN in talks  with Foxconn", Text: "body one."}},
	}
	if _, err := s.FindArticle(ctx, &news.Article{URL: "https://example.com/new", Title: "Something else"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("FindArticle of a new article: %v, want ErrNotFound", err)
	}
	for _, tt := range tests {
		a := tt.a
		a.UUID = ""
		if id, err := s.FindArticle(ctx, &a); err != nil || id != first.UUID {
			t.Errorf("%s: FindArticle = %q, %v; want %s", tt.name, id, err, first.UUID)
		}
		created, err := s.SaveArticle(ctx, &a)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if created || a.UUID != first.UUID {
			t.Errorf("%s: created %v, uuid %s; want false, %s", tt.name, created, a.UUID, first.UUID)
		}
	}
	// Items without URLs are told apart by content.
	for _, title := range []string{"Headline one", "Headline two"} {
		save(t, s, &news.Article{Kind: news.KindHeadline, Title: title, ParentUUID: first.UUID})
	}
	res, err := s.SearchArticles(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Found != 3 {
		t.Errorf("Found = %d after saving 3 distinct articles, want 3", res.Found)
	}
}

func testSaveArticles(t *testing.T, s store.Store) {
	old := &news.Article{Title: "Already stored", URL: "https://example.com/old"}
	save(t, s, old)
	batch := []*news.Article{
		{Title: "One", URL: "https://example.com/1"},
		{Title: "Two", URL: "https://example.com/2"},
		{Title: "One again", URL: "https://example.com/1"},
		{Title: "Already stored, elsewhere", URL: "https://example.com/old"},
	}
	created, err := s.SaveArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{true, true, false, false}, created); diff != "" {
		t.Errorf("created (-want +got):\n%s", diff)
	}
	if batch[2].UUID != batch[0].UUID || batch[3].UUID != old.UUID {
		t.Errorf("duplicates got uuids %s, %s; want %s, %s", batch[2].UUID, batch[3].UUID, batch[0].UUID, old.UUID)
	}
	bad := []*news.Article{{Title: "Three", URL: "https://example.com/3"}, {URL: "https://example.com/empty"}}
	if _, err := s.SaveArticles(ctx, bad); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SaveArticles with an invalid article = %v, want ErrInvalid", err)
	}
	res, err := s.SearchArticles(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Found != 3 {
		t.Errorf("Found = %d, want 3 (nothing of the invalid batch saved)", res.Found)
	}
	if created, err := s.SaveArticles(ctx, nil); err != nil || len(created) != 0 {
		t.Errorf("SaveArticles(nil) = %v, %v", created, err)
	}
}

func testConcurrentSave(t *testing.T, s store.Store) {
	const n = 8
	var wg sync.WaitGroup
	created := make([]bool, n)
	ids := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := &news.Article{URL: "https://example.com/race", Title: "Race", Text: fmt.Sprint("copy ", i)}
			created[i], errs[i] = s.SaveArticle(ctx, a)
			ids[i] = a.UUID
		}()
	}
	wg.Wait()
	count := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("save %d: %v", i, errs[i])
		}
		if created[i] {
			count++
		}
		if ids[i] != ids[0] {
			t.Errorf("save %d got uuid %s, save 0 got %s", i, ids[i], ids[0])
		}
	}
	if count != 1 {
		t.Errorf("%d of %d concurrent saves created the article, want 1", count, n)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	for _, id := range []string{"2b1e1d7e-1c83-4b8c-a4a4-6d0c7b1f0e11", "not-a-uuid", ""} {
		if _, err := s.GetArticle(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetArticle(%q) = %v, want ErrNotFound", id, err)
		}
		if err := s.UpdateAnnotation(ctx, id, news.Annotation{}, ""); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("UpdateAnnotation(%q) = %v, want ErrNotFound", id, err)
		}
	}
	if err := s.DeleteSource(ctx, 424242); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DeleteSource(missing) = %v, want ErrNotFound", err)
	}
}

func testUpdateAnnotation(t *testing.T, s store.Store) {
	a := &news.Article{Title: "Nissan in talks with Foxconn", Published: base,
		Annotation: news.Annotation{Companies: []news.Company{{Name: "Old", Listings: []news.Listing{{Symbol: "OLD", MIC: "XNYS"}}}},
			Events: []news.Event{{Type: news.EventIncident}}}}
	save(t, s, a)
	ann := fullAnnotation()
	if err := s.UpdateAnnotation(ctx, a.UUID, ann, "story-9"); err != nil {
		t.Fatal(err)
	}
	got := get(t, s, a.UUID)
	if diff := cmp.Diff(ann, got.Annotation); diff != "" {
		t.Errorf("annotation (-want +got):\n%s", diff)
	}
	if got.StoryID != "story-9" || got.Language != "en" {
		t.Errorf("story %q, language %q; want story-9, en (taken from the annotation)", got.StoryID, got.Language)
	}
	for _, tt := range []struct {
		q    store.Query
		want int
	}{
		{store.Query{Symbols: []string{"OLD"}}, 0},
		{store.Query{Events: []string{news.EventIncident}}, 0},
		{store.Query{Symbols: []string{"601138.XSHG"}}, 1},
		{store.Query{Symbols: []string{"OLD"}, Search: "nissan"}, 0},
		{store.Query{Symbols: []string{"601138.XSHG"}, Search: "nissan"}, 1},
		{store.Query{Events: []string{news.EventPartnership}}, 1},
		{store.Query{StoryID: "story-9"}, 1},
	} {
		res, err := s.SearchArticles(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Found != tt.want {
			t.Errorf("%+v: found %d, want %d", tt.q, res.Found, tt.want)
		}
	}
	// A language the article has is kept.
	ann.Language = "de"
	if err := s.UpdateAnnotation(ctx, a.UUID, ann, "story-9"); err != nil {
		t.Fatal(err)
	}
	if got := get(t, s, a.UUID); got.Language != "en" {
		t.Errorf("language %q after a second update, want en kept", got.Language)
	}
}

func testSources(t *testing.T, s store.Store) {
	list := func() []news.Source {
		t.Helper()
		got, err := s.ListSources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := list(); len(got) != 0 {
		t.Fatalf("new store has %d sources", len(got))
	}
	feed := news.Source{Kind: "feed", URL: "https://example.com/rss", Name: "Example", FullText: true,
		Interval: 15 * time.Minute, Headers: map[string]string{"User-Agent": "tickerwire"},
		LastSuccess: base.Add(123456789 * time.Nanosecond), LastError: "timeout", LastErrorAt: base.Add(-time.Hour),
		ConsecutiveFailures: 2, ItemsSeen: 40, Blocked: false, ETag: `"abc"`, LastModified: "Sun, 01 Mar 2026 09:00:00 GMT",
		NextPoll: base.Add(15 * time.Minute)}
	page := news.Source{Kind: "page", URL: "https://example.com/news", Name: "Example news", Blocked: true}
	for _, src := range []*news.Source{&feed, &page} {
		if err := s.SaveSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		if src.ID == 0 {
			t.Fatalf("SaveSource(%s) left ID 0", src.URL)
		}
	}
	if feed.ID == page.ID {
		t.Fatalf("two sources got ID %d", feed.ID)
	}
	if diff := cmp.Diff([]news.Source{feed, page}, list()); diff != "" {
		t.Errorf("ListSources (-want +got):\n%s", diff)
	}
	// Saving a source with a known URL updates it and keeps its ID.
	update := feed
	update.ID, update.ItemsSeen, update.ConsecutiveFailures, update.LastError = 0, 41, 0, ""
	if err := s.SaveSource(ctx, &update); err != nil {
		t.Fatal(err)
	}
	if update.ID != feed.ID {
		t.Errorf("updated source got ID %d, want %d", update.ID, feed.ID)
	}
	if err := s.DeleteSource(ctx, page.ID); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]news.Source{update}, list()); diff != "" {
		t.Errorf("ListSources after update and delete (-want +got):\n%s", diff)
	}
	if err := s.DeleteSource(ctx, page.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second DeleteSource = %v, want ErrNotFound", err)
	}
}

func testMaster(t *testing.T, s store.Store) {
	if _, err := s.LoadMaster(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("LoadMaster on a new store = %v, want ErrNotFound", err)
	}
	for _, blob := range [][]byte{[]byte("first\x00master"), make([]byte, 1<<20)} {
		if err := s.SaveMaster(ctx, blob); err != nil {
			t.Fatal(err)
		}
		got, err := s.LoadMaster(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !cmp.Equal(blob, got) {
			t.Errorf("LoadMaster returned %d bytes, want the %d saved", len(got), len(blob))
		}
	}
}
