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
)

// ErrNotFound is returned when a requested item does not exist.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is wrapped by errors about a search string that cannot be
// understood; the API answers them with 400.
var ErrBadQuery = errors.New("bad search query")

// Store is the system of record.
type Store interface {
	// SaveArticle stores a new article, or does nothing when an article with
	// the same canonical URL or content hash is already stored (idempotent).
	// It fills a.UUID (the stored one when it existed) and reports whether
	// the article was new.
	SaveArticle(ctx context.Context, a *news.Article) (created bool, err error)
	// UpdateAnnotation replaces the annotations and story of a stored article.
	UpdateAnnotation(ctx context.Context, uuid string, ann news.Annotation, storyID string) error
	// GetArticle returns one article by UUID, or ErrNotFound.
	GetArticle(ctx context.Context, uuid string) (*news.Article, error)
	// SearchArticles returns the articles matching q, newest first, and how
	// many match in all.
	SearchArticles(ctx context.Context, q Query) (Result, error)

	// SaveSource adds a source or updates the one with the same URL; it fills s.ID.
	SaveSource(ctx context.Context, s *news.Source) error
	// ListSources returns every source.
	ListSources(ctx context.Context) ([]news.Source, error)
	// DeleteSource removes a source by ID.
	DeleteSource(ctx context.Context, id int64) error

	// SaveMaster stores the encoded security master, replacing any earlier one.
	SaveMaster(ctx context.Context, encoded []byte) error
	// LoadMaster returns the stored encoded security master, or ErrNotFound.
	LoadMaster(ctx context.Context) ([]byte, error)

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
	Search          string
	PublishedAfter  time.Time
	PublishedBefore time.Time
	Languages       []string
	Events          []string
	StoryID         string
	ParentUUID      string
	Kind            string
	Limit           int // default 50
	Offset          int
}

// Result is one page of matching articles.
type Result struct {
	Articles []news.Article
	Found    int
}
