package store

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
)

func TestSymbolMatches(t *testing.T) {
	got := SymbolMatches([]string{"nsany", " 7201.xtks ", "BRK.B", "", "X.", ".Y"})
	want := []SymbolMatch{
		{Symbol: "NSANY"},
		{Symbol: "7201.XTKS"}, {Symbol: "7201", MIC: "XTKS"},
		{Symbol: "BRK.B"}, {Symbol: "BRK", MIC: "B"},
		{Symbol: "X."},
		{Symbol: ".Y"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SymbolMatches (-want +got):\n%s", diff)
	}
}

func TestIndexRows(t *testing.T) {
	ann := news.Annotation{
		Companies: []news.Company{
			{Listings: []news.Listing{{Symbol: "7201", MIC: "xtks"}, {Symbol: "", MIC: "XNYS"}}, MatchScore: 0.5, Sentiment: news.SentimentOf(-0.2)},
			{Listings: []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "nsany", MIC: "OTCM"}}, MatchScore: 0.9, Sentiment: news.SentimentOf(0.3)},
		},
		Events: []news.Event{{Type: news.EventPartnership}, {Type: ""}, {Type: news.EventPartnership}, {Type: news.EventEarnings}},
	}
	listings, events := IndexRows(ann)
	wantListings := []ListingRow{
		{Symbol: "7201", MIC: "XTKS", MatchScore: 0.9, Sentiment: 0.3},
		{Symbol: "NSANY", MIC: "OTCM", MatchScore: 0.9, Sentiment: 0.3, Rank: 1},
	}
	if diff := cmp.Diff(wantListings, listings); diff != "" {
		t.Errorf("listings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{news.EventPartnership, news.EventEarnings}, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash("Nissan in talks", "With  Foxconn.\n")
	if b := ContentHash("NISSAN in talks", "with Foxconn."); a != b {
		t.Errorf("case and spacing changed the hash: %s, %s", a, b)
	}
	if b := ContentHash("Nissan in talks", "With Honda."); a == b {
		t.Error("different texts share a hash")
	}
	if b := ContentHash("", "Nissan in talks\n\nWith Foxconn."); a != b {
		t.Errorf("the hash is not of the body title + text: %s, %s", a, b)
	}
}
