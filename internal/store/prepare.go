package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// This file holds what every Store implementation does the same way before
// it talks to its database.

// ContentHash identifies an article's content: the hex SHA-256 of its body
// (title and text) with case folded and every run of punctuation and
// spacing made one space, so trivially different copies of one story hash
// alike.
func ContentHash(title, text string) string {
	h := sha256.New()
	var buf []byte
	fold := func(s string) {
		space := false
		for _, r := range s {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				space = true
				continue
			}
			if space && len(buf) > 0 {
				buf = append(buf, ' ')
			}
			space = false
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	fold(news.Body(title, text))
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// Prepare checks an article before it is stored and fills its defaults: kind
// article, discovered now, the content hash; the language is lower-cased. Times are truncated to
// microseconds (what both databases keep) and put in UTC. A UUID the caller
// set must be valid.
func Prepare(a *news.Article, now time.Time) error {
	if strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Text) == "" {
		return fmt.Errorf("%w: article has neither title nor text", ErrInvalid)
	}
	if a.UUID != "" {
		id, err := uuid.Parse(a.UUID)
		if err != nil {
			return fmt.Errorf("%w: article uuid %q: %v", ErrInvalid, a.UUID, err)
		}
		a.UUID = id.String()
	}
	a.Language = strings.ToLower(a.Language)
	if a.Kind == "" {
		a.Kind = news.KindArticle
	}
	if a.Discovered.IsZero() {
		a.Discovered = now
	}
	a.Published = TruncateTime(a.Published)
	a.Discovered = TruncateTime(a.Discovered)
	if a.ContentHash == "" {
		a.ContentHash = ContentHash(a.Title, a.Text)
	}
	return nil
}

// ParseUUID returns id in canonical lower-case form, and false when it is
// not a UUID (so no article has it).
func ParseUUID(id string) (string, bool) {
	u, err := uuid.Parse(id)
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// PrepareAll prepares each article (see Prepare) and returns its annotation
// as JSON. It fails, naming the article, when any is invalid.
func PrepareAll(as []*news.Article, now time.Time) ([][]byte, error) {
	anns := make([][]byte, len(as))
	for i, a := range as {
		if err := Prepare(a, now); err != nil {
			return nil, fmt.Errorf("article %d: %w", i, err)
		}
		var err error
		if anns[i], err = json.Marshal(a.Annotation); err != nil {
			return nil, fmt.Errorf("article %d: %w: annotation: %v", i, ErrInvalid, err)
		}
	}
	return anns, nil
}

// NewUUID returns a new random article UUID.
func NewUUID() string { return uuid.NewString() }

// TruncateTime returns t in UTC to the microsecond; the zero time stays zero.
func TruncateTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Microsecond)
}

// URLKey is the URL an article is deduplicated by: its canonical URL, else
// its URL, else "" (deduplicated by content hash only).
func URLKey(a *news.Article) string {
	if a.CanonicalURL != "" {
		return a.CanonicalURL
	}
	return a.URL
}

// DedupKeys returns what an article is deduplicated by, as query
// arguments: its content hash (computed when unset) and its URL key (nil
// when it has none, so that it matches nothing).
func DedupKeys(a *news.Article) (hash string, urlKey any) {
	hash = a.ContentHash
	if hash == "" {
		hash = ContentHash(a.Title, a.Text)
	}
	if k := URLKey(a); k != "" {
		urlKey = k
	}
	return hash, urlKey
}

// ListingRow is one listing an article names, as the index tables keep it.
type ListingRow struct {
	Symbol     string // upper case
	MIC        string // upper case
	MatchScore float64
	Sentiment  float64
	Name       string
	Country    string // upper case
	Industry   string
	Rank       int // the listing's place among its company's listings; 0 is the primary
}

// IndexRows returns what the index tables keep of an annotation: each
// listing once (with the highest match score among the companies naming it)
// and each event type once.
func IndexRows(ann news.Annotation) (listings []ListingRow, events []string) {
	seen := map[news.Listing]int{}
	for _, c := range ann.Companies {
		for rank, l := range c.Listings {
			key := news.Listing{Symbol: strings.ToUpper(l.Symbol), MIC: strings.ToUpper(l.MIC)}
			if key.Symbol == "" {
				continue
			}
			row := ListingRow{Symbol: key.Symbol, MIC: key.MIC, MatchScore: c.MatchScore, Sentiment: c.Sentiment.Score,
				Name: c.Name, Country: strings.ToUpper(c.Country), Industry: c.Industry, Rank: rank}
			if i, ok := seen[key]; ok {
				if c.MatchScore > listings[i].MatchScore {
					listings[i] = row
				}
				continue
			}
			seen[key] = len(listings)
			listings = append(listings, row)
		}
	}
	for _, e := range ann.Events {
		if e.Type != "" && !slices.Contains(events, e.Type) {
			events = append(events, e.Type)
		}
	}
	return listings, events
}

// SymbolMatch is one way a Query symbol can match a listing: the symbol
// alone (MIC empty), or symbol and MIC.
type SymbolMatch struct {
	Symbol string
	MIC    string
}

// SymbolMatches turns Query.Symbols into what to look up, upper case: each
// entry as a bare symbol, and an entry SYMBOL.MIC also as symbol and MIC
// (symbols such as BRK.B contain dots themselves, so both are tried).
func SymbolMatches(symbols []string) []SymbolMatch {
	var out []SymbolMatch
	for _, s := range symbols {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s == "" {
			continue
		}
		out = append(out, SymbolMatch{Symbol: s})
		if i := strings.LastIndexByte(s, '.'); i > 0 && i < len(s)-1 {
			out = append(out, SymbolMatch{Symbol: s[:i], MIC: s[i+1:]})
		}
	}
	return out
}

// Normalize checks q and returns it with Limit defaulted and capped, Offset
// not negative, MaxFound defaulted, and Search parsed (nil when empty).
func Normalize(q Query) (Query, searchquery.Node, error) {
	switch {
	case q.Limit <= 0:
		q.Limit = DefaultLimit
	case q.Limit > MaxLimit:
		q.Limit = MaxLimit
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	if q.MaxFound <= 0 {
		q.MaxFound = DefaultMaxFound
	}
	q.PublishedAfter = TruncateTime(q.PublishedAfter)
	q.PublishedBefore = TruncateTime(q.PublishedBefore)
	search, err := searchquery.Parse(q.Search)
	if err != nil {
		return q, nil, err
	}
	return q, search, nil
}

// PrepareSource truncates a source's times as Prepare does an article's.
func PrepareSource(src *news.Source) {
	src.LastSuccess = TruncateTime(src.LastSuccess)
	src.LastErrorAt = TruncateTime(src.LastErrorAt)
	src.NextPoll = TruncateTime(src.NextPoll)
}
