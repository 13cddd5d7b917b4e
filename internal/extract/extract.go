// Package extract turns a web page into an article: title, body text, author,
// publication time, language and canonical URL. It wraps go-trafilatura,
// go-readability and go-htmldate and is pure: no network, no global state.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	nurl "net/url"
	"slices"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/urlnorm"
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
	return HTTPBody(page, "", pageURL)
}

// HTTPBody is HTML for a page fetched over HTTP: contentType is the
// response's Content-Type header, whose charset counts when the page is not
// valid UTF-8 and declares none itself.
func HTTPBody(page []byte, contentType, pageURL string) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil { // a library bug must not take the caller down
			res, err = Result{}, fmt.Errorf("extract: internal error: %v", p)
		}
	}()
	utf, err := ToUTF8(page, contentType)
	if err != nil {
		return Result{}, err
	}
	parse := func() (*html.Node, error) { return html.Parse(bytes.NewReader(utf)) }
	doc, err := parse()
	if err != nil {
		return Result{}, fmt.Errorf("extract: parse: %w", err)
	}
	return document(doc, pageURL, parse)
}

// Document extracts the article from a parsed page. doc is left as it was
// (parts of it are taken out and put back while Document runs, so nothing
// else may read it meanwhile).
func Document(doc *html.Node, pageURL string) (Result, error) {
	return document(doc, pageURL, nil)
}

// document extracts the article from doc. With reparse nil, doc is left as
// it was; otherwise doc may be changed and reparse gives the page's tree
// anew.
func document(doc *html.Node, pageURL string, reparse func() (*html.Node, error)) (Result, error) {
	var u *nurl.URL
	if p, err := nurl.Parse(strings.TrimSpace(pageURL)); err == nil && p.IsAbs() {
		u = p
	}
	host, base := "", ""
	if u != nil {
		host, base = u.Hostname(), u.String()
	}
	m := collectMeta(doc, host)
	date := findDate(doc, m, base)
	published := chooseDate(m, date, doc) // before readability may change doc
	if chooseAuthor(m, "") == "" {
		m.lineBylines = lineBylines(doc)
	}
	restore := pruneBoilerplate(doc)
	if reparse == nil {
		defer restore()
	}
	tf, rd, trTitle, trLang := bodies(doc, u, date, reparse)
	title := chooseTitle(m, firstNonEmpty(slices.Concat(m.ldHeadlines, []string{trTitle})...))
	res := Result{
		Title:        title,
		Text:         strings.Join(tidy(combine(tf, rd), title), "\n\n"),
		Author:       chooseAuthor(m, title),
		Published:    published,
		CanonicalURL: canonicalURL(m, base),
	}
	res.Language = language(m, trLang, res.Text)
	if res.Title == "" && res.Text == "" {
		return res, ErrNoContent
	}
	return res, nil
}

// bodies runs the two body extractors on doc: readability over the whole
// page, then trafilatura over the part readability chose (tf), which it
// cleans of the boilerplate readability keeps. That is cheaper than
// trafilatura over the whole page, whose cost grows with the page (see
// runTrafilatura). Only when readability finds less than minReadabilityText does
// trafilatura read the whole page. title and lang are the page title and
// text language the libraries found. doc is changed unless reparse is nil;
// reparse gives the whole page again.
func bodies(doc *html.Node, u *nurl.URL, date htmldate.Result, reparse func() (*html.Node, error)) (tf, rd []string, title, lang string) {
	opts := trafilaturaOptions(u, date)
	parser := newReadability()
	parse := parser.ParseDocument
	if reparse != nil {
		parse = parser.ParseAndMutate
	}
	art, err := parse(doc, u)
	if err == nil && art.Node != nil {
		rd = paragraphs(art.Node)
		title = art.Title()
	}
	if textLen(rd) >= minReadabilityText {
		tf, _, lang, _ = runTrafilatura(asDocument(art.Node), opts, true)
		return tf, rd, title, lang
	}
	if reparse != nil {
		if doc, err = reparse(); err != nil {
			return tf, rd, title, lang
		}
		pruneBoilerplate(doc)
	}
	// the caller's tree (reparse nil) is not to be changed
	if tf, trTitle, trLang, ok := runTrafilatura(doc, opts, reparse != nil); ok {
		return tf, rd, trTitle, trLang
	}
	return nil, rd, title, lang
}

// trafilaturaOptions are the options trafilatura runs with on a page from
// u (nil when not known) whose date is already found.
func trafilaturaOptions(u *nurl.URL, date htmldate.Result) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:      u,
		ExcludeComments:  true,
		HtmlDateOverride: &date,
		Focus:            trafilatura.FavorRecall,
	}
}

// newReadability is the readability parser bodies uses.
func newReadability() readability.Parser {
	parser := readability.NewParser()
	parser.KeepClasses = true // trafilatura reads them
	parser.DisableJSONLD = true
	parser.Logger = quiet // its default logger formats every message before discarding it
	return parser
}

