package story

import (
	"sync"

	"github.com/google/uuid"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Stories is a Clusterer for the server: safe for concurrent use and fed
// with news.Articles. It implements ingest.StoryAssigner.
type Stories struct {
	mu sync.Mutex
	c  *Clusterer
}

// NewStories returns an empty Stories.
func NewStories(cfg Config) *Stories {
	return &Stories{c: NewClusterer(cfg)}
}

// DocOf is the article as the clusterer sees it: its UUID, title, text,
// time (published, else discovered), the primary listing of each company and
// the event types of its annotation.
func DocOf(a *news.Article) Doc {
	d := Doc{ID: a.UUID, Title: a.Title, Text: a.Text, Published: a.When()}
	d.Companies, d.Events = Features(a.Annotation)
	return d
}

// Features are the annotations the clusterer uses: the primary listing key
// of each company and the event types.
func Features(ann news.Annotation) (companies, events []string) {
	for _, c := range ann.Companies {
		if l := c.PrimaryListing(); l.Symbol != "" {
			companies = append(companies, l.Key())
		}
	}
	for _, e := range ann.Events {
		events = append(events, e.Type)
	}
	return companies, events
}

// AssignStory decides the story of an arriving, annotated article and
// returns its id. An article without a UUID is given a new one first, since
// a story takes the id of its first article.
func (s *Stories) AssignStory(a *news.Article) string {
	if a.UUID == "" {
		a.UUID = uuid.NewString()
	}
	d := DocOf(a)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Assign(d).Story
}

// Restore replays a stored article with the story it was given, or assigns
// one when it has none. Call it for the stored articles of the window, in
// the order they arrived, before serving.
func (s *Stories) Restore(a *news.Article) {
	d := DocOf(a)
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.StoryID == "" {
		a.StoryID = s.c.Assign(d).Story
		return
	}
	s.c.Add(d, a.StoryID)
}

// Similar returns up to k open articles most similar to the article uuid,
// best first; near-duplicates are marked (the API's group_similar).
func (s *Stories) Similar(uuid string, k int) []Match {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Similar(uuid, k)
}

// Story describes an open story.
func (s *Stories) Story(id string) (StoryInfo, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Story(id)
}

// Stats returns the sizes of the window and the index.
func (s *Stories) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.Stats()
}
