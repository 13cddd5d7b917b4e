// Package ingest brings news in: it reads files and directories (and, in
// sub-packages, feeds and pages), and drives each candidate article through
// annotation and story assignment into the store.
package ingest

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/text"
	"github.com/tickerwire/tickerwire/internal/urlnorm"
)

// StoryAssigner puts an annotated article into a story and returns the story's id.
type StoryAssigner interface {
	AssignStory(a *news.Article) string
}

// Pipeline takes candidate articles through annotation and story assignment
// into the store. It is safe for concurrent use when its parts are.
type Pipeline struct {
	Store     store.Store
	Annotator *annotate.Annotator
	Stories   StoryAssigner         // optional
	OnStored  func(a *news.Article) // optional: called for each new article
	Now       func() time.Time      // optional: the clock, time.Now by default
}

// ErrEmpty is returned for an article with neither title nor text.
var ErrEmpty = errors.New("article has neither title nor text")

// Size bounds of a stored article. News articles are far shorter; a
// longer title or text is a broken or hostile source, cut so that one item
// cannot hold up annotation for minutes or bloat the index.
const (
	MaxTitleBytes = 2 << 10
	MaxTextBytes  = 256 << 10
)

// truncate cuts s to at most n bytes, at a UTF-8 character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Add annotates and stores one article unless an article with the same
// canonical URL or content hash is already stored. It fills a.UUID and
// reports whether the article was new.
func (p *Pipeline) Add(ctx context.Context, a *news.Article) (bool, error) {
	a.Title = strings.TrimSpace(truncate(a.Title, MaxTitleBytes))
	a.Text = strings.TrimSpace(truncate(a.Text, MaxTextBytes))
	if a.Title == "" && a.Text == "" {
		return false, ErrEmpty
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if a.Discovered.IsZero() {
		a.Discovered = now().UTC()
	}
	if a.Kind == "" {
		a.Kind = news.KindArticle
	}
	a.CanonicalURL = canonicalURL(a.CanonicalURL, a.URL)
	if a.ContentHash == "" {
		a.ContentHash = store.ContentHash(a.Title, a.Text)
	}
	// A copy already stored costs one lookup, not an annotation.
	if id, err := p.Store.FindArticle(ctx, a); err == nil {
		a.UUID = id
		return false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return false, err
	}
	if a.Description == "" {
		a.Description = Lead(a.Text, 300)
	}
	doc := annotate.NewDocument(a.Title, a.Text)
	doc.Published = a.Published
	doc.Source = a.Source
	a.Annotation = p.Annotator.Annotate(doc)
	if a.Language == "" {
		a.Language = a.Annotation.Language
	}
	// The story is chosen before the one write. A copy saved by a concurrent
	// Add between the lookup above and the save below is then counted in
	// its story once more: rare, and harmless to the story's other members.
	if p.Stories != nil {
		if a.UUID == "" {
			a.UUID = store.NewUUID()
		}
		a.StoryID = p.Stories.AssignStory(a)
	}
	created, err := p.Store.SaveArticle(ctx, a)
	if err != nil {
		return false, err
	}
	if created && p.OnStored != nil {
		p.OnStored(a)
	}
	return created, nil
}

// Lead returns the opening of body up to about max bytes, cut at a sentence
// or word boundary.
func Lead(body string, max int) string {
	body = strings.TrimSpace(body)
	if i := strings.Index(body, "\n"); i >= 0 {
		body = body[:i]
	}
	if len(body) <= max {
		return body
	}
	if i := strings.LastIndex(body[:max], ". "); i > max/3 {
		return body[:i+1]
	}
	return text.Shorten(body, max)
}

// canonicalURL is the article's canonical URL without tracking parameters:
// the one the page declared when it is valid, else the URL it came from.
func canonicalURL(declared, fetched string) string {
	for _, u := range []string{declared, fetched} {
		if u == "" {
			continue
		}
		if c, err := urlnorm.Canonical(u); err == nil {
			return c
		}
	}
	return fetched
}
