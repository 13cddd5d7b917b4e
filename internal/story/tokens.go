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
			(r == '\'' && start >= 0) || r == '’' && start >= 0)
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

// term normalises one word, or returns "" when it carries no content.
func (tk *Tokenizer) term(w string) string {
	if t, ok := tk.cache[w]; ok {
		return t
	}
	lw := strings.ToLower(strings.TrimRight(w, "'’"))
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
