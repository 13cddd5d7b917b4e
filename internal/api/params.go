package api

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Paging limits.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// NewsParams is a parsed news query: the store query, the page asked for
// and how to shape the answer.
type NewsParams struct {
	Query          store.Query
	Page           int
	Limit          int
	FilterEntities bool // return only the entities that match the entity filters
}

// Param documents one query parameter (for the OpenAPI document).
type Param struct {
	Name        string
	Type        string // string, integer, number, boolean
	Description string
	Enum        []string
}

// MarketauxEntityTypes are the entity types Marketaux knows; tickerwire
// tags only equities, so the others match nothing.
var MarketauxEntityTypes = []string{"equity", "index", "etf", "mutualfund", "currency", "cryptocurrency"}

// filterParams are the article filters of /v1/news/all, shared by the
// stream, feeds, entity statistics and export.
var filterParams = []Param{
	{"symbols", "string", "Comma-separated symbols, bare (NSANY) or SYMBOL.MIC (7201.XTKS).", nil},
	{"entity_types", "string", "Comma-separated entity types; tickerwire tags equities.", MarketauxEntityTypes},
	{"industries", "string", "Comma-separated industries of the entities.", nil},
	{"countries", "string", "Comma-separated ISO 3166 alpha-2 countries of the entities.", nil},
	{"sentiment_gte", "number", "Entities with a sentiment score of at least this (-1..1).", nil},
	{"sentiment_lte", "number", "Entities with a sentiment score of at most this (-1..1).", nil},
	{"min_match_score", "number", "Entities with a match score of at least this (0..1).", nil},
	{"must_have_entities", "boolean", "Only articles naming at least one listed company.", nil},
	{"search", "string", `Full-text search: words are ANDed, | is OR, - excludes, "..." is a phrase, * a prefix, () groups.`, nil},
	{"domains", "string", "Comma-separated domains the articles come from.", nil},
	{"exclude_domains", "string", "Comma-separated domains to leave out.", nil},
	{"source_ids", "string", "Comma-separated source IDs (see /v1/news/sources).", nil},
	{"language", "string", "Comma-separated ISO 639-1 languages.", nil},
	{"published_before", "string", "Published at or before this date or date-time (Y-m-d, Y-m-dTH:i:s, RFC 3339).", nil},
	{"published_after", "string", "Published at or after this date or date-time.", nil},
	{"published_on", "string", "Published on this day (Y-m-d).", nil},
	{"events", "string", "Comma-separated event types (tickerwire).", news.EventTypes},
	{"mic", "string", "Comma-separated ISO 10383 market codes of the listings (tickerwire).", nil},
	{"story", "string", "Articles of this story (tickerwire).", nil},
}

// newsPageParams are /v1/news/all's parameters beyond the filters.
var newsPageParams = []Param{
	{"filter_entities", "boolean", "Return only the entities that match the entity filters.", nil},
	{"group_similar", "boolean", "One article per story, the others under similar.", nil},
	{"sort", "string", "Sort order.", store.Sorts},
	{"sort_order", "string", "desc (default) or asc.", []string{"desc", "asc"}},
	{"limit", "integer", "Articles per page, 1.." + strconv.Itoa(MaxLimit) + " (default " + strconv.Itoa(DefaultLimit) + ").", nil},
	{"page", "integer", "Page number, from 1.", nil},
	{"cursor", "string", "Continue after the page that returned this meta.next_cursor (deep paging without a cap).", nil},
}

// authParam is the API key parameter every endpoint accepts.
var authParam = Param{"api_token", "string", "API key (or the header Authorization: Bearer KEY).", nil}

// newsAllParams are all of /v1/news/all's parameters.
var newsAllParams = concat(filterParams, newsPageParams)

