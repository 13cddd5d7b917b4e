package web

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/microcosm-cc/bluemonday"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/news"
)

// htmlPolicy keeps the harmless formatting of stored HTML (feed
// descriptions) and drops everything else: scripts, styles, event handlers.
var htmlPolicy = bluemonday.UGCPolicy().RequireNoFollowOnLinks(true).AddTargetBlankToFullyQualifiedLinks(true)

var funcs = template.FuncMap{
	"ago":      ago,
	"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"date":     func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
	"datetime": func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") },
	"title":    func(a news.Article) string { return api.DisplayTitle(&a) },
	"tone":     tone,
	"signed":   func(f float64) string { return fmt.Sprintf("%+.2f", f) },
	"percent":  func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
	"exchange": api.ExchangeName,
	"chips":    chips,
	"eventTypes": func(a news.Article) []string {
		var out []string
		for _, e := range a.Annotation.Events {
			if !slices.Contains(out, e.Type) {
				out = append(out, e.Type)
			}
		}
		return out
	},
	"label":    func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"sanitize": func(s string) template.HTML { return template.HTML(htmlPolicy.Sanitize(s)) },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"eventNames": func() []string { return news.EventTypes },
	"webURL":     webURL,
	"sentiments": func() []string { return []string{news.Positive, news.Neutral, news.Negative} },
	"primary":    func(c news.Company) news.Listing { return c.PrimaryListing() },
}

// ago is how long ago t was, for people.
func ago(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := time.Since(t)
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit + " ago"
		}
		return strconv.Itoa(n) + " " + unit + "s ago"
	}
	switch {
	case d < 0:
		return t.UTC().Format("2 Jan 2006 15:04")
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d.Minutes()), "minute")
	case d < 48*time.Hour:
		return plural(int(d.Hours()), "hour")
	case d < 30*24*time.Hour:
		return plural(int(d.Hours()/24), "day")
	}
	return t.UTC().Format("2 Jan 2006")
}

// tone is a sentiment's label, neutral when it has none.
func tone(s news.Sentiment) string {
	if s.Label == "" {
		return news.Neutral
	}
	return s.Label
}

// chip is a company's listing as the pages show it.
type chip struct {
	Name    string
	Listing news.Listing
	Tone    string
}

// chips are the primary listings of an article's companies, once each.
func chips(a news.Article) []chip {
	var out []chip
	seen := map[news.Listing]bool{}
	for _, c := range a.Annotation.Companies {
		l := c.PrimaryListing()
		if l.Symbol == "" || seen[l] {
			continue
		}
		seen[l] = true
		out = append(out, chip{Name: c.Name, Listing: l, Tone: tone(c.Sentiment)})
	}
	return out
}

// webURL is u when it is an http or https URL, else "" (file paths and
// other schemes are not links).
func webURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}
