package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Trafilatura, run over readability's choice, takes the boilerplate out of
// it, and what it takes is marked: a class or id that names it (a caption,
// a teaser box), link text, or a short line (a credit, a "Read more"). A long
// paragraph of plain text, with few links, carries none of these marks and
// trafilatura keeps it, yet its cost grows with that text (it copies the
// tree three times and detects the language of all the text it keeps). So
// before trafilatura
// runs, shortenPlain cuts such paragraphs down to their first words, which
// keeps the tree's shape for trafilatura's choices, and the paragraphs
// trafilatura keeps get their whole text back.

// minPlainText is the least text, in bytes, of a paragraph shortenPlain
// cuts; plainStub is how many characters of it, at most, stay. (On the
// development pages, trafilatura keeps paragraphs cut to 40 characters as it
// keeps them whole, but drops some cut to 30.)
const (
	minPlainText = 150
	plainStub    = 60
)

// maxPlainLinkShare is the largest share of a plain paragraph's text that
// is link text.
const maxPlainLinkShare = 0.3

// shortenPlain cuts the plain paragraphs under n (see plainText) with at
// least minPlainText bytes of text down to about plainStub characters of their
// text, links taken out, as long as at least minLeft characters of text
// stay in n's <p> elements (trafilatura compares that text with its
// thresholds). It returns the whole text of each paragraph (as paragraphs
// renders it) by its shortened text, and the number of characters taken out
// of the paragraphs' text.
func shortenPlain(n *html.Node, minLeft int) (whole map[string]string, cut int) {
	left := paragraphRunes(n)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom != atom.P {
				walk(c)
				continue
			}
			if text, ok := plainText(c); !ok || text < minPlainText {
				continue
			}
			ps := paragraphs(c)
			if len(ps) != 1 || len(ps[0]) < minPlainText {
				continue
			}
			stub := prefixWords(ps[0], plainStub)
			if _, dup := whole[stub]; dup {
				continue
			}
			rest := left - paragraphRunes(c) + utf8.RuneCountInString(stub)
			if rest < minLeft {
				return
			}
			if whole == nil {
				whole = map[string]string{}
			}
			whole[stub] = ps[0]
			cut += utf8.RuneCountInString(ps[0]) - utf8.RuneCountInString(stub)
			left = rest
			for c.FirstChild != nil {
				c.RemoveChild(c.FirstChild)
			}
			c.AppendChild(&html.Node{Type: html.TextNode, Data: stub})
		}
	}
	walk(n)
	return whole, cut
}

// paragraphRunes is the number of characters of text in the <p> elements
// under n, n included.
func paragraphRunes(n *html.Node) int {
	count := 0
	var walk func(n *html.Node, inP bool)
	walk = func(n *html.Node, inP bool) {
		inP = inP || n.Type == html.ElementNode && n.DataAtom == atom.P
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && inP {
				count += utf8.RuneCountInString(c.Data)
			}
			walk(c, inP)
		}
	}
	walk(n, false)
	return count
}

// plainText is the length in bytes of the text under p, and whether p is a
// plain paragraph: nothing under p has a class or an id or is an element
// paragraphs leaves out or starts a block with, and at most
// maxPlainLinkShare of its text is link text.
func plainText(p *html.Node) (text int, ok bool) {
	var link int
	var walk func(n *html.Node, inLink bool) bool
	walk = func(n *html.Node, inLink bool) bool {
		if hasClassOrID(n) {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				text += len(c.Data)
				if inLink {
					link += len(c.Data)
				}
			case html.ElementNode:
				if c.DataAtom == atom.Br || !isKnownInline(c) || skipTags[c.DataAtom] || !walk(c, inLink || c.DataAtom == atom.A) {
					return false
				}
			}
		}
		return true
	}
	ok = walk(p, false) && float64(link) <= maxPlainLinkShare*float64(text)
	return text, ok
}

// hasClassOrID reports whether n has a class or an id attribute.
func hasClassOrID(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && strings.TrimSpace(a.Val) != "" {
			return true
		}
	}
	return false
}

// prefixWords is the longest prefix of the words of s at most max
// characters long (at least the first word).
func prefixWords(s string, max int) string {
	end := len(s) // byte offset of the character after the first max
	for i := range s {
		if max == 0 {
			end = i
			break
		}
		max--
	}
	if end == len(s) {
		return s
	}
	if i := strings.LastIndexByte(s[:end+1], ' '); i > 0 {
		return s[:i]
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

// restorePlain gives the paragraphs ps that shortenPlain cut their whole
// text back.
func restorePlain(ps []string, whole map[string]string) []string {
	for i, p := range ps {
		if w, ok := whole[p]; ok {
			ps[i] = w
		}
	}
	return ps
}
