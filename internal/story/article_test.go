package story

import (
	"strings"
	"testing"
	"time"

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

func TestDocOf(t *testing.T) {
	f := readFixtures(t, "testdata/stories.jsonl")[7] // a-investing
	want := Doc{ID: f.ID, Title: f.Title, Text: f.Text, Published: f.Published,
		Companies: f.Companies, Events: f.Events}
	if diff := cmp.Diff(want, DocOf(f.article())); diff != "" {
		t.Errorf("DocOf (-want +got):\n%s", diff)
	}
	undated := f.article()
	undated.Published = time.Time{}
	undated.Discovered = f.Published.Add(time.Hour)
	if got := DocOf(undated).Published; !got.Equal(undated.Discovered) {
		t.Errorf("undated article: time %v, want the discovery time %v", got, undated.Discovered)
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