// runTrafilatura runs trafilatura over doc and returns the paragraphs it
// keeps, the title it finds and the language it detects; ok is false when
// it fails. With shorten, the
// long plain paragraphs of doc are shortened for it (see shortenPlain), and
// doc is changed: trafilatura's cost grows with the text it reads (it copies
// the tree three times and detects the language of all the text it keeps).
func runTrafilatura(doc *html.Node, opts trafilatura.Options, shorten bool) (tf []string, title, lang string, ok bool) {
	var whole map[string]string
	if shorten {
		// trafilatura reads the text of all <p> against three times its
		// least extracted size, and falls back to all the text when it
		// keeps less than that size: what is cut still counts
		opts.Config = trafilatura.DefaultConfig()
		var cut int
		whole, cut = shortenPlain(doc, 3*opts.Config.MinExtractedSize)
		opts.Config.MinExtractedSize = max(0, opts.Config.MinExtractedSize-cut)
	}
	tr, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, "", "", false
	}
	return restorePlain(paragraphs(tr.ContentNode), whole), tr.Metadata.Title, tr.Metadata.Language, true
}

// quiet is a logger that drops messages without formatting them.
var quiet = slog.New(slog.DiscardHandler)

// minReadabilityText is the least text, in bytes, readability must find
// for trafilatura to read only readability's choice.
const minReadabilityText = 500

// asDocument moves n, taken from its tree, into the body of a new document.
func asDocument(n *html.Node) *html.Node {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	body.AppendChild(n)
	root := &html.Node{Type: html.ElementNode, Data: "html", DataAtom: atom.Html}
	root.AppendChild(&html.Node{Type: html.ElementNode, Data: "head", DataAtom: atom.Head})
	root.AppendChild(body)
	doc := &html.Node{Type: html.DocumentNode}
	doc.AppendChild(root)
	return doc
}

// ErrNoContent is returned when a page has neither a title nor any text.
var ErrNoContent = errors.New("extract: no title and no text")

// canonicalURL is the page's rel=canonical link, else its og:url, else the
// address it was fetched from, canonicalised by urlnorm; "" when none is a
// usable http(s) URL.
func canonicalURL(m *pageMeta, base string) string {
	for _, c := range []string{m.canonical, m.meta["og:url"]} {
		if c == "" {
			continue
		}
		if u, err := urlnorm.Resolve(base, c); err == nil {
			return u
		}
	}
	if u, err := urlnorm.Canonical(base); err == nil {
		return u
	}
	return ""
}

// language is the page's ISO 639-1 language: from <html lang>, the
// content-language or og:locale metadata, trafilatura's guess, or detected
// from the text.
func language(m *pageMeta, guess, text string) string {
	for _, l := range []string{m.lang, m.meta["content-language"], m.meta["og:locale"], m.meta["language"], guess} {
		if code := isoCode(l); code != "" {
			return code
		}
	}
	if info := whatlanggo.Detect(text); info.IsReliable() {
		return info.Lang.Iso6391()
	}
	return ""
}

// isoCode is the two-letter language part of a tag such as "de-DE" or
// "en_US", or "".
func isoCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	code, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	if len(code) != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z' {
		return ""
	}
	return code
}

// combine merges the paragraphs trafilatura (tf) and readability (rd)
// extracted. Trafilatura recalls more of the article but also keeps
// boilerplate; readability's container is tighter. So tf's paragraphs are
// kept when they also occur in rd, unless rd found much less text than tf
// (readability then missed the article). When trafilatura found nothing,
// rd is the text.
func combine(tf, rd []string) []string {
	if len(tf) == 0 {
		return rd
	}
	if float64(textLen(rd)) < minReadabilityShare*float64(textLen(tf)) {
		return tf
	}
	all := strings.Join(rd, " ")
	var out []string
	for _, p := range tf {
		if strings.Contains(all, p) {
			out = append(out, p)
		}
	}
	return out
}

// tidy drops paragraphs that repeat the headline: the title is its own
// field. (Bare URLs and repeated paragraphs stay: dropping them loses more
// article text than boilerplate on the benchmark pages.)
func tidy(paras []string, title string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if p != title {
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

// Article extracts the page as a news.Article (URL, canonical URL, title,
// text, author, published time and language set), the form ingest stores.
// It has the signature of ingest.HTMLExtractor.
func Article(page []byte, pageURL string) (news.Article, error) {
	return HTTPArticle(page, "", pageURL)
}

// HTTPArticle is Article for a page fetched over HTTP, with the response's
// Content-Type header (see HTTPBody).
func HTTPArticle(page []byte, contentType, pageURL string) (news.Article, error) {
	r, err := HTTPBody(page, contentType, pageURL)
	if err != nil {
		return news.Article{}, err
	}
	return news.Article{
		URL: pageURL, CanonicalURL: r.CanonicalURL, Title: r.Title, Text: r.Text,
		Author: r.Author, Published: r.Published, Language: r.Language,
	}, nil
}

// isCopyrightNotice reports whether a date was read from a copyright notice.
func isCopyrightNotice(src string) bool {
	return strings.Contains(src, "©") || strings.Contains(strings.ToLower(src), "copyright")
}
