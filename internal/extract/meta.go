package extract

import (
	"strings"

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
}

// maxHeadings bounds the headings kept per level.
const maxHeadings = 8

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
				if t := foldSpace(nodeText(n)); t != "" && len(*list) < maxHeadings {
					*list = append(*list, t)
				}
				return
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
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
