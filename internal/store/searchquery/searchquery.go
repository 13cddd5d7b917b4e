// Package searchquery parses the search syntax of the news API (Marketaux's):
// words are ANDed, | is OR, -word excludes, "..." is a phrase, word* is a
// prefix, and parentheses group. The parsed tree renders to a SQLite FTS5
// MATCH expression or a PostgreSQL tsquery in which every word is a quoted
// literal, so no input can reach the full-text engines' own operators.
//
// Parsing is lenient: an unclosed quote or parenthesis closes at the end of
// the query, a stray ) or operator is ignored, and words without a letter or
// digit are dropped. Queries that cannot be answered (only exclusions, too
// long, nested too deep) fail with ErrBadQuery.
package searchquery

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrBadQuery marks a search query that cannot be run; the API answers it
// with HTTP 400.
var ErrBadQuery = errors.New("bad search query")

// Limits on a query, so a hostile one cannot make the engines work hard.
const (
	MaxLength = 1000 // bytes
	MaxTerms  = 64
	MaxDepth  = 16
	// MinPrefix is the fewest letters and digits a prefix (word*) needs;
	// a shorter one (a*) is searched as the word itself, since it would
	// match most of the index.
	MinPrefix = 2
)

// Node is one node of a parsed query: Term, Phrase, And, Or or Not.
type Node interface {
	node()
}

// Term is one word, matched as a prefix when Prefix is set.
type Term struct {
	Text   string
	Prefix bool
}

// Phrase is a sequence of words that must appear together in order.
type Phrase struct {
	Text string
}

// And matches when all its children match. At least one child is not a Not.
type And struct {
	Children []Node
}

// Or matches when any of its children matches. No child is a Not.
type Or struct {
	Children []Node
}

// Not excludes what its child matches; it appears only inside an And.
type Not struct {
	Child Node
}

func (Term) node()   {}
func (Phrase) node() {}
func (And) node()    {}
func (Or) node()     {}
func (Not) node()    {}

// Parse parses a search query. It returns a nil Node for a query with no
// words (an empty search, which does not filter), and an error wrapping
// ErrBadQuery for a query that cannot be run.
func Parse(s string) (Node, error) {
	if len(s) > MaxLength {
		return nil, fmt.Errorf("%w: longer than %d bytes", ErrBadQuery, MaxLength)
	}
	// Invalid UTF-8 and control characters (NUL ends strings in SQLite's C
	// API) become spaces.
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	p := &parser{toks: tokenize(s)}
	n, err := p.parseOr(0)
	if err != nil {
		return nil, err
	}
	if p.terms > MaxTerms {
		return nil, fmt.Errorf("%w: more than %d words", ErrBadQuery, MaxTerms)
	}
	if _, ok := n.(Not); ok {
		return nil, fmt.Errorf("%w: a query cannot only exclude words; add a word to look for", ErrBadQuery)
	}
	return n, nil
}

type tokenKind int

const (
	tokWord tokenKind = iota
	tokPhrase
	tokOpen
	tokClose
	tokOr
	tokNot
)

type token struct {
	kind   tokenKind
	text   string
	prefix bool
}

func isSpecial(r rune) bool {
	return r == '(' || r == ')' || r == '|' || r == '"'
}

// tokenize splits s into words, phrases and operators. A - or + counts as an
// operator only at the start of a word; + (AND) needs no token.
func tokenize(s string) []token {
	var toks []token
	atStart := true // at the start of a word: after space, start, or ( ) |
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			atStart = true
			continue
		case r == '(':
			toks = append(toks, token{kind: tokOpen})
		case r == ')':
			toks = append(toks, token{kind: tokClose})
		case r == '|':
			toks = append(toks, token{kind: tokOr})
		case r == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				end = len(s) - i - 1
			}
			toks = append(toks, token{kind: tokPhrase, text: s[i+1 : i+1+end]})
			i += end + 2
			atStart = false
			continue
		case atStart && (r == '-' || r == '+'):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if r == '-' && i+size < len(s) && !unicode.IsSpace(next) {
				toks = append(toks, token{kind: tokNot})
			}
			i += size
			continue
		default:
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r) || isSpecial(r) {
					break
				}
				j += size
			}
			word := s[i:j]
			trimmed := strings.TrimRight(word, "*")
			toks = append(toks, token{kind: tokWord, text: trimmed, prefix: len(trimmed) < len(word)})
			i = j
			atStart = false
			continue
		}
		i += size
		atStart = true
	}
	return toks
}

