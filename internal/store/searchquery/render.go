package searchquery

import (
	"fmt"
	"strings"
)

// FTS5 renders n as a SQLite FTS5 MATCH expression. Every word and phrase is
// an FTS5 string, so FTS5's own syntax (NEAR, column filters, ^, AND/OR/NOT
// keywords) in the input stays literal. n must come from Parse and not be nil.
func FTS5(n Node) string {
	return render(n, syntax{
		quote:  func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` },
		prefix: "*", and: " AND ", or: " OR ", not: " NOT ",
	})
}

// TSQuery renders n as PostgreSQL tsquery text for to_tsquery: every word and
// phrase is a quoted literal (to_tsquery turns a quoted run of several words
// into a phrase), a prefix gets :*. n must come from Parse and not be nil.
func TSQuery(n Node) string {
	return render(n, syntax{
		quote: func(s string) string {
			return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(s) + "'"
		},
		prefix: ":*", and: " & ", or: " | ", not: " & !",
	})
}

// syntax is how one engine writes literals and operators.
type syntax struct {
	quote        func(string) string
	prefix       string
	and, or, not string
}

func render(n Node, sx syntax) string {
	switch n := n.(type) {
	case Term:
		if n.Prefix {
			return sx.quote(n.Text) + sx.prefix
		}
		return sx.quote(n.Text)
	case Phrase:
		return sx.quote(n.Text)
	case Or:
		return "(" + join(n.Children, sx.or, func(c Node) string { return render(c, sx) }) + ")"
	case And:
		var pos, neg []string
		for _, c := range n.Children {
			if not, ok := c.(Not); ok {
				neg = append(neg, "("+render(not.Child, sx)+")")
			} else {
				pos = append(pos, render(c, sx))
			}
		}
		if len(neg) == 0 {
			return "(" + strings.Join(pos, sx.and) + ")"
		}
		return "((" + strings.Join(pos, sx.and) + ")" + sx.not + strings.Join(neg, sx.not) + ")"
	case Not:
		panic("searchquery: a Not outside an And; Parse never returns one")
	}
	panic(fmt.Sprintf("searchquery: cannot render %T", n))
}
