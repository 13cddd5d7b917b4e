// Package alert turns newly stored articles into notifications: the live
// stream hub (Server-Sent Events), the in-memory article filter both share
// with /v1/news/all, watchlist rules, and signed webhook delivery with
// retries and a delivery log.
package alert

import (
	"net/url"
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// Filter decides in memory whether an article matches a store.Query the
// way the stores' SearchArticles does (GroupSimilar, sorting and paging
// aside), for articles as they arrive.
type Filter struct {
	q       store.Query
	search  searchquery.Node
	symbols []store.SymbolMatch
}

// NewFilter compiles q; a search that cannot be run is an error wrapping
// store.ErrBadQuery.
func NewFilter(q store.Query) (*Filter, error) {
	q, search, err := store.Normalize(q)
	if err != nil {
		return nil, err
	}
	return &Filter{q: q, search: search, symbols: store.SymbolMatches(q.Symbols)}, nil
}

// Match reports whether a passes the filter.
func (f *Filter) Match(a *news.Article) bool {
	q := &f.q
	when := a.When()
	if (!q.PublishedAfter.IsZero() && when.Before(q.PublishedAfter)) || (!q.PublishedBefore.IsZero() && when.After(q.PublishedBefore)) {
		return false
	}
	if len(q.Languages) > 0 && !containsFold(q.Languages, a.Language) {
		return false
	}
	if (q.StoryID != "" && a.StoryID != q.StoryID) || (q.ParentUUID != "" && a.ParentUUID != q.ParentUUID) || (q.Kind != "" && a.Kind != q.Kind) {
		return false
	}
	if len(q.SourceIDs) > 0 && !slices.Contains(q.SourceIDs, a.SourceID) {
		return false
	}
	domain := Domain(a.URL)
	if len(q.Domains) > 0 && !domainIn(domain, q.Domains) {
		return false
	}
	if len(q.ExcludeDomains) > 0 && domainIn(domain, q.ExcludeDomains) {
		return false
	}
	listings, events := store.IndexRows(a.Annotation)
	if len(q.Events) > 0 && !slices.ContainsFunc(events, func(e string) bool { return containsFold(q.Events, e) }) {
		return false
	}
	if q.HasEntityFilter() && !slices.ContainsFunc(listings, f.entityMatch) {
		return false
	}
	return f.search == nil || searchquery.Match(f.search, searchquery.NewText(a.Title+"\n"+a.Description+"\n"+a.Text))
}

// entityMatch reports whether one listing passes the entity filters.
func (f *Filter) entityMatch(l store.ListingRow) bool {
	q := &f.q
	if len(f.symbols) > 0 && !symbolMatch(f.symbols, l) {
		return false
	}
	if (len(q.MICs) > 0 && !containsFold(q.MICs, l.MIC)) ||
		(len(q.Countries) > 0 && !containsFold(q.Countries, l.Country)) ||
		(len(q.Industries) > 0 && !slices.Contains(q.Industries, l.Industry)) ||
		(len(q.EntityTypes) > 0 && !containsFold(q.EntityTypes, store.EntityTypeEquity)) {
		return false
	}
	if (q.SentimentGTE != nil && l.Sentiment < *q.SentimentGTE) || (q.SentimentLTE != nil && l.Sentiment > *q.SentimentLTE) {
		return false
	}
	return l.MatchScore >= q.MinMatchScore
}

func symbolMatch(ms []store.SymbolMatch, l store.ListingRow) bool {
	for _, m := range ms {
		if m.Symbol == l.Symbol && (m.MIC == "" || m.MIC == l.MIC) {
			return true
		}
	}
	return false
}

// Domain is the lower-case host of an article URL, as the stores keep it.
func Domain(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

func domainIn(domain string, domains []string) bool {
	d := strings.TrimPrefix(domain, "www.")
	return slices.ContainsFunc(domains, func(x string) bool { return strings.EqualFold(strings.TrimPrefix(strings.ToLower(x), "www."), d) })
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(strings.TrimSpace(x), s) })
}
