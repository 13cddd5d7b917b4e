// Package news holds the domain types of tickerwire: articles and what the
// annotators find in them. It imports nothing of ours and knows nothing of
// storage, HTTP or queues.
package news

import (
	"strings"
	"time"
)

// Listing is one place a company's shares trade (or traded): the exchange's own symbol and
// the ISO 10383 market identifier code of the exchange.
type Listing struct {
	Symbol string `json:"symbol"`
	MIC    string `json:"mic"`
	// Delisted marks a listing the company no longer trades under (a former
	// symbol, a market it left): older news names it so.
	Delisted bool `json:"delisted,omitempty"`
}

// Key is the listing as one string, SYMBOL.MIC (for example 7201.XTKS).
func (l Listing) Key() string { return l.Symbol + "." + l.MIC }

// Mention is one occurrence of a name in a text, as byte offsets into it.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span is a stretch of a text, as byte offsets into it.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentiment labels.
const (
	Positive = "positive"
	Neutral  = "neutral"
	Negative = "negative"
)

// Sentiment is how a text reads for shareholders: a score in -1..1 and its label.
type Sentiment struct {
	Score float64 `json:"score"`
	Label string  `json:"label"`
}

// NeutralBand is the half-width of the score band labelled neutral.
const NeutralBand = 0.1

// SentimentOf turns a score into a Sentiment, clamping it to -1..1 and
// labelling it by NeutralBand.
func SentimentOf(score float64) Sentiment {
	switch {
	case score > 1:
		score = 1
	case score < -1:
		score = -1
	}
	label := Neutral
	if score > NeutralBand {
		label = Positive
	} else if score < -NeutralBand {
		label = Negative
	}
	return Sentiment{Score: score, Label: label}
}

// Company is a listed company an article is about.
type Company struct {
	Name       string    `json:"name"`
	Country    string    `json:"country,omitempty"`
	Sector     string    `json:"sector,omitempty"`
	Industry   string    `json:"industry,omitempty"`
	Listings   []Listing `json:"listings"`
	MatchScore float64   `json:"match_score"`
	Sentiment  Sentiment `json:"sentiment"`
	Mentions   []Mention `json:"mentions"`
}

// PrimaryListing is the company's first (primary) listing, or the zero Listing.
func (c Company) PrimaryListing() Listing {
	if len(c.Listings) == 0 {
		return Listing{}
	}
	return c.Listings[0]
}

// HasSymbol reports whether one of the company's listings matches sym, which is
// either a bare symbol ("NSANY") or SYMBOL.MIC ("7201.XTKS"), case-insensitively.
func (c Company) HasSymbol(sym string) bool {
	for _, l := range c.Listings {
		if strings.EqualFold(l.Symbol, sym) || strings.EqualFold(l.Key(), sym) {
			return true
		}
	}
	return false
}

// Organization is a named organisation that is not a listed company
// (SpaceX, ByteDance, a regulator, a newspaper).
type Organization struct {
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
}

