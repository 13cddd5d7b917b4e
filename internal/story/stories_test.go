package story

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/news"
)

// article is the fixture as the server holds it, annotated.
func (f fixture) article() *news.Article {
	a := &news.Article{UUID: f.ID, Title: f.Title, Text: f.Text, Published: f.Published}
	for _, key := range f.Companies {
		sym, mic, _ := strings.Cut(key, ".")
		a.Annotation.Companies = append(a.Annotation.Companies, news.Company{Listings: []news.Listing{{Symbol: sym, MIC: mic}}})
	}
	for _, e := range f.Events {
		a.Annotation.Events = append(a.Annotation.Events, news.Event{Type: e})
	}
	return a
}

func TestStoriesAssignAndRestore(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	live := NewStories(DefaultConfig())
	var ids, got, want []string
	var stored []*news.Article
	for _, f := range all {
		a := f.article()
		a.StoryID = live.AssignStory(a)
		stored = append(stored, a)
		ids = append(ids, f.ID)
		got = append(got, a.StoryID)
		want = append(want, string(f.Story))
	}
	if diff := cmp.Diff(partition(ids, want), partition(ids, got)); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}

	restored := NewStories(DefaultConfig())
	for _, a := range stored {
		restored.Restore(a)
	}
	if diff := cmp.Diff(live.Stats(), restored.Stats()); diff != "" {
		t.Errorf("stats (-live +restored):\n%s", diff)
	}
	liveInfo, _ := live.Story("b-recall")
	restoredInfo, ok := restored.Story("b-recall")
	if !ok {
		t.Fatal("restored story b-recall not found")
	}
	if diff := cmp.Diff(liveInfo, restoredInfo); diff != "" {
		t.Errorf("story (-live +restored):\n%s", diff)
	}
	if diff := cmp.Diff(live.Similar("a-yahoo", 5), restored.Similar("a-yahoo", 5)); diff != "" {
		t.Errorf("similar (-live +restored):\n%s", diff)
	}
}

func TestStoriesGivesUUID(t *testing.T) {
	s := NewStories(DefaultConfig())
	a := &news.Article{Title: "Fed holds rates steady"}
	id := s.AssignStory(a)
	if a.UUID == "" || id != a.UUID {
		t.Errorf("UUID %q, story %q: want a new UUID that names the new story", a.UUID, id)
	}
}

func TestFeatures(t *testing.T) {
	ann := news.Annotation{
		Companies: []news.Company{
			{Name: "Nissan", Listings: []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "NSANY", MIC: "OTCM"}}},
			{Name: "Unlisted"},
		},
		Events: []news.Event{{Type: news.EventPartnership}, {Type: news.EventStockMove}},
	}
	companies, events := Features(ann)
	if diff := cmp.Diff([]string{"7201.XTKS"}, companies); diff != "" {
		t.Errorf("companies (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"partnership", "stock_move"}, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
