package alert

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"text/template"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// CheckWatchlist reports what is wrong with a watchlist, naming the field:
// unknown event types, searches that cannot be run, thresholds outside
// -1..1, a webhook URL that is not http(s), a template that does not parse.
func CheckWatchlist(w *store.Watchlist) error {
	var errs []error
	if strings.TrimSpace(w.Name) == "" {
		errs = append(errs, errors.New("name: is empty"))
	}
	for _, sym := range w.Symbols {
		if strings.TrimSpace(sym) == "" {
			errs = append(errs, errors.New("symbols: an empty symbol"))
		}
	}
	for _, s := range w.Searches {
		if _, err := searchquery.Parse(s); err != nil {
			errs = append(errs, fmt.Errorf("searches: %q: %v", s, err))
		}
	}
	for _, e := range w.Events {
		if !slices.Contains(news.EventTypes, e) {
			errs = append(errs, fmt.Errorf("events: %q is not an event type", e))
		}
	}
	for name, v := range map[string]*float64{"sentiment_gte": w.SentimentGTE, "sentiment_lte": w.SentimentLTE} {
		if v != nil && (*v < -1 || *v > 1) {
			errs = append(errs, fmt.Errorf("%s: %v is outside -1..1", name, *v))
		}
	}
	if w.Webhook.URL != "" {
		u, err := url.Parse(w.Webhook.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("webhook.url: %q is not an http(s) URL", w.Webhook.URL))
		}
	}
	if w.Webhook.Template != "" {
		if _, err := template.New("webhook").Parse(w.Webhook.Template); err != nil {
			errs = append(errs, fmt.Errorf("webhook.template: %v", err))
		}
	}
	return errors.Join(errs...)
}

// MatchWatchlist reports whether an article matches a watchlist: it names
// one of the symbols or matches one of the searches (either, when both are
// empty), has one of the event types (any, when none), and the sentiment of
// the named watched listings (or of the article, when it names none) is
// within the thresholds.
func MatchWatchlist(w *store.Watchlist, a *news.Article) bool {
	listings, events := store.IndexRows(a.Annotation)
	symbols := store.SymbolMatches(w.Symbols)
	var matched []store.ListingRow
	for _, l := range listings {
		if symbolMatch(symbols, l) {
			matched = append(matched, l)
		}
	}
	if len(w.Symbols) > 0 || len(w.Searches) > 0 {
		if len(matched) == 0 && !matchesAnySearch(w.Searches, a) {
			return false
		}
	}
	if len(w.Events) > 0 && !slices.ContainsFunc(events, func(e string) bool { return slices.Contains(w.Events, e) }) {
		return false
	}
	sentiment := a.Annotation.Sentiment.Score
	if len(matched) > 0 {
		sentiment = 0
		for _, l := range matched {
			sentiment += l.Sentiment
		}
		sentiment /= float64(len(matched))
	}
	return (w.SentimentGTE == nil || sentiment >= *w.SentimentGTE) && (w.SentimentLTE == nil || sentiment <= *w.SentimentLTE)
}

func matchesAnySearch(searches []string, a *news.Article) bool {
	if len(searches) == 0 {
		return false
	}
	text := searchquery.NewText(a.Title + "\n" + a.Description + "\n" + a.Text)
	for _, s := range searches {
		if n, err := searchquery.Parse(s); err == nil && n != nil && searchquery.Match(n, text) {
			return true
		}
	}
	return false
}
