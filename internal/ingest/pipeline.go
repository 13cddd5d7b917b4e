// Package ingest brings news in: it reads files and directories (and, in
// sub-packages, feeds and pages), and drives each candidate article through
// annotation and story assignment into the store.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
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
		a.ContentHash = ContentHash(a.Title, a.Text)
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
	created, err := p.Store.SaveArticle(ctx, a)
	if err != nil {
		return false, err
	}
	// Only new articles join stories: a copy already stored must not count twice.
	if created && p.Stories != nil {
		a.StoryID = p.Stories.AssignStory(a)
		if err := p.Store.UpdateAnnotation(ctx, a.UUID, a.Annotation, a.StoryID); err != nil {
			return true, err
		}
	}
	if created && p.OnStored != nil {
		p.OnStored(a)
	}
	return created, nil
}

// ContentHash identifies an article's content: a SHA-256 over its title and
// text with case, punctuation and spacing folded, so trivially different
// copies hash alike.
func ContentHash(title, text string) string {
	h := sha256.New()
	writeFolded := func(s string) {
		space := false
		for _, r := range s {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if space {
					h.Write([]byte{' '})
					space = false
				}
				var buf [4]byte
				n := encodeRune(buf[:], unicode.ToLower(r))
				h.Write(buf[:n])
			default:
				space = true
			}
		}
	}
	writeFolded(title)
	h.Write([]byte{0})
	writeFolded(text)
	return hex.EncodeToString(h.Sum(nil))
}

func encodeRune(buf []byte, r rune) int {
	return copy(buf, string(r))
}

// Lead returns the opening of text up to about max bytes, cut at a sentence
// or word boundary.
func Lead(text string, max int) string {
	text = strings.TrimSpace(text)
	if i := strings.Index(text, "\n"); i >= 0 {
		text = text[:i]
	}
	if len(text) <= max {
		return text
	}
	cut := text[:max]
	if i := strings.LastIndex(cut, ". "); i > max/3 {
		return cut[:i+1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
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
