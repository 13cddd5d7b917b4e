package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Filter parameters of the Latest and Search pages.
const (
	paramQuery     = "q"
	paramSymbol    = "symbol" // repeated, or comma-separated
	paramEvent     = "event"
	paramSentiment = "sentiment"
	paramSource    = "source"
	paramFrom      = "from" // YYYY-MM-DD, inclusive
	paramTo        = "to"   // YYYY-MM-DD, inclusive
	paramPage      = "page"
)

// filters are the filters a page was asked for, as given and as a query.
type filters struct {
	Path      string // the page the filters apply to
	Q         string
	Symbols   []string
	Event     string
	Sentiment string
	Source    string
	From, To  string
	Page      int
	values    url.Values
}

// badFilter is a filter value that cannot be used; its message is shown.
type badFilter struct{ msg string }

func (e *badFilter) Error() string { return e.msg }

// maxPage bounds paging, so OFFSET stays cheap.
const maxPage = 200

// parseFilters reads the filter parameters of path's page.
func parseFilters(path string, v url.Values) (filters, error) {
	f := filters{Path: path, Page: 1, values: url.Values{}}
	f.Q = strings.TrimSpace(v.Get(paramQuery))
	if len(f.Q) > 1000 {
		return f, &badFilter{"The search is longer than 1000 characters."}
	}
	for _, s := range v[paramSymbol] {
		for _, sym := range strings.Split(s, ",") {
			if sym = strings.ToUpper(strings.TrimSpace(sym)); sym != "" && !slices.Contains(f.Symbols, sym) {
				f.Symbols = append(f.Symbols, sym)
			}
		}
	}
	f.Event = strings.TrimSpace(v.Get(paramEvent))
	if f.Event != "" && !slices.Contains(news.EventTypes, f.Event) {
		return f, &badFilter{"There is no event type " + strconv.Quote(f.Event) + "."}
	}
	f.Sentiment = strings.TrimSpace(v.Get(paramSentiment))
	if f.Sentiment != "" && f.Sentiment != news.Positive && f.Sentiment != news.Neutral && f.Sentiment != news.Negative {
		return f, &badFilter{"Sentiment must be positive, neutral or negative."}
	}
	f.Source = strings.TrimSpace(v.Get(paramSource))
	f.From, f.To = strings.TrimSpace(v.Get(paramFrom)), strings.TrimSpace(v.Get(paramTo))
	for _, d := range []string{f.From, f.To} {
		if _, err := parseDay(d); err != nil {
			return f, &badFilter{"Dates must look like 2026-03-01; got " + strconv.Quote(d) + "."}
		}
	}
	if s := v.Get(paramPage); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPage {
			return f, &badFilter{"The page must be a number from 1 to " + strconv.Itoa(maxPage) + "."}
		}
		f.Page = n
	}
	for name, val := range map[string]string{paramQuery: f.Q, paramEvent: f.Event, paramSentiment: f.Sentiment,
		paramSource: f.Source, paramFrom: f.From, paramTo: f.To} {
		if val != "" {
			f.values.Set(name, val)
		}
	}
	if len(f.Symbols) > 0 {
		f.values.Set(paramSymbol, strings.Join(f.Symbols, ","))
	}
	return f, nil
}

// parseDay reads YYYY-MM-DD as midnight UTC; "" is the zero time.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, s)
}

// query is the store query for the filters, pageSize articles a page,
// counting matches up to countLimit.
func (f filters) query(pageSize, facetSample, countLimit int) store.BrowseQuery {
	q := store.BrowseQuery{
		Query:       store.Query{Symbols: f.Symbols, Search: f.Q, Limit: pageSize, Offset: (f.Page - 1) * pageSize},
		Sentiment:   f.Sentiment,
		Source:      f.Source,
		FacetSample: facetSample,
		CountLimit:  countLimit,
	}
	if f.Event != "" {
		q.Events = []string{f.Event}
	}
	q.PublishedAfter, _ = parseDay(f.From)
	if to, _ := parseDay(f.To); !to.IsZero() {
		q.PublishedBefore = to.Add(24*time.Hour - time.Microsecond)
	}
	return q
}

// Any reports whether any filter is set.
func (f filters) Any() bool { return len(f.values) > 0 }

// URL is the page's URL with these filters.
func (f filters) URL() string { return f.with(nil) }

// With is the page's URL with the filter name set to value (or removed when
// value is ""), back on page 1.
func (f filters) With(name, value string) string {
	return f.with(func(v url.Values) {
		if value == "" {
			v.Del(name)
		} else {
			v.Set(name, value)
		}
	})
}

// Day is the page's URL narrowed to one day.
func (f filters) Day(day string) string {
	return f.with(func(v url.Values) { v.Set(paramFrom, day); v.Set(paramTo, day) })
}

// Without is the page's URL without the date filters.
func (f filters) WithoutDates() string {
	return f.with(func(v url.Values) { v.Del(paramFrom); v.Del(paramTo) })
}

// PageURL is the URL of page n of the results.
func (f filters) PageURL(n int) string {
	return f.with(func(v url.Values) {
		if n > 1 {
			v.Set(paramPage, strconv.Itoa(n))
		}
	})
}

// Has reports whether the filter name is set to value.
func (f filters) Has(name, value string) bool {
	if name == paramSymbol {
		return slices.Contains(f.Symbols, value)
	}
	return f.values.Get(name) == value
}

func (f filters) with(edit func(url.Values)) string {
	v := url.Values{}
	for k, vals := range f.values {
		v[k] = slices.Clone(vals)
	}
	if edit != nil {
		edit(v)
	}
	if len(v) == 0 {
		return f.Path
	}
	return f.Path + "?" + v.Encode()
}

// streamURL is the API's live stream for the filters the stream supports
// (those of /v1/news/all).
func (f filters) streamURL() string {
	v := url.Values{}
	if len(f.Symbols) > 0 {
		v.Set("symbols", strings.Join(f.Symbols, ","))
	}
	if f.Event != "" {
		v.Set("events", f.Event)
	}
	if f.Q != "" {
		v.Set("search", f.Q)
	}
	if len(v) == 0 {
		return "/v1/stream"
	}
	return "/v1/stream?" + v.Encode()
}
