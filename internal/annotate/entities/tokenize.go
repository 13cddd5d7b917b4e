package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This package keeps its own small tokeniser until the shared one in
// internal/text lands; it splits the way CoNLL-2003 does (punctuation and
// possessives apart, abbreviations such as "U.S." and "Corp." whole), so the
// tagger sees at run time the tokens it was trained on.

// token is one word or punctuation mark, as byte offsets into the text.
type token struct {
	start, end int
	text       string // the token with typographic quotes made plain
}

// abbreviations keep their final full stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "st": true,
	"mt": true, "gen": true, "gov": true, "sen": true, "rep": true, "lt": true,
	"col": true, "capt": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"vs": true, "etc": true, "bros": true, "plc": true, "ave": true,
	"dept": true, "cie": true, "mln": true, "bln": true, "pct": true,
}

// clitics are the word endings split off as their own tokens.
var clitics = []string{"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}

// cliticForms are the clitics with plain and typographic apostrophes.
var cliticForms = func() []string {
	var f []string
	for _, c := range clitics {
		f = append(f, c, strings.Replace(c, "'", "’", 1))
	}
	return f
}()

func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '{', '«', '`':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// plain replaces typographic apostrophes and quotes with ASCII ones.
func plain(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 { // the first byte of ’ ‘ “ ”
		return s
	}
	return strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
}

// tokenize splits s into tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		toks = splitChunk(s, i, j, toks)
		i = j
	}
	return toks
}

// splitChunk splits the whitespace-free stretch s[start:end] into tokens.
func splitChunk(s string, start, end int, toks []token) []token {
	apostrophe := strings.IndexByte(s[start:end], '\'') >= 0 || strings.Contains(s[start:end], "’")
	// Leading punctuation, unless the chunk is a clitic such as "'s".
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !isOpenPunct(r) || start+n == end || apostrophe && isClitic(plain(s[start:end])) {
			break
		}
		toks = append(toks, token{start, start + n, plain(s[start : start+n])})
		start += n
	}
	var tail []token
	for start < end {
		word := s[start:end]
		r, n := utf8.DecodeLastRuneInString(word)
		if len(word) == n {
			break
		}
		if isClosePunct(r) && !(apostrophe && isClitic(plain(word))) {
			tail = append(tail, token{end - n, end, plain(word[len(word)-n:])})
			end -= n
			continue
		}
		if r == '.' && !isAbbreviation(word[:len(word)-1]) {
			tail = append(tail, token{end - 1, end, "."})
			end--
			continue
		}
		if !apostrophe {
			break
		}
		if c := clitic(word); c > 0 {
			tail = append(tail, token{end - c, end, plain(word[len(word)-c:])})
			end -= c
			continue
		}
		break
	}
	if start < end {
		toks = append(toks, token{start, end, plain(s[start:end])})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		toks = append(toks, tail[k])
	}
	return toks
}

func isClitic(w string) bool {
	for _, c := range clitics {
		if strings.EqualFold(w, c) {
			return true
		}
	}
	return false
}

// clitic returns the byte length of a clitic ending word ("Japan’s" → 4), or 0.
func clitic(word string) int {
	for _, form := range cliticForms {
		if len(word) > len(form) && strings.EqualFold(word[len(word)-len(form):], form) {
			return len(form)
		}
	}
	return 0
}

// isAbbreviation reports whether w (without its final full stop) keeps the stop.
func isAbbreviation(w string) bool {
	if strings.Contains(w, ".") {
		return true // U.S, e.g
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsLetter(r) {
		return true // an initial: J.
	}
	return abbreviations[strings.ToLower(w)]
}
