package extract

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what one walk over the page collects for the metadata choices.
type pageMeta struct {
	title     string            // the <title> text
	meta      map[string]string // <meta name|property|itemprop> → content, first wins, keys lower-cased
	h1, h2    []string          // heading texts in page order
	canonical string            // <link rel=canonical href>
	lang      string            // <html lang>
	host      string            // host of the page URL

	ldAuthors       []string // author names in JSON-LD scripts
	itempropAuthors []string // texts of itemprop=author elements
	relAuthors      []string // texts of rel=author links
	classAuthors    []string // texts of elements whose class or id names an author or byline
	textBylines     []string // short texts that start like a byline ("Von ...", "By ...")
	lineBylines     []string // bylines in the page's lines of text (see lineBylines), read only when the others give none

	ldHeadlines             []string // headlines in JSON-LD scripts
	ldPublished, ldModified []string // datePublished and dateModified in JSON-LD scripts
	itemPublished           []string // itemprop=datePublished values and <time pubdate>
	timeStamps              []string // other machine-readable times: <time datetime>, itemprop=dateModified
}

// maxHeadings bounds the headings kept per level, maxHeadingParts the
// parts of one heading taken as candidates.
const (
	maxHeadings     = 8
	maxHeadingParts = 10
)

// headingParts are the runs of consecutive parts of a heading made of
// several (a kicker, the headline, a subtitle, a date), shortest first
// excluded: the whole heading is not among them.
func headingParts(n *html.Node) []string {
	for { // descend through wrappers such as <h1><a><span>...</span></a></h1>
		var only *html.Node
		count := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode {
				continue
			}
			only = c
			count++
		}
		if count != 1 || only.Type != html.ElementNode {
			break
		}
		n = only
	}
	var segs []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		var t string
		switch c.Type {
		case html.TextNode:
			t = c.Data
		case html.ElementNode:
			if c.DataAtom == atom.Br {
				continue
			}
			t = nodeText(c)
		}
		if t = foldSpace(t); t != "" {
			segs = append(segs, t)
		}
	}
	if len(segs) < 2 || len(segs) > 4 {
		return nil
	}
	var out []string
	for i := range segs {
		for j := i + 1; j <= len(segs); j++ {
			if i == 0 && j == len(segs) {
				continue
			}
			out = append(out, strings.Join(segs[i:j], " "))
		}
	}
	return out
}

func collectMeta(doc *html.Node, host string) *pageMeta {
	m := &pageMeta{meta: map[string]string{}, host: host}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Title:
				if m.title == "" {
					m.title = foldSpace(nodeText(n))
				}
				return
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if c := foldSpace(attr(n, "content")); key != "" && c != "" {
					if _, ok := m.meta[key]; !ok {
						m.meta[key] = c
					}
				}
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.H1, atom.H2:
				list := &m.h1
				if n.DataAtom == atom.H2 {
					list = &m.h2
				}
				if t := foldSpace(nodeText(n)); t != "" && len(*list) < maxHeadings*maxHeadingParts {
					*list = append(*list, t)
					*list = append(*list, headingParts(n)...)
				}
				return
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					m.addJSONLD(nodeRaw(n))
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			m.collectAuthor(n) // after the children: inner elements first
			m.collectDate(n)
		}
	}
	walk(doc)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

// nodeText is the text under n, scripts and styles left out.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skipTags[n.DataAtom]:
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// authorClass are words in class or id values of bylines.
var authorClass = []string{"author", "byline", "verfasser"}

// commentClass matches class or id values of comments, whose authors are not
// the article's.
var commentClass = []string{"comment", "reply", "respond"}

// bylineStart matches the start of a byline in the page text.
var bylineStart = regexp.MustCompile(`^(?:(?i:(?:posted|written|published)\s+by|(?:gespeichert|geschrieben|verfasst)\s+von|autor(?:en|in)?\s*:|author\s*:)\s*\S|(?i:by|von|par|por|autor(?:en|in)?|author|text)\s*:?\s+\p{Lu}|责任编辑\s*[：:])`)

