package api

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/store"
)

// Paging limits.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// NewsParams is a parsed news query: the store query and the page asked for.
type NewsParams struct {
	Query store.Query
	Page  int
	Limit int
}

var symbolPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.\-^=/]{0,24}$`)

// knownNewsParams are the parameters the news endpoints accept; any other
// is reported, so a typo does not silently return everything.
var knownNewsParams = map[string]bool{
	"symbols": true, "search": true, "published_after": true, "published_before": true,
	"published_on": true, "language": true, "limit": true, "page": true, "api_token": true,
	"events": true, "story": true,
}

// ParseNewsParams reads /v1/news/all's parameters. A bad value is a
// malformed_parameters error naming the parameter.
func ParseNewsParams(v url.Values) (NewsParams, *Error) {
	p := NewsParams{Page: 1, Limit: DefaultLimit}
	for name := range v {
		if !knownNewsParams[name] {
			return p, badParam(name, "is not supported by this endpoint.")
		}
	}
	if s := v.Get("symbols"); s != "" {
		for _, sym := range splitList(s) {
			if !symbolPattern.MatchString(sym) {
				return p, badParam("symbols", "must be a comma-separated list of symbols (e.g. AAPL,7201.XTKS); got "+strconv.Quote(sym)+".")
			}
			p.Query.Symbols = append(p.Query.Symbols, strings.ToUpper(sym))
		}
	}
	if s := v.Get("language"); s != "" {
		for _, lang := range splitList(s) {
			if len(lang) != 2 {
				return p, badParam("language", "must be a comma-separated list of ISO 639-1 codes (e.g. en,de).")
			}
			p.Query.Languages = append(p.Query.Languages, strings.ToLower(lang))
		}
	}
	if s := v.Get("events"); s != "" {
		p.Query.Events = splitList(s)
	}
	p.Query.StoryID = v.Get("story")
	p.Query.Search = strings.TrimSpace(v.Get("search"))
	if len(p.Query.Search) > 1000 {
		return p, badParam("search", "is longer than 1000 characters.")
	}

	var err *Error
	if p.Query.PublishedAfter, err = parseTimeParam(v, "published_after"); err != nil {
		return p, err
	}
	if p.Query.PublishedBefore, err = parseTimeParam(v, "published_before"); err != nil {
		return p, err
	}
	if on, err := parseTimeParam(v, "published_on"); err != nil {
		return p, err
	} else if !on.IsZero() {
		day := time.Date(on.Year(), on.Month(), on.Day(), 0, 0, 0, 0, time.UTC)
		p.Query.PublishedAfter = day
		p.Query.PublishedBefore = day.AddDate(0, 0, 1)
	}

	if s := v.Get("limit"); s != "" {
		n, convErr := strconv.Atoi(s)
		if convErr != nil || n < 1 || n > MaxLimit {
			return p, badParam("limit", "must be a whole number from 1 to "+strconv.Itoa(MaxLimit)+".")
		}
		p.Limit = n
	}
	if s := v.Get("page"); s != "" {
		n, convErr := strconv.Atoi(s)
		if convErr != nil || n < 1 || n > 1_000_000 {
			return p, badParam("page", "must be a whole number of at least 1.")
		}
		p.Page = n
	}
	p.Query.Limit = p.Limit
	p.Query.Offset = (p.Page - 1) * p.Limit
	return p, nil
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
