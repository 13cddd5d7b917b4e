package searchquery

import (
	"slices"
	"strings"
)

// Text is a text split into lower-case words, ready to be matched against
// queries in memory (as the live stream and alerts do with each new
// article) the way the stores' full-text indexes match them.
type Text struct {
	words []string
}

// NewText splits s into words: runs of letters and digits, lower-cased.
func NewText(s string) Text {
	return Text{words: words(s)}
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), notWordChar)
}

// Match reports whether t matches the query n; a nil n matches everything.
func Match(n Node, t Text) bool {
	switch n := n.(type) {
	case nil:
		return true
	case Term:
		ws := words(n.Text)
		if len(ws) == 0 {
			return false
		}
		return t.hasSequence(ws, n.Prefix)
	case Phrase:
		ws := words(n.Text)
		return len(ws) > 0 && t.hasSequence(ws, false)
	case Or:
		return slices.ContainsFunc(n.Children, func(c Node) bool { return Match(c, t) })
	case And:
		for _, c := range n.Children {
			if not, ok := c.(Not); ok {
				if Match(not.Child, t) {
					return false
				}
			} else if !Match(c, t) {
				return false
			}
		}
		return true
	case Not:
		return !Match(n.Child, t)
	}
	return false
}

// hasSequence reports whether ws appear in t in order, one after another;
// with prefix the last word may be the start of a longer one.
func (t Text) hasSequence(ws []string, prefix bool) bool {
	last := len(ws) - 1
	for i := 0; i+last < len(t.words); i++ {
		ok := true
		for j, w := range ws {
			got := t.words[i+j]
			if got != w && !(prefix && j == last && strings.HasPrefix(got, w)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