// bylineLabel matches a line that is only a byline's lead-in ("Von:",
// "Autor"), the name following on the next line.
var bylineLabel = regexp.MustCompile(`^(?:(?i:by|von|text)\s*:|(?i:autor(?:en|in)?|author|verfasser(?:in)?)\s*:?|责任编辑\s*[:：]?)$`)

// bylineLead is how the first text of a byline element starts; only such
// elements are read whole.
var bylineLead = regexp.MustCompile(`^\s*(?:(?i:posted|written|published|gespeichert|geschrieben|verfasst|by|von|par|por|autor(?:en|in)?|author|text)\b|责任编辑)`)

// bylineTags are the elements searched for bylines in the text.
var bylineTags = map[atom.Atom]bool{atom.P: true, atom.Span: true, atom.Div: true, atom.Strong: true, atom.Em: true, atom.B: true, atom.I: true}

// maxBylineLen is the longest text taken for a byline, in bytes.
const maxBylineLen = 60

// maxAuthorElems bounds the author elements kept per kind.
const maxAuthorElems = 5

func (m *pageMeta) collectAuthor(n *html.Node) {
	add := func(list *[]string) {
		if len(*list) < maxAuthorElems {
			if t := foldSpace(nodeText(n)); t != "" {
				*list = append(*list, t)
			}
		}
	}
	switch {
	case n.Data == "byline":
		add(&m.classAuthors)
	case strings.EqualFold(attr(n, "itemprop"), "author"):
		add(&m.itempropAuthors)
	case n.DataAtom == atom.A && hasToken(attr(n, "rel"), "author"):
		add(&m.relAuthors)
	case n.DataAtom != atom.Body && n.DataAtom != atom.Html && n.DataAtom != atom.Meta && n.DataAtom != atom.Link && isAuthorElement(n):
		add(&m.classAuthors)
	case bylineTags[n.DataAtom]:
		if len(m.textBylines) >= maxAuthorElems {
			return
		}
		if lead := firstText(n); !mayLeadByline(lead) || !bylineLead.MatchString(lead) {
			return
		}
		if t, ok := shortText(n, 8*maxBylineLen); ok {
			if t = foldSpace(t); len(t) <= maxBylineLen && bylineStart.MatchString(t) {
				m.textBylines = append(m.textBylines, t)
			}
		}
	}
}

// isAuthorElement reports whether the class, id or data-testid of n names
// an author or byline and none names a comment.
func isAuthorElement(n *html.Node) bool {
	author := false
	for _, a := range n.Attr {
		if a.Val == "" || a.Key != "class" && a.Key != "id" && a.Key != "data-testid" {
			continue
		}
		v := strings.ToLower(a.Val)
		if containsAny(v, commentClass) {
			return false
		}
		author = author || containsAny(v, authorClass)
	}
	return author
}

// mayLeadByline is a quick test before bylineLead: whether s, after white
// space, starts with a letter one of its words starts with.
func mayLeadByline(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" {
		return false
	}
	switch s[0] | 0x20 { // ASCII lower case
	case 'p', 'w', 'g', 'v', 'b', 'a', 't':
		return true
	}
	return strings.HasPrefix(s, "责")
}

// nodeRaw is the raw text content of n (a script's source).
func nodeRaw(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// shortText is the text under n when it is at most max bytes long; ok is
// false (and the walk stops early) when it is longer.
func shortText(n *html.Node, max int) (text string, ok bool) {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return b.Len() <= max
		case n.Type == html.ElementNode && skipTags[n.DataAtom]:
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	return b.String(), true
}

// firstText is the first non-blank text node under n.
func firstText(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return c.Data
		case c.Type == html.ElementNode && !skipTags[c.DataAtom]:
			if t := firstText(c); t != "" {
				return t
			}
		}
	}
	return ""
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
