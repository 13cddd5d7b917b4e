package events

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
)

func defaultStep(t testing.TB) *Step {
	t.Helper()
	s, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// event is the part of a news.Event the tests compare.
type event struct {
	Type, Status, ReportedBy string
	Companies                []string
}

func TestEvents(t *testing.T) {
	step := defaultStep(t)
	acme := news.Company{Name: "Acme Corp", Listings: []news.Listing{{Symbol: "ACME", MIC: "XNYS"}}}
	beta := news.Company{Name: "Beta Industries", Listings: []news.Listing{{Symbol: "BETA", MIC: "XNAS"}}}
	tests := []struct {
		name, title, text string
		want              []event // the events of these types must be found as given
		not               []string
	}{
		{name: "takeover announced", title: "Acme agrees to acquire Beta Industries for $2 billion",
			want: []event{{news.EventMergerAcquisition, news.StatusAnnounced, "", []string{"ACME.XNYS", "BETA.XNAS"}}}},
		{name: "talks reported by an outlet",
			text: "Acme is reportedly in advanced talks to merge with Beta Industries, people familiar with the matter said. The Wall Street Journal business daily first reported the talks.",
			want: []event{{news.EventMergerAcquisition, news.StatusReported, "Wall Street Journal", []string{"ACME.XNYS", "BETA.XNAS"}}}},
		{name: "talks ended", title: "Acme shares jump 8% after ending merger talks with Beta Industries",
			want: []event{
				{news.EventMergerAcquisition, news.StatusTerminated, "", []string{"ACME.XNYS", "BETA.XNAS"}},
				{news.EventStockMove, news.StatusAnnounced, "", []string{"ACME.XNYS", "BETA.XNAS"}},
			}},
		{name: "denied", title: "Acme denies report of takeover approach for Beta Industries",
			want: []event{{news.EventMergerAcquisition, news.StatusDenied, "", []string{"ACME.XNYS", "BETA.XNAS"}}}},
		{name: "completed", title: "Acme completes acquisition of Beta Industries",
			want: []event{{news.EventMergerAcquisition, news.StatusCompleted, "", []string{"ACME.XNYS", "BETA.XNAS"}}}},
		{name: "earnings and guidance", title: "Acme Q3 profit rises 10%, beats estimates; raises full-year outlook",
			want: []event{
				{news.EventEarnings, news.StatusAnnounced, "", []string{"ACME.XNYS"}},
				{news.EventGuidance, news.StatusAnnounced, "", []string{"ACME.XNYS"}},
			}, not: []string{news.EventMergerAcquisition}},
		{name: "analyst rating is no takeover", title: "Big Bank upgrades Acme to Buy, raises price target to $50",
			want: []event{{news.EventAnalystRating, news.StatusAnnounced, "", []string{"ACME.XNYS"}}},
			not:  []string{news.EventMergerAcquisition}},
		{name: "restructuring", title: "Acme to cut 3,000 jobs in restructuring",
			want: []event{{news.EventRestructuring, news.StatusAnnounced, "", []string{"ACME.XNYS"}}}},
		{name: "nothing", title: "Acme to hold annual meeting in Denver", not: news.EventTypes[:10]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate.NewDocument(tt.title, tt.text)
			for _, c := range []news.Company{acme, beta} {
				name := strings.Fields(c.Name)[0]
				for off := 0; ; {
					k := strings.Index(d.Body[off:], name)
					if k < 0 {
						break
					}
					c.Mentions = append(c.Mentions, news.Mention{Start: off + k, End: off + k + len(name), Text: name})
					off += k + len(name)
				}
				if len(c.Mentions) > 0 {
					d.Ann.Companies = append(d.Ann.Companies, c)
				}
			}
			step.Annotate(d)
			got := map[string]event{}
			for _, e := range d.Ann.Events {
				got[e.Type] = event{e.Type, e.Status, e.ReportedBy, e.Companies}
				if e.Confidence < 0.5 || e.Confidence > 1 {
					t.Errorf("%s: confidence %v", e.Type, e.Confidence)
				}
				if e.Evidence.Start < 0 || e.Evidence.End > len(d.Body) || e.Evidence.End <= e.Evidence.Start {
					t.Errorf("%s: evidence %+v outside the text", e.Type, e.Evidence)
				}
			}
			for _, w := range tt.want {
				if diff := cmp.Diff(w, got[w.Type]); diff != "" {
					t.Errorf("%s (-want +got):\n%s", w.Type, diff)
				}
			}
			for _, typ := range tt.not {
				if _, ok := got[typ]; ok {
					t.Errorf("found %s, want none", typ)
				}
			}
		})
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := Train([]Example{
		{Title: "Acme Q1 net profit up", Text: "Shr 10 cts vs 8 cts", Types: []string{news.EventEarnings}},
		{Title: "Acme to acquire Beta", Text: "Acme said it agreed to acquire Beta.", Types: []string{news.EventMergerAcquisition}},
		{Title: "Wheat crop improves", Text: "Rain helped the crop."},
	}, TrainOptions())
	var b strings.Builder
	if err := m.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeModel(strings.NewReader(b.String())); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeModel(strings.NewReader("junk")); err == nil {
		t.Error("DecodeModel accepted junk")
	}
}

func BenchmarkAnnotate(b *testing.B) {
	step := defaultStep(b)
	title := "Acme Q3 profit rises 10%, beats estimates; raises full-year outlook"
	text := strings.Repeat("Acme Corp said on Tuesday it agreed to buy Beta Industries for 2.1 billion dlrs in cash, people familiar with the matter said. Shares rose 4 pct. ", 4)
	for b.Loop() {
		step.Annotate(annotate.NewDocument(title, text))
	}
}
