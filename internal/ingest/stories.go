package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/story"
)

// Stories assigns stored articles to stories with the online clusterer of
// package story. It is safe for concurrent use.
type Stories struct {
	mu sync.Mutex
	c  *story.Clusterer
}

// NewStories returns an empty story assigner.
func NewStories(cfg story.Config) *Stories {
	return &Stories{c: story.NewClusterer(cfg)}
}

// StoryDoc is the clusterer's view of an article.
func StoryDoc(a *news.Article) story.Doc { return story.DocOf(a) }

// AssignStory puts a into a story and returns the story's id.
func (s *Stories) AssignStory(a *news.Article) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Assign(StoryDoc(a)).Story
}

// Similar returns up to k articles most like the article with id among the
// open stories.
func (s *Stories) Similar(id string, k int) []story.Match {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Similar(id, k)
}

// restorePage is how many articles are read at a time when restoring.
const restorePage = 1000

// restored is a stored article as Restore keeps it until replayed: the
// clusterer's view and the story, not the whole article.
type restored struct {
	doc   story.Doc
	story string
}

// Restore replays the stored articles of the last window, oldest first,
// so stories continue across restarts. It returns how many it replayed.
// Pages come newest first, so all are read before replaying; each keeps
// only what the clusterer reads.
func (s *Stories) Restore(ctx context.Context, st store.Store, window time.Duration, now time.Time) (int, error) {
	var kept []restored
	q := store.Query{PublishedAfter: now.Add(-window), Limit: restorePage}
	for {
		res, err := st.SearchArticles(ctx, q)
		if err != nil {
			return 0, err
		}
		if len(res.Articles) == 0 {
			break
		}
		for i := range res.Articles {
			if a := &res.Articles[i]; a.StoryID != "" {
				kept = append(kept, restored{StoryDoc(a), a.StoryID})
			}
		}
		q.Offset += len(res.Articles)
		if q.Offset >= res.Found {
			break
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(kept) - 1; i >= 0; i-- {
		s.c.Add(kept[i].doc, kept[i].story)
		kept[i] = restored{} // replayed: its text can go
	}
	return len(kept), nil
}
