// Package story groups articles into stories as they arrive: near-duplicate
// fingerprints for syndicated copies, an online clusterer that puts each
// article into an existing story or starts a new one, and the related
// articles of an article. It is pure: no database, no network, no global
// state; the caller persists the story ids it hands out and replays stored
// articles through Clusterer.Add to rebuild the state at start.
package story

import "time"

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID    string
	Title string
	Text  string
	// Published is when the article appeared; the zero time means "now",
	// the latest time seen so far, so arrival order stands for time.
	Published time.Time
	// Companies are listing keys (SYMBOL.MIC) the annotator found; optional.
	Companies []string
	// Events are event types the annotator found; optional.
	Events []string
}

// Config tunes a Clusterer. The zero value of a field means its default.
type Config struct {
	// Window is how long a story stays open after its last article
	// (default 72h). Articles older than the window are forgotten.
	Window time.Duration
	// MaxArticles bounds the articles kept in the window whatever their
	// times (default 1,000,000), so a stream without dates stays bounded.
	MaxArticles int
	// Threshold is the least similarity (cosine of TF-IDF vectors, 0..1) of
	// an article to a one-article story for the article to join it.
	// MinThreshold is the limit it falls to for large stories, whose
	// centroids spread over more words (see Clusterer.threshold).
	Threshold, MinThreshold float64
	// MinSharedWords is the fewest words an article must share with a story
	// to join it, so that one shared name alone does not merge two stories.
	MinSharedWords int
	// TitleWeight is how much a title word counts against a body word.
	TitleWeight float64
	// CompanyWeight and EventWeight are the term frequencies given to each
	// company and event type of the article (0: default; negative: ignore).
	CompanyWeight, EventWeight float64
	// QueryTerms is how many of an article's highest-weighted terms are
	// looked up in the inverted index to find candidate stories.
	QueryTerms int
	// PostingScan is how many of the most recent stories are read from one
	// term's posting list.
	PostingScan int
	// Candidates is how many candidate stories are scored exactly.
	Candidates int
	// MaxStoryTerms bounds the terms kept in one story's centroid.
	MaxStoryTerms int
}

// DefaultConfig returns the configuration tuned on news story data; see the
// package README for how it was measured.
func DefaultConfig() Config {
	return Config{
		Window:         72 * time.Hour,
		MaxArticles:    1_000_000,
		Threshold:      0.2,
		MinThreshold:   0.02,
		MinSharedWords: 2,
		TitleWeight:    2,
		CompanyWeight:  1,
		EventWeight:    0.5,
		QueryTerms:     10,
		PostingScan:    128,
		Candidates:     10,
		MaxStoryTerms:  400,
	}
}

// withDefaults fills the zero fields of c from DefaultConfig.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.Window <= 0 {
		c.Window = d.Window
	}
	if c.MaxArticles <= 0 {
		c.MaxArticles = d.MaxArticles
	}
	if c.Threshold <= 0 {
		c.Threshold = d.Threshold
	}
	if c.MinThreshold <= 0 || c.MinThreshold > c.Threshold {
		c.MinThreshold = min(d.MinThreshold, c.Threshold)
	}
	if c.MinSharedWords <= 0 {
		c.MinSharedWords = d.MinSharedWords
	}
	if c.TitleWeight <= 0 {
		c.TitleWeight = d.TitleWeight
	}
	if c.CompanyWeight == 0 {
		c.CompanyWeight = d.CompanyWeight
	}
	if c.EventWeight == 0 {
		c.EventWeight = d.EventWeight
	}
	if c.QueryTerms <= 0 {
		c.QueryTerms = d.QueryTerms
	}
	if c.PostingScan <= 0 {
		c.PostingScan = d.PostingScan
	}
	if c.Candidates <= 0 {
		c.Candidates = d.Candidates
	}
	if c.MaxStoryTerms <= 0 {
		c.MaxStoryTerms = d.MaxStoryTerms
	}
	return c
}
