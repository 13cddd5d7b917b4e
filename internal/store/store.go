// Package store defines how tickerwire persists articles, their annotations,
// sources and the security master. Implementations live in sub-packages
// (store/sqlite, store/postgres) and must pass the conformance suite in
// store/storetest.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// ErrNotFound is returned when a requested item does not exist.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is returned (wrapped) by SearchArticles when Query.Search
// cannot be run; the API answers it with HTTP 400.
var ErrBadQuery = searchquery.ErrBadQuery

// ErrInvalid is returned (wrapped) when an item cannot be stored as given,
// such as an article with neither title nor text.
var ErrInvalid = errors.New("invalid")

// Store is the system of record.
type Store interface {
	// SaveArticle stores a new article, or does nothing when an article with
	// the same canonical URL or content hash is already stored (idempotent).
	// It fills a.UUID (the stored one when it existed) and reports whether
	// the article was new. A new article keeps a UUID the caller set; it
	// gets defaults by Prepare (kind, discovered time, content hash).
	SaveArticle(ctx context.Context, a *news.Article) (created bool, err error)
	// FindArticle returns the UUID of the stored article SaveArticle would
	// take a for (the same canonical URL, URL or content hash), or
	// ErrNotFound, so callers can skip work on copies they already have.
	FindArticle(ctx context.Context, a *news.Article) (string, error)
	// SaveArticles saves several articles as SaveArticle does, in one
	// transaction (much faster for bulk ingest), and reports for each whether
	// it was new. When any article is invalid it saves none and returns an
	// error wrapping ErrInvalid that names the article's index.
	SaveArticles(ctx context.Context, as []*news.Article) (created []bool, err error)
	// UpdateAnnotation replaces the annotations and story of a stored article
	// (ErrNotFound when there is none). An article without a language takes
	// ann.Language.
	UpdateAnnotation(ctx context.Context, uuid string, ann news.Annotation, storyID string) error
	// GetArticle returns one article by UUID, or ErrNotFound.
	GetArticle(ctx context.Context, uuid string) (*news.Article, error)
	// SearchArticles returns the articles matching q, newest first (by
	// When) unless q.Sort says otherwise, and how many match in all. A Search that cannot be run fails
	// with an error wrapping ErrBadQuery.
	SearchArticles(ctx context.Context, q Query) (Result, error)

	// SaveSource adds a source or updates the one with the same URL; it fills s.ID.
	SaveSource(ctx context.Context, s *news.Source) error
	// ListSources returns every source.
	ListSources(ctx context.Context) ([]news.Source, error)
	// DeleteSource removes a source by ID, or returns ErrNotFound.
	DeleteSource(ctx context.Context, id int64) error

	// SaveMaster stores the encoded security master, replacing any earlier one.
	SaveMaster(ctx context.Context, encoded []byte) error
	// LoadMaster returns the stored encoded security master, or ErrNotFound.
	LoadMaster(ctx context.Context) ([]byte, error)

	Extensions

	// Ping checks the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}

// Query selects articles. Zero fields do not filter.
type Query struct {
	// Symbols matches articles naming any of these listings: a bare symbol
	// ("NSANY") or SYMBOL.MIC ("7201.XTKS"), case-insensitive.
	Symbols []string
	// Search is a full-text query in Marketaux's syntax: words are ANDed,
	// | is OR, - excludes, "..." is a phrase, * a prefix, () groups.
	Search string
	// PublishedAfter and PublishedBefore bound When (published, or
	// discovered when unknown), both inclusive.
	PublishedAfter  time.Time
	PublishedBefore time.Time
	Languages       []string // article languages, any of them
	Sources         []string // article sources (Article.Source), any of them, case-insensitive
	Events          []string // event types, any of them
	StoryID         string
	ParentUUID      string
	Kind            string
	// MinMatchScore, SentimentGTE and SentimentLTE keep articles that name
	// a company (one of Symbols, when given) with at least this match score
	// and a company sentiment score in this range (both inclusive); nil
	// sentiment bounds do not filter.
	MinMatchScore float64
	SentimentGTE  *float64
	SentimentLTE  *float64
	Limit         int // default DefaultLimit, at most MaxLimit
	Offset        int
	// MaxFound is where counting the matches stops (default
	// DefaultMaxFound), so a broad query costs no more than a narrow one.
	// Pages beyond it are still returned.
	MaxFound int
	Filters
}

// Page sizes and counting.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	// DefaultMaxFound caps Result.Found, as search engines cap their hit
	// counts (Elasticsearch's track_total_hits is 10,000 too).
	DefaultMaxFound = 10000
)

// Result is one page of matching articles.
type Result struct {
	Articles []news.Article
	// Found is how many articles match, counted up to Query.MaxFound;
	// FoundMore tells that more than Found match.
	Found     int
	FoundMore bool
	Next      string // the Cursor of the next page; empty on the last page or when sorting by score
}
