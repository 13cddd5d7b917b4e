// Package text splits news text into sentences and tokens with byte offsets
// and normalises words for matching. It is pure and allocation-light so that
// every annotator can use it on every article.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a stretch of a text as byte offsets into it.
type Span struct {
	Start int
	End   int
}

// Kind is the kind of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with digits, apostrophes, inner hyphens or dots (U.S.)
	Number             // digits with inner separators: 3,900  17.5  2026
	Punct              // one punctuation or symbol rune: , . ; $ %
)

// Token is one word, number or punctuation mark of a text.
type Token struct {
	Start int
	End   int
	Text  string // the token as written, a slice of the input
	Kind  Kind
}

// Tokens splits s into words, numbers and punctuation marks. Whitespace
// separates tokens and is dropped. Inner apostrophes ("Nissan's", "isn't"),
// hyphens ("co-develop"), and dots between letters ("U.S.") stay inside
// words; commas and dots between digits stay inside numbers ("3,900", "1.5").
func Tokens(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end, kind := scanWord(s, i)
			toks = append(toks, Token{Start: i, End: end, Text: s[i:end], Kind: kind})
			i = end
		default:
			toks = append(toks, Token{Start: i, End: i + n, Text: s[i : i+n], Kind: Punct})
			i += n
		}
	}
	return toks
}

// scanWord reads the word or number starting at i and returns its end.
func scanWord(s string, i int) (int, Kind) {
	start := i
	letters := false
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			letters = letters || unicode.IsLetter(r)
			i += n
			continue
		}
		if !isJoiner(r) || i+n >= len(s) {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(s[start:i])
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		if !joins(r, prev, next) || r == '.' && unicode.IsLetter(prev) && !initialBefore(s[start:i]) {
			break
		}
		i += n
	}
	// An abbreviation with inner dots keeps its final dot: "U.S." not "U.S".
	if i < len(s) && s[i] == '.' && letters && strings.Contains(s[start:i], ".") && !strings.ContainsAny(s[start:i], "0123456789") {
		i++
	}
	if letters {
		return i, Word
	}
	return i, Number
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',', '&':
		return true
	}
	return false
}

// joins reports whether the joiner r between prev and next keeps one token.
func joins(r, prev, next rune) bool {
	switch r {
	case '\'', '’':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '-':
		return (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next))
	case '.':
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return true
		}
		// U.S, U.K: capital initials between dots.
		return unicode.IsUpper(prev) && unicode.IsUpper(next)
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '&':
		return unicode.IsUpper(prev) && unicode.IsUpper(next) // S&P, AT&T
	}
	return false
}

// initialBefore reports whether w ends in a lone letter: "U" or "U.S".
func initialBefore(w string) bool {
	_, n := utf8.DecodeLastRuneInString(w)
	if len(w) == n {
		return true
	}
	return w[len(w)-n-1] == '.'
}
