package store

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// Browser answers what the web UI asks beyond Store: searches narrowed by
// article sentiment and source, with facet counts, and a listing's daily
// mention volume and sentiment. The SQL stores implement it.
type Browser interface {
	// Browse returns one page of the articles matching q, newest first, how
	// many match (up to q.CountLimit), and the facets of the newest
	// q.FacetSample matches (no facets when FacetSample is 0).
	Browse(ctx context.Context, q BrowseQuery) (Browsed, error)
	// DailyMentions returns, for each UTC day in [from, to) on which an
	// article names the listing, how many do and their average sentiment
	// for the listing's company, oldest day first.
	DailyMentions(ctx context.Context, l ListingKey, from, to time.Time) ([]DayStat, error)
}

// BrowseQuery is a Query narrowed further.
type BrowseQuery struct {
	Query
	Sentiment   string // the article's sentiment label: positive, neutral or negative
	Source      string // the article's source, case-insensitively
	FacetSample int    // count facets over this many newest matches; 0 for none
	// CountLimit stops counting matches at this many, so that a broad
	// search costs no more than a narrow one; 0 counts them all.
	CountLimit int
}

// Browsed is what Browse found.
type Browsed struct {
	Result      // Found is at most BrowseQuery.CountLimit
	More   bool // more than Found articles match
	Facets Facets
}

// Counted returns the Found and More of n matches counted up to limit (0: no limit).
func Counted(n, limit int) (found int, more bool) {
	if limit > 0 && n > limit {
		return limit, true
	}
	return n, false
}

// MaxFacetSample bounds BrowseQuery.FacetSample and CountLimit, so they
// cost the same however many articles match.
const MaxFacetSample = 5000

// ListingKey names one listing, upper case.
type ListingKey struct {
	Symbol string
	MIC    string
}

// DayStat is one day of a listing's mentions.
type DayStat struct {
	Day       time.Time // midnight UTC
	Articles  int
	Sentiment float64 // average sentiment score
}

// Facets counts the values of a sample of matching articles.
type Facets struct {
	Sample     int // how many articles were counted
	Companies  []FacetCount
	Events     []FacetCount
	Sentiments []FacetCount
	Sources    []FacetCount
	Days       []FacetCount // Value is YYYY-MM-DD, newest first
}

// FacetCount is how many sampled articles have Value.
type FacetCount struct {
	Value string
	Count int
}

// Facet kinds, as the stores name them in their facet rows.
const (
	FacetCompany   = "company"
	FacetEvent     = "event"
	FacetSentiment = "sentiment"
	FacetSource    = "source"
	FacetDay       = "day"
)

// FacetLimit is how many values each facet keeps.
const FacetLimit = 12

// FacetRow is one (kind, value, count) row of a store's facet query.
type FacetRow struct {
	Kind  string
	Value string
	Count int
}

// BuildFacets sorts facet rows into Facets: each facet's most frequent
// FacetLimit values (ties by value), days newest first.
func BuildFacets(sample int, rows []FacetRow) Facets {
	f := Facets{Sample: sample}
	for _, r := range rows {
		if r.Value == "" {
			continue
		}
		c := FacetCount{Value: r.Value, Count: r.Count}
		switch r.Kind {
		case FacetCompany:
			f.Companies = append(f.Companies, c)
		case FacetEvent:
			f.Events = append(f.Events, c)
		case FacetSentiment:
			f.Sentiments = append(f.Sentiments, c)
		case FacetSource:
			f.Sources = append(f.Sources, c)
		case FacetDay:
			f.Days = append(f.Days, c)
		}
	}
	byCount := func(a, b FacetCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	}
	for _, p := range []*[]FacetCount{&f.Companies, &f.Events, &f.Sentiments, &f.Sources} {
		slices.SortFunc(*p, byCount)
		*p = (*p)[:min(len(*p), FacetLimit)]
	}
	slices.SortFunc(f.Days, func(a, b FacetCount) int { return cmp.Compare(b.Value, a.Value) })
	f.Days = f.Days[:min(len(f.Days), FacetLimit)]
	return f
}