type parser struct {
	toks  []token
	pos   int
	terms int
}

func (p *parser) peek() (token, bool) {
	if p.pos >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.pos], true
}

// parseOr parses and-groups separated by |. It returns nil when the group
// holds no words.
func (p *parser) parseOr(depth int) (Node, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("%w: parentheses nested deeper than %d", ErrBadQuery, MaxDepth)
	}
	var alts []Node
	for {
		n, err := p.parseAnd(depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			alts = append(alts, n)
		}
		t, ok := p.peek()
		if !ok || t.kind != tokOr {
			break
		}
		p.pos++
	}
	switch len(alts) {
	case 0:
		return nil, nil
	case 1:
		return alts[0], nil
	}
	var flat []Node
	for _, a := range alts {
		if _, ok := a.(Not); ok {
			return nil, fmt.Errorf("%w: an excluded word cannot be one side of |", ErrBadQuery)
		}
		if o, ok := a.(Or); ok {
			flat = append(flat, o.Children...)
		} else {
			flat = append(flat, a)
		}
	}
	return Or{Children: flat}, nil
}

// parseAnd parses unary items up to a |, a ) or the end.
func (p *parser) parseAnd(depth int) (Node, error) {
	var items []Node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tokOr {
			break
		}
		if t.kind == tokClose {
			if depth > 0 {
				break
			}
			p.pos++ // a stray ) at the top level is ignored
			continue
		}
		n, err := p.parseUnary(depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			items = append(items, n)
		}
	}
	var flat []Node
	positive := false
	for _, it := range items {
		if a, ok := it.(And); ok {
			flat = append(flat, a.Children...)
			positive = true
			continue
		}
		if _, ok := it.(Not); !ok {
			positive = true
		}
		flat = append(flat, it)
	}
	switch {
	case len(flat) == 0:
		return nil, nil
	case len(flat) == 1:
		return flat[0], nil
	case !positive:
		return nil, fmt.Errorf("%w: a query cannot only exclude words; add a word to look for", ErrBadQuery)
	}
	return And{Children: flat}, nil
}

func (p *parser) parseUnary(depth int) (Node, error) {
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tokNot:
		if next, ok := p.peek(); !ok || next.kind == tokOr || next.kind == tokClose {
			return nil, nil // a dangling - is ignored
		}
		n, err := p.parseUnary(depth)
		if err != nil || n == nil {
			return nil, err
		}
		if inner, ok := n.(Not); ok {
			return inner.Child, nil
		}
		return Not{Child: n}, nil
	case tokOpen:
		n, err := p.parseOr(depth + 1)
		if err != nil {
			return nil, err
		}
		if next, ok := p.peek(); ok && next.kind == tokClose {
			p.pos++
		}
		return n, nil
	case tokPhrase:
		if !hasWordChar(t.text) {
			return nil, nil
		}
		p.terms++
		text := strings.Join(strings.Fields(t.text), " ")
		if len(strings.FieldsFunc(text, notWordChar)) == 1 {
			return Term{Text: text}, nil
		}
		return Phrase{Text: text}, nil
	case tokWord:
		if !hasWordChar(t.text) {
			return nil, nil
		}
		p.terms++
		return Term{Text: t.text, Prefix: t.prefix && wordChars(t.text) >= MinPrefix}, nil
	}
	return nil, nil
}

func notWordChar(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// wordChars counts the letters and digits in s.
func wordChars(s string) int {
	n := 0
	for _, r := range s {
		if !notWordChar(r) {
			n++
		}
	}
	return n
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !notWordChar(r) }) >= 0
}

// String renders n back in the search syntax, fully parenthesised; tests and
// logs use it.
func String(n Node) string {
	switch n := n.(type) {
	case nil:
		return ""
	case Term:
		if n.Prefix {
			return n.Text + "*"
		}
		return n.Text
	case Phrase:
		return `"` + n.Text + `"`
	case Not:
		return "-" + String(n.Child)
	case And:
		return "(" + join(n.Children, " ", String) + ")"
	case Or:
		return "(" + join(n.Children, " | ", String) + ")"
	}
	panic(fmt.Sprintf("searchquery: unknown node %T", n))
}

func join(nodes []Node, sep string, render func(Node) string) string {
	parts := make([]string, len(nodes))
	for i, c := range nodes {
		parts[i] = render(c)
	}
	return strings.Join(parts, sep)
}
