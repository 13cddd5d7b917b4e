package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/news"
)

func TestHighlight(t *testing.T) {
	acme := news.Company{Name: "Acme Corp", Listings: []news.Listing{{Symbol: "ACME", MIC: "XNYS"}}, Sentiment: news.SentimentOf(0.5)}
	beta := news.Company{Name: "Beta", Listings: []news.Listing{{Symbol: "BETA", MIC: "XNAS"}}}
	noListing := news.Company{Name: "Private Co"}
	at := func(c news.Company, spans ...[2]int) news.Company {
		for _, s := range spans {
			c.Mentions = append(c.Mentions, news.Mention{Start: s[0], End: s[1]})
		}
		return c
	}
	mention := func(text string, c news.Company, tone string) segment {
		return segment{Text: text, Company: c.Name, Listing: c.PrimaryListing(), Tone: tone}
	}
	tests := []struct {
		name        string
		title, text string
		companies   []news.Company
		want        highlighted
	}{
		{
			name:  "title and text",
			title: "Acme buys Beta", text: "Acme said so.\n\nBeta agreed.",
			// body: "Acme buys Beta\n\nAcme said so.\n\nBeta agreed."
			companies: []news.Company{at(acme, [2]int{0, 4}, [2]int{16, 20}), at(beta, [2]int{10, 14}, [2]int{31, 35})},
			want: highlighted{
				Title: []segment{mention("Acme", acme, "positive"), {Text: " buys "}, mention("Beta", beta, "neutral")},
				Text: [][]segment{
					{mention("Acme", acme, "positive"), {Text: " said so."}},
					{mention("Beta", beta, "neutral"), {Text: " agreed."}},
				},
			},
		},
		{
			name: "text only, bad offsets dropped",
			text: "Größe Acme and Beta",
			// "Größe " is 8 bytes: ö and ß take two each.
			companies: []news.Company{at(acme, [2]int{8, 12}, [2]int{3, 5}, [2]int{-1, 2}, [2]int{15, 99}), at(beta, [2]int{9, 12}, [2]int{17, 21})},
			want:      highlighted{Text: [][]segment{{{Text: "Größe "}, mention("Acme", acme, "positive"), {Text: " and "}, mention("Beta", beta, "neutral")}}},
		},
		{
			name:  "mention across title and text dropped; company without listing not linked",
			title: "Acme", text: "Private Co grows",
			companies: []news.Company{at(acme, [2]int{2, 8}), at(noListing, [2]int{6, 16})},
			want:      highlighted{Title: []segment{{Text: "Acme"}}, Text: [][]segment{{{Text: "Private Co grows"}}}},
		},
		{
			name: "blank lines make no paragraphs",
			text: "one\n\n\n \ntwo",
			want: highlighted{Text: [][]segment{{{Text: "one"}}, {{Text: "two"}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Title: tt.title, Text: tt.text, Annotation: news.Annotation{Companies: tt.companies}}
			if diff := cmp.Diff(tt.want, highlight(a)); diff != "" {
				t.Errorf("highlight (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGroupByStory(t *testing.T) {
	as := []news.Article{{UUID: "1", StoryID: "a"}, {UUID: "2"}, {UUID: "3", StoryID: "b"}, {UUID: "4", StoryID: "a"}, {UUID: "5"}}
	var got [][]string
	for _, g := range groupByStory(as) {
		ids := []string{g.Lead.UUID}
		for _, m := range g.More {
			ids = append(ids, m.UUID)
		}
		got = append(got, ids)
	}
	want := [][]string{{"1", "4"}, {"2"}, {"3"}, {"5"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}
