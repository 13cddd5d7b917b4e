package facts

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

func TestFind(t *testing.T) {
	money := func(text string, v float64, unit string) news.Fact {
		return news.Fact{Kind: news.FactMoney, Text: text, Value: v, Unit: unit}
	}
	pct := func(text string, v float64) news.Fact {
		return news.Fact{Kind: news.FactPercent, Text: text, Value: v, Unit: UnitPercent}
	}
	count := func(text string, v float64, unit string) news.Fact {
		return news.Fact{Kind: news.FactCount, Text: text, Value: v, Unit: unit}
	}
	tests := []struct {
		in   string
		want []news.Fact
	}{
		{"TSMC Eyes 3nm Chip Production in Japan with $17 Billion Kumamoto Investment", []news.Fact{money("$17 Billion", 17e9, "USD")}},
		{"It will spend Rs 450 crore on the plant.", []news.Fact{money("Rs 450 crore", 4.5e9, "INR")}},
		{"Revenue was €2.3bn.", []news.Fact{money("€2.3bn", 2.3e9, "EUR")}},
		{"a $200B Capex Plan", []news.Fact{money("$200B", 200e9, "USD")}},
		{"a ¥1.2 trillion budget", []news.Fact{money("¥1.2 trillion", 1.2e12, "JPY")}},
		{"Uber Ordered to Pay $8.5 Million in Lawsuit", []news.Fact{money("$8.5 Million", 8.5e6, "USD")}},
		{"Over $49 Weight-Loss Pill", []news.Fact{money("$49", 49, "USD")}},
		{"net profit of 10 mln dlrs, or 1.50 dlrs per share, up 15 cts", []news.Fact{
			money("10 mln dlrs", 10e6, "USD"), money("1.50 dlrs", 1.5, "USD"), money("15 cts", 0.15, "USD")}},
		{"a loss of 3.2 mln Canadian dlrs and 5 billion yen", []news.Fact{
			money("3.2 mln Canadian dlrs", 3.2e6, "CAD"), money("5 billion yen", 5e9, "JPY")}},
		{"sales of US$ 5 million and HK$3.5bn", []news.Fact{money("US$ 5 million", 5e6, "USD"), money("HK$3.5bn", 3.5e9, "HKD")}},
		{"cut its workforce by 15%.", []news.Fact{pct("15%", 15)}},
		{"rose 15 percent, 2.5 pct and 3 per cent", []news.Fact{pct("15 percent", 15), pct("2.5 pct", 2.5), pct("3 per cent", 3)}},
		{"up 0.5 percentage points", []news.Fact{{Kind: news.FactPercent, Text: "0.5 percentage points", Value: 0.5, Unit: UnitPercentagePoint}}},
		{"the factory, which employs around 3,900 workers, and", []news.Fact{count("3,900", 3900, "workers")}},
		{"shut down seven of its 17 production facilities worldwide", []news.Fact{
			count("seven", 7, "production facilities"), count("17", 17, "production facilities")}},
		{"it sold 2.5 million shares to three investors", []news.Fact{count("2.5 million", 2.5e6, "shares"), count("three", 3, "investors")}},
		{"Sony Q3 Profit Jumps; H200 chips; 3nm; 1st half; in 2026 sales rose", nil},
		{"on February 22 traders met at 10:30 for 5 years", nil},
		{"the Model 3 production begins. In 2,000 stores", []news.Fact{count("2,000", 2000, "stores")}},
		{"155,221 bags of 60 kilos", []news.Fact{count("155,221", 155221, "bags"), count("60", 60, "kilos")}},
		{"", nil},
	}
	for _, tt := range tests {
		got := Find(tt.in)
		for i := range got {
			if tt.in[got[i].Start:got[i].End] != got[i].Text {
				t.Errorf("%q: fact %q has offsets of %q", tt.in, got[i].Text, tt.in[got[i].Start:got[i].End])
			}
			got[i].Start, got[i].End = 0, 0
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestSeed checks the facts that seed/expected.md asks of the seed article.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(testutil.SharedFile(t, "seed/nissan-foxconn.txt"))
	if err != nil {
		t.Fatal(err)
	}
	facts := Find(string(b))
	type key struct {
		kind  string
		value float64
		unit  string
	}
	got := map[key]bool{}
	for _, f := range facts {
		got[key{f.Kind, f.Value, f.Unit}] = true
	}
	for _, want := range []key{
		{news.FactCount, 3900, "workers"},
		{news.FactCount, 7, "production facilities"},
		{news.FactCount, 17, "production facilities"},
		{news.FactPercent, 15, UnitPercent},
		{news.FactMoney, 17e9, "USD"},
		{news.FactMoney, 8.5e6, "USD"},
		{news.FactMoney, 5e9, "USD"},
		{news.FactMoney, 200e9, "USD"},
	} {
		if !got[want] {
			t.Errorf("missing fact %+v in %+v", want, facts)
		}
	}
}
