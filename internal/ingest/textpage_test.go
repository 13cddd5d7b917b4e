package ingest

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

func TestParseTextPage(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    TextPage
	}{
		{
			name:    "paragraphs then headlines",
			content: "First paragraph here, with a full stop.\nSecond paragraph.\n\n\nAcme Beats Estimates\nGlobex Cuts Jobs\n",
			want: TextPage{
				Paragraphs: []string{"First paragraph here, with a full stop.", "Second paragraph."},
				Headlines:  []string{"Acme Beats Estimates", "Globex Cuts Jobs"},
			},
		},
		{
			name:    "title line, paragraphs, one headline after a blank line",
			content: "Acme Buys Globex\nAcme agreed to buy Globex for $2 billion.\n\nInitech Shares Slide After Recall\n",
			want: TextPage{
				Title:      "Acme Buys Globex",
				Paragraphs: []string{"Acme agreed to buy Globex for $2 billion."},
				Headlines:  []string{"Initech Shares Slide After Recall"},
			},
		},
		{
			name:    "only paragraphs",
			content: "One sentence.\r\nAnother sentence.\r\n",
			want:    TextPage{Paragraphs: []string{"One sentence.", "Another sentence."}},
		},
		{
			name:    "a single headline-like last line stuck to the article stays in it",
			content: "Acme agreed to buy Globex.\nMore to come\n",
			want:    TextPage{Paragraphs: []string{"Acme agreed to buy Globex.", "More to come"}},
		},
		{
			name:    "empty",
			content: "\n\n",
			want:    TextPage{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ParseTextPage(tt.content)); diff != "" {
				t.Errorf("ParseTextPage (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSeedPage(t *testing.T) {
	raw, err := os.ReadFile(testutil.SharedFile(t, "seed/nissan-foxconn.txt"))
	if err != nil {
		t.Fatal(err)
	}
	page := ParseTextPage(string(raw))
	if page.Title != "" {
		t.Errorf("title = %q, want none", page.Title)
	}
	if len(page.Paragraphs) != 6 {
		t.Errorf("got %d paragraphs, want 6", len(page.Paragraphs))
	}
	if len(page.Headlines) != 17 {
		t.Fatalf("got %d headlines, want 17: %q", len(page.Headlines), page.Headlines)
	}
	if got, want := page.Headlines[0], "Instagram Outage Disrupts Thousands of U.S. Users"; got != want {
		t.Errorf("first headline = %q, want %q", got, want)
	}
}
