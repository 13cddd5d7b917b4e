package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/story"
)

// Restore replays the window's stored articles into their stories, so a
// later article on the same event joins the story it had before a restart,
// and leaves out articles older than the window.
func TestRestoreContinuesStories(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	merger := "Harbor Freight Lines agreed to buy Coastal Rail Holdings for $4 billion in cash, the companies said, creating the largest freight operator on the coast."
	for _, a := range []news.Article{
		{UUID: "00000000-0000-4000-8000-000000000001", URL: "https://example.com/old", Title: "Harbor Freight Lines to buy Coastal Rail", Text: merger, Published: now.Add(-10 * 24 * time.Hour), StoryID: "story-old"},
		{UUID: "00000000-0000-4000-8000-000000000002", URL: "https://example.com/a", Title: "Harbor Freight Lines to buy Coastal Rail for $4 billion", Text: merger, Published: now.Add(-5 * time.Hour), StoryID: "story-merger"},
		{UUID: "00000000-0000-4000-8000-000000000003", URL: "https://example.com/b", Title: "Lumen Bakeries recalls bread over labelling error", Text: "Lumen Bakeries recalled 20,000 loaves sold in three states after a labelling error left out an allergen, the company said on Monday.", Published: now.Add(-4 * time.Hour), StoryID: "story-recall"},
	} {
		if _, err := st.SaveArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	stories := NewStories(story.DefaultConfig())
	n, err := stories.Restore(ctx, st, 72*time.Hour, now)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("restored %d articles, want 2", n)
	}
	later := news.Article{UUID: "00000000-0000-4000-8000-000000000004", Title: "Harbor Freight Lines agrees to buy Coastal Rail Holdings", Text: merger, Published: now}
	if got := stories.AssignStory(&later); got != "story-merger" {
		t.Errorf("a later article on the merger joined story %q, want story-merger", got)
	}
}
