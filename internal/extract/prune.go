package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// detach takes the nodes under doc for which pick says remove out of the
// tree, descending into the others where pick says descend. The returned
// function puts the taken nodes back where they were.
func detach(doc *html.Node, pick func(*html.Node) (remove, descend bool)) (restore func()) {
	type place struct{ n, parent, next *html.Node }
	var taken []place
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			remove, descend := pick(c)
			switch {
			case remove:
				taken = append(taken, place{c, n, next})
				n.RemoveChild(c)
			case descend:
				walk(c)
			}
			c = next
		}
	}
	walk(doc)
	return func() {
		for i := len(taken) - 1; i >= 0; i-- {
			p := taken[i]
			p.parent.InsertBefore(p.n, p.next)
		}
	}
}

// boilerplateTags are elements the body extractors throw away: trafilatura
// deletes all but <header> before it looks for the article (unless that
// would delete every paragraph), readability does not take them. A page
// header without a paragraph holds the site's name and menus, or the
// headline, which is its own field.
var boilerplateTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Menu: true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true, atom.Label: true,
	atom.Fieldset: true, atom.Dialog: true, atom.Audio: true, atom.Video: true, atom.Canvas: true,
	atom.Picture: true, atom.Map: true, atom.Link: true, atom.Header: true,
}

// pruneBoilerplate takes out of doc what the body extractors would delete
// anyway, so that they copy and search a smaller tree: comments,
// boilerplate elements and link lists (see linkListTags) without a paragraph
// in them. JSON-LD scripts stay (trafilatura reads the title from them), and
// so does everything holding a <p> (a page may wrap its article in a <form>
// or an <aside>). The returned function puts the nodes back.
func pruneBoilerplate(doc *html.Node) (restore func()) {
	return detach(doc, func(n *html.Node) (remove, descend bool) {
		switch {
		case n.Type == html.CommentNode:
			return true, false
		case n.Type != html.ElementNode:
			return false, false
		case linkListTags[n.DataAtom] && onlyLinkText(n) && !hasParagraph(n):
			return true, false
		case !boilerplateTags[n.DataAtom]:
			return false, true
		case n.DataAtom == atom.Script && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json"):
			return false, false
		case hasParagraph(n):
			return false, true
		}
		return true, false
	})
}

// hasParagraph reports whether there is a <p> under n.
func hasParagraph(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.P || hasParagraph(c)) {
			return true
		}
	}
	return false
}

// linkListTags are the containers that, when all their text is link text,
// are menus, tag lists or lists of other stories, which both extractors
// drop for their link density.
var linkListTags = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true, atom.Div: true, atom.Section: true, atom.Table: true, atom.Dl: true}

// onlyLinkText reports whether n holds a link and all text under n is
// inside links.
func onlyLinkText(n *html.Node) bool {
	hasLink := false
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
				return false
			case c.Type == html.ElementNode && c.DataAtom == atom.A:
				hasLink = true
			case c.Type == html.ElementNode:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	return walk(n) && hasLink
}
