package sentiment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/text"
)

func defaultStep(t testing.TB) *Step {
	t.Helper()
	s, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestArticleSentiment(t *testing.T) {
	step := defaultStep(t)
	tests := []struct {
		title, text string
		want        string
	}{
		{"Acme Corp quarterly profit falls 40%, misses estimates", "", news.Negative},
		{"Acme Corp net loss narrows as costs fall", "", news.Positive},
		{"Acme Corp beats estimates, raises full-year guidance", "", news.Positive},
		{"Acme Corp cuts full-year outlook", "", news.Negative},
		{"Acme Corp to hold annual meeting on May 5", "", news.Neutral},
		{"", "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007.", news.Positive},
		{"", "Operating profit fell to EUR 5.1 mn from EUR 7.9 mn a year earlier.", news.Negative},
		{"", "The company's headquarters are located in Helsinki.", news.Neutral},
	}
	for _, tt := range tests {
		d := annotate.NewDocument(tt.title, tt.text)
		step.Annotate(d)
		if got := d.Ann.Sentiment; got.Label != tt.want || news.SentimentOf(got.Score).Label != got.Label {
			t.Errorf("%q %q: got %+v, want label %s with a score in its band", tt.title, tt.text, got, tt.want)
		}
	}
}

func TestCompanySentimentUsesItsClause(t *testing.T) {
	step := defaultStep(t)
	title := "Infosys shares surge 8% on strong results; Wipro slumps after profit warning"
	d := annotate.NewDocument(title, "")
	mention := func(name string) []news.Mention {
		k := strings.Index(title, name)
		return []news.Mention{{Start: k, End: k + len(name), Text: name}}
	}
	d.Ann.Companies = []news.Company{
		{Name: "Infosys", Mentions: mention("Infosys")},
		{Name: "Wipro", Mentions: mention("Wipro")},
	}
	step.Annotate(d)
	got := []string{d.Ann.Companies[0].Sentiment.Label, d.Ann.Companies[1].Sentiment.Label}
	if diff := cmp.Diff([]string{news.Positive, news.Negative}, got); diff != "" {
		t.Errorf("company sentiment (-want +got):\n%s", diff)
	}
}

func TestSegment(t *testing.T) {
	s := "Infosys gains 3% on deal; TCS falls after weak results"
	at := func(name string) text.Span {
		k := strings.Index(s, name)
		return text.Span{Start: k, End: k + len(name)}
	}
	whole := text.Span{Start: 0, End: len(s)}
	tests := []struct {
		name, want string
		others     []text.Span
	}{
		{"Infosys", "Infosys gains 3% on deal", []text.Span{at("TCS")}},
		{"TCS", "TCS falls after weak results", []text.Span{at("Infosys")}},
		{"TCS", s, nil},
	}
	for _, tt := range tests {
		sp := Segment(s, whole, at(tt.name), tt.others)
		if got := s[sp.Start:sp.End]; got != tt.want {
			t.Errorf("Segment(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDirectionAppliedToItem(t *testing.T) {
	tests := []struct {
		in   string
		want []polarity
	}{
		{"net loss narrowed", []polarity{{item: "loss", dir: -1, pol: 1}}},
		{"costs fell sharply", []polarity{{item: "costs", dir: -1, pol: 1}}},
		{"profit fell", []polarity{{item: "profit", dir: -1, pol: -1}}},
		{"sales did not increase", []polarity{{item: "sales", dir: 1, pol: -1}}},
		{"operating profit decreased to EUR 16mn from EUR 21.1 mn in 2008", []polarity{{item: "profit", dir: -1, pol: -1}}},
		{"dividend of 1.00 eur, compared with 0.90 eur a year ago", []polarity{{item: "dividend", dir: 1, pol: 1}}},
		{"a net loss of EUR 0.4 mn versus a net profit of EUR 0.2 mn", []polarity{{item: "net", dir: -1, pol: -1}, {item: "loss", dir: -1, pol: -1}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, polarities(words(tt.in)), cmp.AllowUnexported(polarity{})); diff != "" {
			t.Errorf("polarities(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestEstimateComparison(t *testing.T) {
	tests := map[string]int{
		"Acme Reports Q3 EPS $-0.04 vs $-0.09 Est; Revenues $3.5M vs $1.90M Est": 1,
		"Acme Q2 EPS $0.10 vs $0.15 Est":                                         -1,
		"Acme beats Street estimates":                                            1,
		"Acme misses analysts' expectations":                                     -1,
		"Acme did not beat estimates":                                            -1,
		"Acme shares rose 5% after the earnings":                                 0,
	}
	for in, want := range tests {
		if got := estimateComparison(words(in)); got != want {
			t.Errorf("estimateComparison(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m, err := Train([]Example{
		{Text: "profit rose", Label: news.Positive}, {Text: "profit rose sharply", Label: news.Positive},
		{Text: "profit fell", Label: news.Negative}, {Text: "profit fell sharply", Label: news.Negative},
		{Text: "the meeting is in May", Label: news.Neutral}, {Text: "the office is in May street", Label: news.Neutral},
	}, DefaultTrainOptions())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"profit rose", "profit fell", "the meeting is in May"} {
		if a, b := m.Classify(s, Sentence).Label, got.Classify(s, Sentence).Label; a != b {
			t.Errorf("%q: %s before encoding, %s after", s, a, b)
		}
	}
	if _, err := DecodeModel(strings.NewReader("not a model")); err == nil {
		t.Error("DecodeModel accepted garbage")
	}
	if _, err := Train([]Example{{Text: "x", Label: "great"}}, DefaultTrainOptions()); err == nil {
		t.Error("Train accepted an unknown label")
	}
}

func BenchmarkAnnotate(b *testing.B) {
	step := defaultStep(b)
	title := "Acme Corp quarterly profit falls 40%, misses estimates"
	body := strings.Repeat("Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007. The company's headquarters are located in Helsinki, Finland. ", 5)
	for b.Loop() {
		d := annotate.NewDocument(title, body)
		d.Ann.Companies = []news.Company{{Name: "Acme", Mentions: []news.Mention{{Start: 0, End: 9}}}}
		step.Annotate(d)
	}
}
