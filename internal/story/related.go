package story

import (
	"cmp"
	"slices"
	"time"
)

// StoryInfo describes one story in the window.
type StoryInfo struct {
	ID    string
	Title string // the title of the article that started it
	// Count is every article assigned to the story, Members the ids of
	// those still in the window, in arrival order.
	Count   int
	Members []string
	First   time.Time // when its first article arrived
	Last    time.Time // when its latest article arrived
}

// Match is an article related to another one.
type Match struct {
	ID    string
	Story string
	// Score is the cosine of the two articles' TF-IDF vectors, 0..1.
	Score float64
	// Duplicate reports that the two texts are near-duplicates.
	Duplicate bool
}

// Stats counts what the clusterer holds.
type Stats struct {
	Articles int // articles in the window
	Stories  int // stories in the window
	Terms    int // terms in the inverted index
}

const (
	// relatedStories is how many other stories Similar looks into.
	relatedStories = 4
	// relatedScan bounds the articles of one story that Similar scores.
	relatedScan = 512
)

// Stats returns the sizes of the window and the index.
func (c *Clusterer) Stats() Stats {
	return Stats{Articles: len(c.docs), Stories: c.live, Terms: len(c.postings)}
}

// StoryOf returns the story of an article in the window.
func (c *Clusterer) StoryOf(id string) (string, bool) {
	d, ok := c.docs[id]
	if !ok {
		return "", false
	}
	return d.story.id, true
}

// Story describes a story in the window.
func (c *Clusterer) Story(id string) (StoryInfo, bool) {
	s, ok := c.storyByID[id]
	if !ok {
		return StoryInfo{}, false
	}
	info := StoryInfo{ID: s.id, Title: s.title, Count: s.count, First: s.first, Last: s.last,
		Members: make([]string, len(s.members))}
	for i, d := range s.members {
		info.Members[i] = d.id
	}
	return info, true
}

// Similar returns up to k articles in the window most similar to the article
// id, best first: members of its own story and of the stories nearest to it.
// It returns nil when the article is not in the window.
func (c *Clusterer) Similar(id string, k int) []Match {
	d, ok := c.docs[id]
	if !ok || k <= 0 {
		return nil
	}
	stories := []*storyState{d.story}
	c.rankCandidates(d.vec, relatedStories+1)
	for _, cand := range c.cands {
		if len(stories) > relatedStories {
			break
		}
		if cand.s != d.story {
			stories = append(stories, cand.s)
		}
	}
	var out []Match
	var seqs []uint64
	for _, s := range stories {
		members := s.members
		if len(members) > relatedScan {
			members = members[len(members)-relatedScan:]
		}
		for _, m := range members {
			if m == d {
				continue
			}
			score := dot(d.vec, m.vec)
			if score <= 0 {
				continue
			}
			out = append(out, Match{ID: m.id, Story: s.id, Score: score, Duplicate: d.fp.NearDuplicate(&m.fp)})
			seqs = append(seqs, m.seq)
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if out[a].Score != out[b].Score {
			return cmp.Compare(out[b].Score, out[a].Score)
		}
		return cmp.Compare(seqs[a], seqs[b])
	})
	res := make([]Match, 0, min(k, len(idx)))
	for _, i := range idx[:min(k, len(idx))] {
		res = append(res, out[i])
	}
	return res
}

// dot is the dot product of two vectors sorted by term.
func dot(a, b []termWeight) float64 {
	var s float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}
