package store

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"time"
)

// This file holds the parts of the Store that serve the API beyond article
// search: Marketaux's filters and sorts, cursors, entity statistics, the
// sources list, API keys, watchlists and alert deliveries.

// Sort orders of SearchArticles.
const (
	SortPublished       = "published_on"           // newest first (the default)
	SortMatchScore      = "entity_match_score"     // best match of the filtered entities first
	SortEntitySentiment = "entity_sentiment_score" // highest average sentiment of the filtered entities first
	SortRelevance       = "relevance_score"        // best full-text match first (needs Search)
)

// Sorts lists the sort orders.
var Sorts = []string{SortPublished, SortMatchScore, SortEntitySentiment, SortRelevance}

// EntityTypeEquity is the only entity type tickerwire tags: listed companies.
const EntityTypeEquity = "equity"

// Filters are the Marketaux filters of a Query beyond its own fields. The
// entity filters (MICs, Countries, Industries, EntityTypes) apply together
// with Query.Symbols, MinMatchScore and the sentiment bounds to the same
// entity: an article matches when one of its listings passes all of them.
type Filters struct {
	MICs             []string // listings on these markets (ISO 10383)
	Countries        []string // entities of these countries (ISO 3166 alpha-2)
	Industries       []string // entities of these industries
	EntityTypes      []string // entity types; only EntityTypeEquity ever matches
	MustHaveEntities bool     // only articles naming at least one listed company
	GroupSimilar     bool     // one article (the newest) per story
	Domains          []string // articles from these domains (or their www. host)
	ExcludeDomains   []string // not from these domains
	SourceIDs        []int64  // from these sources
	Sort             string   // one of Sorts; SortPublished when empty
	Ascending        bool     // reverse the sort
	// Cursor continues a search after the page that returned it as
	// Result.Next (only for SortPublished); it replaces Offset.
	Cursor string
}

// HasEntityFilter reports whether q filters on entities, so an article must
// have an entity passing them.
func (q Query) HasEntityFilter() bool {
	return len(q.Symbols) > 0 || len(q.MICs) > 0 || len(q.Countries) > 0 || len(q.Industries) > 0 ||
		len(q.EntityTypes) > 0 || q.SentimentGTE != nil || q.SentimentLTE != nil || q.MinMatchScore > 0 ||
		q.MustHaveEntities
}

// Cursor is a position in the articles ordered by (sort time, row id).
type Cursor struct {
	SortTime time.Time
	ID       int64
}

// Encode returns the cursor as an opaque URL-safe string.
func (c Cursor) Encode() string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(c.SortTime.UnixMicro()))
	binary.BigEndian.PutUint64(b[8:], uint64(c.ID))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// DecodeCursor parses a cursor made by Encode; a bad one is an error
// wrapping ErrBadQuery.
func DecodeCursor(s string) (Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != 16 {
		return Cursor{}, fmt.Errorf("%w: cursor %q is not one this server made", ErrBadQuery, s)
	}
	return Cursor{
		SortTime: time.UnixMicro(int64(binary.BigEndian.Uint64(b[:8]))).UTC(),
		ID:       int64(binary.BigEndian.Uint64(b[8:])),
	}, nil
}

// Entity statistics intervals.
var Intervals = []string{"minute", "hour", "day", "week", "month", "quarter", "year"}

// Entity statistics groupings.
const (
	GroupBySymbol   = "symbol"
	GroupByExchange = "exchange"
	GroupByCountry  = "country"
	GroupByIndustry = "industry"
	GroupByType     = "type"
)

// GroupBys lists the groupings of entity statistics.
var GroupBys = []string{GroupBySymbol, GroupByExchange, GroupByCountry, GroupByIndustry, GroupByType}

// StatsQuery asks for entity statistics over the articles matching Query.
type StatsQuery struct {
	Query
	GroupBy  string // one of GroupBys; GroupBySymbol when empty
	Interval string // one of Intervals, or "" for one total per key
}

// EntityStat is how many articles named the entities of one key (in one
// interval), and their average sentiment.
type EntityStat struct {
	Bucket         time.Time // the interval's start; zero without an interval
	Key            string    // symbol, MIC, country, industry or type
	MIC            string    // the listing's market when grouped by symbol
	TotalDocuments int
	SentimentAvg   float64
}

// EntityInfo is one listing found in stored articles.
type EntityInfo struct {
	Symbol    string
	MIC       string
	Name      string
	Country   string
	Industry  string
	Documents int // articles naming it
}

// EntitySearch selects entities. Zero fields do not filter.
type EntitySearch struct {
	Text       string // in the symbol or name
	Symbols    []string
	MICs       []string
	Countries  []string
	Industries []string
	Limit      int
	Offset     int
}

// SourceStat is one source of stored articles, by domain and language.
type SourceStat struct {
	SourceID int64
	Domain   string
	Language string
	Articles int
}

// APIKey is a key clients send to use the API. Only a hash of its secret
// is stored.
type APIKey struct {
	ID        int64
	Prefix    string // the public part of the token, unique
	Hash      string // hex SHA-256 of the whole token
	Name      string
	RateLimit int // requests per minute; 0 means the server's default
	Created   time.Time
	Revoked   time.Time // zero while the key works
}

