package text

import (
	"strings"
	"unicode/utf8"
)

// foldTable maps typographic runes to their plain ASCII forms.
var foldTable = map[rune]string{
	'’': "'", '‘': "'", '‛': "'", '′': "'", '“': "\"", '”': "\"", '„': "\"", '″': "\"",
	'–': "-", '—': "-", '‑': "-", '‒': "-", '−': "-", '\u00a0': " ", '\u2009': " ", '\u202f': " ",
	'…': "...",
}

// Fold replaces curly quotes, dashes, non-breaking spaces and ellipses by
// their ASCII forms. The result may differ in length from s; use it for
// matching, not for offsets.
func Fold(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Lower lower-cases s, with a fast path for ASCII.
func Lower(s string) string {
	if !isPlainASCII(s) {
		return strings.ToLower(s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Norm is the matching form of a word: folded and lower-cased, with a
// trailing possessive ('s or ’s) removed.
func Norm(w string) string {
	w = Lower(Fold(w))
	if strings.HasSuffix(w, "'s") && len(w) > 2 && !contractions[w] {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "s'") && len(w) > 2 {
		w = w[:len(w)-1]
	}
	return w
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// contractions end in 's but are not possessives.
var contractions = map[string]bool{
	"it's": true, "that's": true, "he's": true, "she's": true, "there's": true,
	"what's": true, "let's": true, "here's": true, "who's": true,
}

// Shorten cuts s to at most max bytes (plus an ellipsis): at the last word
// boundary in its second half when there is one, and never inside a UTF-8
// character. A string within max is returned as it is.
func Shorten(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	cut := s[:max]
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