func concat(lists ...[]Param) []Param {
	var out []Param
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// checkKnown reports the first parameter in v that is not in params.
func checkKnown(v url.Values, params ...[]Param) *Error {
	for name := range v {
		if name == authParam.Name {
			continue
		}
		known := false
		for _, ps := range params {
			if slices.ContainsFunc(ps, func(p Param) bool { return p.Name == name }) {
				known = true
				break
			}
		}
		if !known {
			return badParam(name, "is not supported by this endpoint.")
		}
	}
	return nil
}

var (
	symbolPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.\-^=/]{0,24}$`)
	micPattern      = regexp.MustCompile(`^[A-Za-z0-9]{4}$`)
	countryPattern  = regexp.MustCompile(`^[A-Za-z]{2}$`)
	domainPattern   = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\.)+[A-Za-z0-9-]{1,63}$`)
	industryPattern = regexp.MustCompile(`^[\p{L}\p{N} &,.'/()-]{1,100}$`)
	storyPattern    = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,200}$`)
)

// ParseNewsParams reads /v1/news/all's parameters. A bad value is a
// malformed_parameters error naming the parameter.
func ParseNewsParams(v url.Values) (NewsParams, *Error) {
	p := NewsParams{Page: 1, Limit: DefaultLimit}
	if err := checkKnown(v, newsAllParams); err != nil {
		return p, err
	}
	var err *Error
	if p.Query, err = parseFilters(v); err != nil {
		return p, err
	}
	if p.FilterEntities, err = parseBool(v, "filter_entities"); err != nil {
		return p, err
	}
	if p.Query.GroupSimilar, err = parseBool(v, "group_similar"); err != nil {
		return p, err
	}
	if s := v.Get("sort"); s != "" {
		if !slices.Contains(store.Sorts, s) {
			return p, badParam("sort", "must be one of "+strings.Join(store.Sorts, ", ")+".")
		}
		if s == store.SortRelevance && p.Query.Search == "" {
			return p, badParam("sort", "relevance_score needs a search.")
		}
		p.Query.Sort = s
	}
	switch v.Get("sort_order") {
	case "", "desc":
	case "asc":
		p.Query.Ascending = true
	default:
		return p, badParam("sort_order", "must be desc or asc.")
	}
	if p.Limit, err = parseInt(v, "limit", DefaultLimit, 1, MaxLimit); err != nil {
		return p, err
	}
	if p.Page, err = parseInt(v, "page", 1, 1, 1_000_000); err != nil {
		return p, err
	}
	if c := v.Get("cursor"); c != "" {
		if _, derr := store.DecodeCursor(c); derr != nil {
			return p, badParam("cursor", "is not a cursor this server returned.")
		}
		if p.Query.Sort != "" && p.Query.Sort != store.SortPublished {
			return p, badParam("cursor", "pages only by sort=published_on.")
		}
		if v.Get("page") != "" {
			return p, badParam("cursor", "cannot be combined with page.")
		}
		p.Query.Cursor = c
	}
	p.Query.Limit = p.Limit
	p.Query.Offset = (p.Page - 1) * p.Limit
	return p, nil
}

// parseFilters reads the article filters (filterParams).
func parseFilters(v url.Values) (store.Query, *Error) {
	var q store.Query
	var err *Error
	lists := []struct {
		name    string
		dst     *[]string
		valid   func(string) bool
		problem string
		norm    func(string) string
	}{
		{"symbols", &q.Symbols, symbolPattern.MatchString, "must be a comma-separated list of symbols (e.g. AAPL,7201.XTKS)", strings.ToUpper},
		{"entity_types", &q.EntityTypes, func(s string) bool { return slices.Contains(MarketauxEntityTypes, strings.ToLower(s)) },
			"must be a comma-separated list of " + strings.Join(MarketauxEntityTypes, ", "), strings.ToLower},
		{"industries", &q.Industries, industryPattern.MatchString, "must be a comma-separated list of industry names", nil},
		{"countries", &q.Countries, countryPattern.MatchString, "must be a comma-separated list of ISO 3166 alpha-2 codes (e.g. us,jp)", strings.ToUpper},
		{"domains", &q.Domains, domainPattern.MatchString, "must be a comma-separated list of domains (e.g. reuters.com)", strings.ToLower},
		{"exclude_domains", &q.ExcludeDomains, domainPattern.MatchString, "must be a comma-separated list of domains", strings.ToLower},
		{"language", &q.Languages, countryPattern.MatchString, "must be a comma-separated list of ISO 639-1 codes (e.g. en,de)", strings.ToLower},
		{"events", &q.Events, func(s string) bool { return slices.Contains(news.EventTypes, s) },
			"must be a comma-separated list of event types (" + strings.Join(news.EventTypes, ", ") + ")", nil},
		{"mic", &q.MICs, micPattern.MatchString, "must be a comma-separated list of ISO 10383 MICs (e.g. XNAS,XTKS)", strings.ToUpper},
	}
	for _, l := range lists {
		for _, item := range splitList(v.Get(l.name)) {
			if !l.valid(item) {
				return q, badParam(l.name, l.problem+"; got "+strconv.Quote(item)+".")
			}
			if l.norm != nil {
				item = l.norm(item)
			}
			*l.dst = append(*l.dst, item)
		}
	}
	for _, id := range splitList(v.Get("source_ids")) {
		n, convErr := strconv.ParseInt(id, 10, 64)
		if convErr != nil || n < 0 {
			return q, badParam("source_ids", "must be a comma-separated list of source IDs (see /v1/news/sources); got "+strconv.Quote(id)+".")
		}
		q.SourceIDs = append(q.SourceIDs, n)
	}
	if s := v.Get("story"); s != "" {
		if !storyPattern.MatchString(s) {
			return q, badParam("story", "must be a story ID.")
		}
		q.StoryID = s
	}
	q.Search = strings.TrimSpace(v.Get("search"))
	if len(q.Search) > 1000 {
		return q, badParam("search", "is longer than 1000 characters.")
	}
	if q.SentimentGTE, err = parseFloat(v, "sentiment_gte", -1, 1); err != nil {
		return q, err
	}
	if q.SentimentLTE, err = parseFloat(v, "sentiment_lte", -1, 1); err != nil {
		return q, err
	}
	if q.SentimentGTE != nil && q.SentimentLTE != nil && *q.SentimentGTE > *q.SentimentLTE {
		return q, badParam("sentiment_gte", "is greater than sentiment_lte.")
	}
	if m, err := parseFloat(v, "min_match_score", 0, 1); err != nil {
		return q, err
	} else if m != nil {
		q.MinMatchScore = *m
	}
	if q.MustHaveEntities, err = parseBool(v, "must_have_entities"); err != nil {
		return q, err
	}
	if q.PublishedAfter, err = parseTimeParam(v, "published_after"); err != nil {
		return q, err
	}
	if q.PublishedBefore, err = parseTimeParam(v, "published_before"); err != nil {
		return q, err
	}
	if on, err := parseTimeParam(v, "published_on"); err != nil {
		return q, err
	} else if !on.IsZero() {
		day := time.Date(on.Year(), on.Month(), on.Day(), 0, 0, 0, 0, time.UTC)
		q.PublishedAfter = day
		q.PublishedBefore = day.AddDate(0, 0, 1).Add(-time.Microsecond)
	}
	if !q.PublishedAfter.IsZero() && !q.PublishedBefore.IsZero() && q.PublishedAfter.After(q.PublishedBefore) {
		return q, badParam("published_after", "is later than published_before.")
	}
	return q, nil
}

func parseInt(v url.Values, name string, def, lo, hi int) (int, *Error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return def, badParam(name, "must be a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi)+".")
	}
	return n, nil
}

func parseFloat(v url.Values, name string, lo, hi float64) (*float64, *Error) {
	s := v.Get(name)
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < lo || f > hi || f != f {
		return nil, badParam(name, "must be a number from "+strconv.FormatFloat(lo, 'g', -1, 64)+" to "+strconv.FormatFloat(hi, 'g', -1, 64)+".")
	}
	return &f, nil
}

func parseBool(v url.Values, name string) (bool, *Error) {
	switch strings.ToLower(v.Get(name)) {
	case "":
		return false, nil
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, badParam(name, "must be true or false.")
}

func parseEnum(v url.Values, name, def string, allowed []string) (string, *Error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	if !slices.Contains(allowed, s) {
		return def, badParam(name, "must be one of "+strings.Join(allowed, ", ")+".")
	}
	return s, nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// timeParamLayouts are Marketaux's accepted date formats, most precise first.
var timeParamLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02T15",
	"2006-01-02", "2006-01", "2006",
}

// parseTimeParam reads a date parameter in any of Marketaux's formats
// (Y-m-d\TH:i:s, Y-m-d\TH:i, Y-m-d\TH, Y-m-d, Y-m, Y) or RFC 3339; times
// without a zone are UTC.
func parseTimeParam(v url.Values, name string) (time.Time, *Error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range timeParamLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, badParam(name, "must be a date or date-time such as 2025-01-31 or 2025-01-31T09:30:00; got "+strconv.Quote(s)+".")
}

// FilterParams returns the article filters /v1/news/all, the stream and
// the feeds share (for commands that take the same filters as flags).
func FilterParams() []Param { return slices.Clone(filterParams) }
