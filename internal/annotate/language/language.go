// Package language tells the language of an article (ISO 639-1): by script
// for the languages that have their own (ja, zh, ko, ru, uk, ar, fa, he, el,
// hi, th, gu, bn, ta, …) and by counting common function words for those
// written in Latin letters (en, de, fr, es, it, pt, nl, sv, da, no, pl, tr, id).
package language

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxScan bounds how much of a text is read.
const maxScan = 2000

// Detect returns the ISO 639-1 code of the language text is written in, or
// "" when it cannot tell (no letters, no known words).
func Detect(text string) string {
	if len(text) > maxScan {
		cut := maxScan
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if lang := byScript(text); lang != "" {
		return lang
	}
	return byWords(text)
}

// byScript decides by the writing system when most letters are not Latin.
func byScript(text string) string {
	var latin, kana, han, hangul, cyrillic, ukrainian, arabic, persian, hebrew, greek, devanagari, thai int
	var other [len(otherScripts)]int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukrainian++
			}
		case unicode.Is(unicode.Arabic, r):
			arabic++
			if strings.ContainsRune("پچژگ", r) {
				persian++
			}
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Devanagari, r):
			devanagari++
		case unicode.Is(unicode.Thai, r):
			thai++
		default:
			for i, sc := range otherScripts {
				if unicode.Is(sc.table, r) {
					other[i]++
					break
				}
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	cjk := kana + han
	switch {
	case cjk > latin && kana*20 > cjk:
		return "ja" // Japanese mixes kana into kanji
	case cjk > latin:
		return "zh"
	case hangul > latin:
		return "ko"
	case cyrillic > latin && ukrainian*50 > cyrillic:
		return "uk"
	case cyrillic > latin:
		return "ru"
	case arabic > latin && persian*50 > arabic:
		return "fa"
	case arabic > latin:
		return "ar"
	case hebrew > latin:
		return "he"
	case greek > latin:
		return "el"
	case devanagari > latin:
		return "hi"
	case thai > latin:
		return "th"
	}
	for i, n := range other {
		if n > latin {
			return otherScripts[i].lang
		}
	}
	return ""
}

// otherScripts are scripts written for one language each.
var otherScripts = [...]struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Gujarati, "gu"}, {unicode.Bengali, "bn"}, {unicode.Tamil, "ta"},
	{unicode.Telugu, "te"}, {unicode.Kannada, "kn"}, {unicode.Malayalam, "ml"},
	{unicode.Gurmukhi, "pa"}, {unicode.Georgian, "ka"}, {unicode.Armenian, "hy"},
	{unicode.Khmer, "km"}, {unicode.Lao, "lo"}, {unicode.Myanmar, "my"}, {unicode.Sinhala, "si"},
}

// maxWords bounds how many words byWords reads.
const maxWords = 150

// byWords counts each language's function words and picks the language
// with the most; too little evidence gives "".
func byWords(text string) string {
	var score [len(languages)]int
	words := 0
	var buf []byte
	for i := 0; i < len(text) && words < maxWords; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '\'' {
				break
			}
			j += n
		}
		words++
		if isCapitals(text[i:j]) {
			i = j
			continue // table headings and initials ("W L PCT", "LA CORUNA") tell no language
		}
		buf = appendLower(buf[:0], text[i:j])
		if mask := functionWords[string(buf)]; mask != 0 {
			for k := range languages {
				if mask&(1<<k) != 0 {
					score[k]++
				}
			}
		}
		i = j
	}
	best, second := -1, 0
	for k := range languages {
		switch {
		case best < 0 || score[k] > score[best]:
			if best >= 0 {
				second = score[best]
			}
			best = k
		case score[k] > second:
			second = score[k]
		}
	}
	// Decide on two or more function words ahead of the next language; a
	// short headline may decide on its one function word.
	switch {
	case score[best] >= 2 && score[best] > second,
		score[best] == 1 && second == 0 && words <= shortText:
		return languages[best].code
	case score[best] > 0 && score[english] == score[best] && words <= shortText:
		// A headline whose few function words English shares ("in"):
		// English, the language most news here is written in.
		return "en"
	}
	return ""
}

// english is the index of English in languages.
const english = 0

// shortText is the most words a headline has.
const shortText = 15

// isCapitals reports whether w is written in capitals only.
func isCapitals(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// appendLower appends w lower-cased to buf.
func appendLower(buf []byte, w string) []byte {
	for _, r := range w {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}
