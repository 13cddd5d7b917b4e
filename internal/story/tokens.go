package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Tokenizer turns text into stemmed terms: lower-cased words of letters and
// digits, English stop words and one-letter words dropped, each reduced to its
// Porter2 (Snowball English) stem. It works alike on ordinary English and on
// text that was already lower-cased, stemmed and stripped of stop words,
// because stemming a stem mostly returns it unchanged and the same rule is
// applied to every article. Stems are cached; a Tokenizer is not safe for
// concurrent use.
type Tokenizer struct {
	cache map[string]string
}

// maxStemCache bounds the stem cache; it is emptied when full.
const maxStemCache = 1 << 18

// NewTokenizer returns a Tokenizer with an empty stem cache.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{cache: make(map[string]string)}
}

// Terms appends the terms of s to dst and returns it.
func (tk *Tokenizer) Terms(dst []string, s string) []string {
	start := -1
	for i := 0; i <= len(s); {
		r, size := rune(0), 1
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		word := i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r) ||
			start >= 0 && (r == '\'' || r == '’' || isNumberSeparator(s, i)))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if t := tk.term(s[start:i]); t != "" {
				dst = append(dst, t)
			}
			start = -1
		}
		i += size
	}
	return dst
}

// isNumberSeparator reports whether s[i] is a comma or point between two
// digits, as in 480,000 or 1.2, which stays inside the number.
func isNumberSeparator(s string, i int) bool {
	return (s[i] == ',' || s[i] == '.') && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1])
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// term normalises one word, or returns "" when it carries no content.
func (tk *Tokenizer) term(w string) string {
	if t, ok := tk.cache[w]; ok {
		return t
	}
	lw := strings.ToLower(strings.TrimRight(w, "'’"))
	if strings.ContainsAny(lw, ",.") {
		lw = strings.NewReplacer(",", "", ".", "").Replace(lw)
	}
	lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
	t := ""
	if utf8.RuneCountInString(lw) > 1 && !english.IsStopWord(lw) {
		t = english.Stem(lw, false)
	}
	if len(tk.cache) >= maxStemCache {
		clear(tk.cache)
	}
	tk.cache[strings.Clone(w)] = t
	return t
}
