// Package extract turns a web page into an article: title, body text, author,
// publication time, language and canonical URL. It wraps go-trafilatura,
// go-readability and go-htmldate and is pure: no network, no global state.
package extract

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Result is what Extract finds in a page.
type Result struct {
	Title        string
	Text         string
	Author       string
	Published    time.Time // zero when the page gives no date
	Language     string    // ISO 639-1, empty when unknown
	CanonicalURL string    // empty when neither the page nor the caller gives one
}

// HTML extracts the article from page, raw bytes in any charset (gzip
// compressed or not). pageURL, when not empty, is the address the page was
// fetched from; it resolves relative links and is the fallback canonical URL.
func HTML(page []byte, pageURL string) (Result, error) {
	utf, err := ToUTF8(page, "")
	if err != nil {
		return Result{}, err
	}
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return Result{}, fmt.Errorf("extract: parse: %w", err)
	}
	return Document(doc, pageURL)
}

// Document extracts the article from a parsed page. doc is not modified.
func Document(doc *html.Node, pageURL string) (Result, error) {
	var u *nurl.URL
	if pageURL != "" {
		if p, err := nurl.Parse(pageURL); err == nil && p.IsAbs() {
			u = p
		}
	}
	date, _ := htmldate.FromDocument(doc, htmldate.Options{URL: pageURL, UseOriginalDate: true})
	tr, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:      u,
		ExcludeComments:  true,
		HtmlDateOverride: &date,
		Focus:            trafilatura.FavorRecall,
	})
	if err != nil {
		return Result{}, fmt.Errorf("extract: %w", err)
	}
	host := ""
	if u != nil {
		host = u.Hostname()
	}
	m := collectMeta(doc, host)
	tf := paragraphs(tr.ContentNode)
	var rd []string
	if art, err := readability.FromDocument(doc, u); err == nil && art.Node != nil {
		rd = paragraphs(art.Node)
	}
	title := chooseTitle(m, tr.Metadata.Title)
	res := Result{
		Title:     title,
		Text:      strings.Join(combine(tf, rd), "\n\n"),
		Author:    chooseAuthor(m, title),
		Language:  tr.Metadata.Language,
		Published: date.DateTime,
	}
	res.CanonicalURL = tr.Metadata.URL
	return res, nil
}

// combine merges the paragraphs trafilatura (tf) and readability (rd)
// extracted. Trafilatura recalls more of the article but also keeps
// boilerplate; readability's container is tighter. So tf's paragraphs are
// kept when they also occur in rd, unless rd found much less text than tf
// (readability then missed the article).
func combine(tf, rd []string) []string {
	if float64(textLen(rd)) < minReadabilityShare*float64(textLen(tf)) {
		return tf
	}
	all := strings.Join(rd, "\n")
	var out []string
	for _, p := range tf {
		if strings.Contains(all, p) {
			out = append(out, p)
		}
	}
	return out
}

// minReadabilityShare is the least share of trafilatura's text readability
// must find for combine to trust it.
const minReadabilityShare = 0.3

func textLen(ps []string) int {
	n := 0
	for _, p := range ps {
		n += len(p)
	}
	return n
}
