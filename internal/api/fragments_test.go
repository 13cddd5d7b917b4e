package api

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// TestFragment checks that an article's fragment, shown for any symbols,
// is byte for byte the JSON of the article made afresh.
func TestFragment(t *testing.T) {
	mention := func(text, name string) []news.Mention {
		i := strings.Index(text, name)
		return []news.Mention{{Start: i, End: i + len(name), Text: name}}
	}
	text := `Nissan & Renault <agree> on "EV" plans. Hon Hai said little; 日産 rose.`
	nissan := news.Company{Name: "Nissan <Motor>", Country: "JP", Industry: "Auto & Parts", MatchScore: 0.7,
		Sentiment: news.SentimentOf(-0.25), Mentions: mention(text, "Nissan"),
		Listings: []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "NSANY", MIC: "OTCM"}, {Symbol: "NISA\"N", MIC: "XFRA", Delisted: true}}}
	renault := news.Company{Name: "Renault", Country: "FR", MatchScore: 0.7, Mentions: mention(text, "Renault"),
		Listings: []news.Listing{{Symbol: "RNO", MIC: "XPAR"}}}
	hon := news.Company{Name: "Hon Hai", Country: "TW", MatchScore: 0.9, Sentiment: news.SentimentOf(0.5), Mentions: mention(text, "Hon Hai")}
	published := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	articles := map[string]*news.Article{
		"companies, listings, HTML and quotes": {UUID: "u1", Title: "Nissan <b>& Renault</b>", Text: text, URL: "https://example.com/a?x=1&y=2",
			Source: "Example", Language: "en", Published: published, Kind: news.KindArticle, StoryID: "s1", ParentUUID: "p1",
			Annotation: news.Annotation{Sentiment: news.SentimentOf(0.1), Companies: []news.Company{renault, nissan, hon},
				Events: []news.Event{{Type: news.EventPartnership, Confidence: 0.8}}}},
		"no companies, no title": {UUID: "u2", Text: "The central bank held rates. More follows.", Discovered: published},
		"a company without mentions": {UUID: "u3", Title: "Renault", Text: "Renault.", Published: published,
			Annotation: news.Annotation{Companies: []news.Company{{Name: "Renault", Listings: renault.Listings}}}},
	}
	symbols := [][]string{nil, {"NSANY"}, {"nisa\"n.xfra"}, {"RNO", "7201.XTKS"}, {"OTHER"}, {"2317"}}
	for name, a := range articles {
		f, err := newFragment(a)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, want := range symbols {
			fresh := bytes.TrimSuffix(encodeJSON(toNewsArticle(a, want, nil)), []byte("\n"))
			if diff := cmp.Diff(string(fresh), string(f.appendTo(nil, want))); diff != "" {
				t.Errorf("%s, symbols %q (-fresh +fragment):\n%s", name, want, diff)
			}
		}
	}
}

func TestFragmentCache(t *testing.T) {
	frag := func(size int) *fragment { return &fragment{size: size} }
	ref := func(id int64) store.ArticleRef { return store.ArticleRef{ID: id} }
	type step struct {
		put  bool
		id   int64
		size int
		want bool // for a get: found
	}
	tests := []struct {
		name  string
		max   int
		steps []step
	}{
		{"kept by reference", 800, []step{{put: true, id: 1, size: 10}, {id: 1, want: true}, {id: 2}}},
		{"the least used go first", 80, []step{
			{put: true, id: 1, size: 10}, {put: true, id: 2, size: 10}, {put: true, id: 3, size: 10}, {put: true, id: 4, size: 10},
			{put: true, id: 5, size: 10}, // the first four become the previous entries
			{id: 1, want: true},          // moved back into the current ones
			{put: true, id: 6, size: 10}, {put: true, id: 7, size: 10},
			{put: true, id: 8, size: 10}, // 5, 1, 6, 7 become the previous; 2, 3, 4 are dropped
			{id: 2}, {id: 4}, {id: 1, want: true}, {id: 5, want: true}, {id: 8, want: true}}},
		{"too large a fragment is not kept", 80, []step{{put: true, id: 1, size: 11}, {id: 1}}},
	}
	for _, tt := range tests {
		c := &fragmentCache{max: tt.max}
		for i, s := range tt.steps {
			if s.put {
				c.put(ref(s.id), frag(s.size))
				continue
			}
			if got := c.get(ref(s.id)) != nil; got != s.want {
				t.Errorf("%s: step %d: get(%d) found %v, want %v", tt.name, i, s.id, got, s.want)
			}
		}
		if c.curSize > c.max/2 {
			t.Errorf("%s: %d bytes in the current map, more than half of %d", tt.name, c.curSize, c.max)
		}
	}
	c := &fragmentCache{max: 800}
	c.put(store.ArticleRef{ID: 1, Revision: 1}, frag(10))
	if c.get(store.ArticleRef{ID: 1, Revision: 2}) != nil || c.get(store.ArticleRef{ID: 1, Revision: 1}) == nil {
		t.Error("a fragment is found by its article's ID and revision together")
	}
}
