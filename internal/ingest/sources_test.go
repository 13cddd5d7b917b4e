package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tickerwire/tickerwire/internal/news"
)

func TestParseSourceList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []news.Source
		wantErr string
	}{
		{
			name: "urls with names and comments",
			in:   "# comment\n\nhttps://example.com/feed.xml Example Feed\nhttp://news.example.org/rss\n",
			want: []news.Source{
				{Kind: SourceFeed, URL: "https://example.com/feed.xml", Name: "Example Feed", Interval: DefaultInterval},
				{Kind: SourceFeed, URL: "http://news.example.org/rss", Name: "news.example.org", Interval: DefaultInterval},
			},
		},
		{
			name:    "bad lines are reported, good ones kept",
			in:      "ftp://example.com/x\nhttps://ok.example.com/feed\nnot a url\n",
			want:    []news.Source{{Kind: SourceFeed, URL: "https://ok.example.com/feed", Name: "ok.example.com", Interval: DefaultInterval}},
			wantErr: "2 bad line(s), first: line 1",
		},
		{
			name: "opml with nested outlines",
			in: `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Markets"><outline text="A" title="Feed A" type="rss" xmlUrl="https://a.example.com/rss"/></outline>
<outline text="B" xmlUrl="https://b.example.com/atom"/></body></opml>`,
			want: []news.Source{
				{Kind: SourceFeed, URL: "https://a.example.com/rss", Name: "Feed A", Interval: DefaultInterval},
				{Kind: SourceFeed, URL: "https://b.example.com/atom", Name: "B", Interval: DefaultInterval},
			},
		},
		{name: "broken opml", in: "<opml><body>", wantErr: "invalid OPML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSourceList([]byte(tt.in))
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("sources (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	in := []news.Source{
		{Kind: SourceFeed, URL: "https://a.example.com/rss", Name: "Feed & A", Interval: DefaultInterval},
		{Kind: SourceFeed, URL: "https://b.example.com/atom?x=1&y=2", Name: "B", Interval: DefaultInterval},
	}
	out, err := ExportOPML(in)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseSourceList(out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestDefaultSourcesParse(t *testing.T) {
	if _, err := ParseSourceList(defaultSources); err != nil {
		t.Fatal(err)
	}
	if n := len(DefaultSources()); n < 10 {
		t.Errorf("only %d default sources", n)
	}
}
