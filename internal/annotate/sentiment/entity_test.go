package sentiment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/text"
)

// spanOf returns the span of the first occurrence of name in s.
func spanOf(s, name string) text.Span {
	k := strings.Index(s, name)
	return text.Span{Start: k, End: k + len(name)}
}

func TestEntityText(t *testing.T) {
	tests := []struct {
		sentence, entity string
		others           []string
		want             string
	}{
		{"Stocks That Hit 52-Week Lows (ACME, BETA, GAMMA, DELTA)", "GAMMA", []string{"ACME", "BETA"}, "Stocks That Hit 52-Week Lows"},
		{"Top gainers today: Acme Corp, Beta Industries and Gamma Ltd", "Beta Industries", []string{"Acme Corp"}, "Top gainers today"},
		{"Acme Receives Approval for Plant (ACME)", "ACME", nil, "Acme Receives Approval for Plant (Xentity)"},
		{"Acme shares surge on results; Beta slumps after warning", "Beta", []string{"Acme"}, "Xentity slumps after warning"},
		{"Acme, Beta to merge", "Acme", []string{"Beta"}, "Xentity, Xother to merge"},
	}
	for _, tt := range tests {
		var others []text.Span
		for _, o := range tt.others {
			others = append(others, spanOf(tt.sentence, o))
		}
		whole := text.Span{Start: 0, End: len(tt.sentence)}
		if got := EntityText(tt.sentence, whole, spanOf(tt.sentence, tt.entity), others); got != tt.want {
			t.Errorf("EntityText(%q, %q) = %q, want %q", tt.sentence, tt.entity, got, tt.want)
		}
	}
}

func TestIsAnalyst(t *testing.T) {
	tests := []struct {
		sentence, entity string
		others           []string
		want             bool
	}{
		{"Acme Securities Maintains Buy on Beta Corp, Lowers Price Target to $30", "Acme Securities", nil, true},
		{"Acme Securities Maintains Buy on Beta Corp, Lowers Price Target to $30", "Beta Corp", []string{"Acme Securities"}, false},
		{"Acme Bank upgrades Beta Power", "Acme Bank", []string{"Beta Power"}, true},
		{"Acme Capital cuts target price on Beta Oil", "Acme Capital", nil, true},
		{"Acme upgrades FY15 revenue guidance by 10%", "Acme", nil, false},
		{"Acme maintains its market share", "Acme", nil, false},
		{"Acme's analyst upgrades Beta", "Acme", []string{"Beta"}, false},
	}
	for _, tt := range tests {
		var others []text.Span
		for _, o := range tt.others {
			others = append(others, spanOf(tt.sentence, o))
		}
		whole := text.Span{Start: 0, End: len(tt.sentence)}
		if got := IsAnalyst(tt.sentence, whole, spanOf(tt.sentence, tt.entity), others); got != tt.want {
			t.Errorf("IsAnalyst(%q, %q) = %v, want %v", tt.sentence, tt.entity, got, tt.want)
		}
	}
}

func TestRatingHeadlines(t *testing.T) {
	step := defaultStep(t)
	tests := []struct {
		title    string
		entities []string
		want     []string
	}{
		{"Acme Securities Downgrades Beta Corp to Sell", []string{"Acme Securities", "Beta Corp"}, []string{news.Neutral, news.Negative}},
		{"Acme Securities Maintains Buy on Beta Corp, Raises Price Target to $70", []string{"Acme Securities", "Beta Corp"}, []string{news.Neutral, news.Positive}},
		{"Acme Securities Initiates Coverage on Beta Corp at Hold", []string{"Acme Securities", "Beta Corp"}, []string{news.Neutral, news.Neutral}},
		{"Beta Corp Q1 Adj. EPS $0.56 Misses $0.76 Estimate", []string{"Beta Corp"}, []string{news.Negative}},
		{"Beta Corp Reports Q4 EPS -$0.46 Vs Est -$0.29", []string{"Beta Corp"}, []string{news.Negative}},
		{"Beta Corp Reports Q1 EPS $-0.04 vs. Est. $-0.06", []string{"Beta Corp"}, []string{news.Positive}},
		{"Beta Corp Awarded $155M Contract For Power Lines", []string{"Beta Corp"}, []string{news.Positive}},
		{"Judge Dismisses Lawsuit Challenging Beta Corp's Pricing", []string{"Beta Corp"}, []string{news.Positive}},
		{"Beta Corp Ordered to Pay $8.5 Million in Lawsuit", []string{"Beta Corp"}, []string{news.Negative}},
	}
	for _, tt := range tests {
		d := annotate.NewDocument(tt.title, "")
		for _, e := range tt.entities {
			sp := spanOf(tt.title, e)
			d.Ann.Companies = append(d.Ann.Companies, news.Company{Name: e, Mentions: []news.Mention{{Start: sp.Start, End: sp.End, Text: e}}})
		}
		step.Annotate(d)
		var got []string
		for _, c := range d.Ann.Companies {
			got = append(got, c.Sentiment.Label)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.title, diff)
		}
	}
}

func TestWithoutLists(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Stocks That Hit 52-Week Lows (ACME, BETA, GAMMA)", "Stocks That Hit 52-Week Lows"},
		{"Investment ideas: Acme Corp, Beta Industries and Gamma Ltd", "Investment ideas"},
		{"Acme (ACME) shares rise 5%", "Acme (ACME) shares rise 5%"},
		{"Profit rose, sales fell, costs rose", "Profit rose, sales fell, costs rose"},
	}
	for _, tt := range tests {
		if got := withoutLists(tt.in); got != tt.want {
			t.Errorf("withoutLists(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