// Watchlist is a set of alert rules owned by an API key (KeyID 0 for the
// loopback user when no key exists). An article matches when it names one
// of Symbols or matches one of Searches (either when both are empty), has
// one of Events (any when empty), and its sentiment (of the matched
// entities, else of the article) is within the thresholds.
type Watchlist struct {
	ID           int64     `json:"id"`
	KeyID        int64     `json:"-"`
	Name         string    `json:"name"`
	Symbols      []string  `json:"symbols"`
	Searches     []string  `json:"searches"`
	Events       []string  `json:"events"`
	SentimentGTE *float64  `json:"sentiment_gte,omitempty"`
	SentimentLTE *float64  `json:"sentiment_lte,omitempty"`
	Webhook      Webhook   `json:"webhook"`
	Created      time.Time `json:"created"`
	Updated      time.Time `json:"updated"`
}

// Webhook is where a watchlist's alerts go.
type Webhook struct {
	URL         string `json:"url,omitempty"`
	Secret      string `json:"secret,omitempty"`       // HMAC-SHA256 key of the signature
	Template    string `json:"template,omitempty"`     // text/template of the body; JSON when empty
	ContentType string `json:"content_type,omitempty"` // of a templated body; text/plain when empty
}

// Alert statuses.
const (
	AlertPending   = "pending"
	AlertDelivered = "delivered"
	AlertFailed    = "failed" // gave up after the last retry
)

// Alert is one article matching one watchlist, and the state of its
// delivery.
type Alert struct {
	ID          int64     `json:"id"`
	WatchlistID int64     `json:"watchlist_id"`
	ArticleUUID string    `json:"article_uuid"`
	Status      string    `json:"status"`
	Attempts    int       `json:"attempts"`
	NextAttempt time.Time `json:"next_attempt"`
	LastError   string    `json:"last_error,omitempty"`
	Created     time.Time `json:"created"`
	Delivered   time.Time `json:"delivered"`
}

// DeliveryAttempt is one try to deliver an alert.
type DeliveryAttempt struct {
	AlertID    int64         `json:"alert_id"`
	Attempt    int           `json:"attempt"`
	At         time.Time     `json:"at"`
	StatusCode int           `json:"status_code"` // 0 when no response came
	Error      string        `json:"error,omitempty"`
	Duration   time.Duration `json:"duration_ns"`
}

// AlertQuery selects alerts, newest first. Zero fields do not filter.
type AlertQuery struct {
	WatchlistID int64
	Status      string
	Limit       int
}

// Extensions is what the API needs of a Store beyond articles and sources.
type Extensions interface {
	// EntityStats counts the articles matching q by entity key (and interval).
	EntityStats(ctx context.Context, q StatsQuery) ([]EntityStat, error)
	// SearchEntities returns the listings named in stored articles that
	// match q, most named first, and how many match in all.
	SearchEntities(ctx context.Context, q EntitySearch) ([]EntityInfo, int, error)
	// Industries returns the industries of the stored entities, sorted.
	Industries(ctx context.Context) ([]string, error)
	// SourceStats returns the sources of stored articles by domain and language.
	SourceStats(ctx context.Context) ([]SourceStat, error)

	// CreateAPIKey stores a key and fills its ID and Created.
	CreateAPIKey(ctx context.Context, k *APIKey) error
	// APIKeys returns every key, revoked ones too, by ID.
	APIKeys(ctx context.Context) ([]APIKey, error)
	// APIKeyByPrefix returns the key with this prefix, or ErrNotFound.
	APIKeyByPrefix(ctx context.Context, prefix string) (*APIKey, error)
	// RevokeAPIKey revokes a key by ID, or returns ErrNotFound.
	RevokeAPIKey(ctx context.Context, id int64) error

	// SaveWatchlist adds a watchlist (ID 0) or replaces the one with its ID
	// (ErrNotFound when there is none); it fills ID, Created and Updated.
	SaveWatchlist(ctx context.Context, w *Watchlist) error
	// Watchlist returns one watchlist, or ErrNotFound.
	Watchlist(ctx context.Context, id int64) (*Watchlist, error)
	// Watchlists returns every watchlist, by ID.
	Watchlists(ctx context.Context) ([]Watchlist, error)
	// DeleteWatchlist removes a watchlist and its alerts, or returns ErrNotFound.
	DeleteWatchlist(ctx context.Context, id int64) error

	// CreateAlert stores a new pending alert unless one exists for the same
	// watchlist and article; it fills a (with the stored alert when it
	// existed) and reports whether it was new.
	CreateAlert(ctx context.Context, a *Alert) (bool, error)
	// UpdateAlert saves an alert's delivery state.
	UpdateAlert(ctx context.Context, a *Alert) error
	// Alerts returns alerts matching q, newest first.
	Alerts(ctx context.Context, q AlertQuery) ([]Alert, error)
	// AddDeliveryAttempt logs one delivery attempt.
	AddDeliveryAttempt(ctx context.Context, d DeliveryAttempt) error
	// DeliveryAttempts returns an alert's attempts in order.
	DeliveryAttempts(ctx context.Context, alertID int64) ([]DeliveryAttempt, error)
}