// Person is a named person, with their role and company where the text gives them.
type Person struct {
	Name     string    `json:"name"`
	Role     string    `json:"role,omitempty"`
	Company  string    `json:"company,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Place is a named place with its ISO 3166 alpha-2 country. Mentions are
// the place's names in the text ("Japan", "Yokosuka"); Demonyms are the
// adjectives and people names that refer to it ("Japanese automakers",
// "the Taiwanese firm"), kept apart because they name no place.
type Place struct {
	Name     string    `json:"name"`
	Country  string    `json:"country,omitempty"`
	Mentions []Mention `json:"mentions"`
	Demonyms []Mention `json:"demonyms,omitempty"`
}

// Event types, the taxonomy of DESIGN.md.
const (
	EventEarnings          = "earnings"
	EventGuidance          = "guidance"
	EventMergerAcquisition = "merger_acquisition"
	EventPartnership       = "partnership"
	EventInvestment        = "investment"
	EventRestructuring     = "restructuring"
	EventExecutiveChange   = "executive_change"
	EventBuyback           = "buyback"
	EventDividend          = "dividend"
	EventStockMove         = "stock_move"
	EventAnalystRating     = "analyst_rating"
	EventLitigation        = "litigation"
	EventRegulatory        = "regulatory"
	EventTradePolicy       = "trade_policy"
	EventProduct           = "product"
	EventIncident          = "incident"
	EventLabor             = "labor"
	EventFinancing         = "financing"
	EventBankruptcy        = "bankruptcy"
	EventMacro             = "macro"
)

// EventTypes lists every event type in the taxonomy.
var EventTypes = []string{
	EventEarnings, EventGuidance, EventMergerAcquisition, EventPartnership,
	EventInvestment, EventRestructuring, EventExecutiveChange, EventBuyback,
	EventDividend, EventStockMove, EventAnalystRating, EventLitigation,
	EventRegulatory, EventTradePolicy, EventProduct, EventIncident, EventLabor,
	EventFinancing, EventBankruptcy, EventMacro,
}

// Event statuses, as the text tells them.
const (
	StatusReported   = "reported"
	StatusAnnounced  = "announced"
	StatusCompleted  = "completed"
	StatusDenied     = "denied"
	StatusTerminated = "terminated"
)

// Event is something that happened to companies, as one article tells it.
type Event struct {
	Type       string   `json:"type"`
	Status     string   `json:"status,omitempty"`
	ReportedBy string   `json:"reported_by,omitempty"`
	Confidence float64  `json:"confidence"`
	Companies  []string `json:"companies"` // listing keys, SYMBOL.MIC
	Evidence   Span     `json:"evidence"`
}

// Fact kinds.
const (
	FactMoney   = "money"
	FactPercent = "percent"
	FactCount   = "count"
)

// Fact is a number the text states: money with its currency, a percentage,
// or a count of something.
type Fact struct {
	Kind  string  `json:"kind"`
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// Annotation is everything the annotators find in one article.
type Annotation struct {
	Language      string         `json:"language"`
	Sentiment     Sentiment      `json:"sentiment"`
	Companies     []Company      `json:"companies"`
	Organizations []Organization `json:"organizations"`
	People        []Person       `json:"people"`
	Places        []Place        `json:"places"`
	Events        []Event        `json:"events"`
	Facts         []Fact         `json:"facts"`
}

// Article kinds.
const (
	KindArticle  = "article"  // a full article with a body
	KindHeadline = "headline" // a headline-only item, such as one listed under an article
)

// Article is one news item with its annotations.
type Article struct {
	UUID         string     `json:"uuid"`
	Kind         string     `json:"kind"`
	URL          string     `json:"url"`
	CanonicalURL string     `json:"canonical_url"`
	Title        string     `json:"title"`
	Description  string     `json:"description"`
	Text         string     `json:"text"`
	Author       string     `json:"author"`
	Published    time.Time  `json:"published"` // zero when unknown
	Discovered   time.Time  `json:"discovered"`
	Source       string     `json:"source"` // the source's name or domain
	SourceID     int64      `json:"source_id"`
	Language     string     `json:"language"`
	ContentHash  string     `json:"content_hash"`
	ParentUUID   string     `json:"parent_uuid"` // the page a headline item was listed on
	StoryID      string     `json:"story_id"`
	Annotation   Annotation `json:"annotation"`
}

// Body is the text the annotators read: the title, a blank line and the text,
// or whichever of the two is present. Annotation offsets point into it.
func Body(title, text string) string {
	switch {
	case title == "":
		return text
	case text == "":
		return title
	}
	return title + "\n\n" + text
}

// When is the article's time for ordering: published, or discovered when the
// published time is unknown.
func (a *Article) When() time.Time {
	if a.Published.IsZero() {
		return a.Discovered
	}
	return a.Published
}

// Story is a group of articles that tell the same news.
type Story struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	ArticleCount int       `json:"article_count"`
	First        time.Time `json:"first"`
	Last         time.Time `json:"last"`
}

// Source is a place news comes from: a feed, a page, a directory, the push API.
type Source struct {
	ID                  int64             `json:"id"`
	Kind                string            `json:"kind"` // feed, page, sitemap, file, push
	URL                 string            `json:"url"`
	Name                string            `json:"name"`
	FullText            bool              `json:"full_text"`
	Interval            time.Duration     `json:"interval"`
	Headers             map[string]string `json:"headers,omitempty"`
	LastSuccess         time.Time         `json:"last_success"`
	LastError           string            `json:"last_error"`
	LastErrorAt         time.Time         `json:"last_error_at"`
	ConsecutiveFailures int               `json:"consecutive_failures"`
	ItemsSeen           int               `json:"items_seen"`
	Blocked             bool              `json:"blocked"`
	ETag                string            `json:"etag,omitempty"`
	LastModified        string            `json:"last_modified,omitempty"`
	NextPoll            time.Time         `json:"next_poll"`
}
