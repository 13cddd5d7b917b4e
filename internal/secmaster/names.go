package secmaster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: byte offsets into the text and its folded
// form (lower case, accents removed, possessive 's dropped, "and" as "&").
type Token struct {
	Start, End int    // the word in the text, without a possessive ending
	Norm       string // folded form; empty when Fold was not asked for
	Upper      bool   // every letter is upper case (and there is at least one)
	Title      bool   // starts with an upper-case letter
	Digit      bool   // starts with a digit
}

// EachToken calls fn for each word of s, with buf holding its folded form
// (valid only during the call). Words are runs of letters and digits; '&',
// '.' and apostrophes stay inside a word when letters or digits follow them
// ("AT&T", "Amazon.com", "O'Reilly"); hyphens split words; a possessive
// ending ('s, ’s or a trailing apostrophe) is left out of the word.
func EachToken(s string, fn func(t Token, folded []byte)) {
	var buf []byte
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '&' {
			buf = append(buf[:0], '&')
			fn(Token{Start: i, End: i + 1}, buf)
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		upper, lower := 0, 0
		t := Token{Start: start, Title: unicode.IsUpper(r), Digit: unicode.IsDigit(r)}
		end := i
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLower(r) {
					lower++
				}
				buf = appendFolded(buf, r)
				i += size
				end = i
				continue
			}
			if r == '.' || r == '&' || r == '\'' || r == '’' {
				// keep inside the word when a word character follows
				nr, nsize := utf8.DecodeRuneInString(s[i+size:])
				if i+size < len(s) && isWordRune(nr) {
					if (r == '\'' || r == '’') && (nr == 's' || nr == 'S') && !isWordAt(s, i+size+nsize) {
						break // possessive 's
					}
					if r == '’' {
						r = '\''
					}
					buf = append(buf, byte(r))
					i += size
					continue
				}
			}
			break
		}
		t.End = end
		t.Upper = upper > 0 && lower == 0
		if string(buf) == "and" {
			buf = append(buf[:0], '&')
		}
		fn(t, buf)
		// skip a possessive ending
		if i < len(s) && (s[i] == '\'' || strings.HasPrefix(s[i:], "’")) {
			_, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if i < len(s) && (s[i] == 's' || s[i] == 'S') && !isWordAt(s, i+1) {
				i++
			}
		}
	}
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendFolded appends r in lower case with Latin accents removed.
func appendFolded(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	r = unicode.ToLower(r)
	if f, ok := accentFold[r]; ok {
		return append(buf, f...)
	}
	return utf8.AppendRune(buf, r)
}

var accentFold = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ from, to string }{
		{"àáâãäåā", "a"}, {"æ", "ae"}, {"çćč", "c"}, {"ďđ", "d"}, {"èéêëēėęě", "e"}, {"ìíîïī", "i"},
		{"ñńň", "n"}, {"òóôõöøō", "o"}, {"œ", "oe"}, {"ř", "r"}, {"śšş", "s"}, {"ß", "ss"}, {"ťţ", "t"},
		{"ùúûüūů", "u"}, {"ýÿ", "y"}, {"źżž", "z"}, {"ł", "l"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// Words returns the folded words of s.
func Words(s string) []string {
	var out []string
	EachToken(s, func(_ Token, b []byte) { out = append(out, string(b)) })
	return out
}

// legalSuffixes are words of legal form that news leaves out of a name.
var legalSuffixes = setOf(
	"inc", "incorporated", "corp", "corporation", "co", "company", "cos", "companies", "ltd", "limited", "plc", "p.l.c",
	"llc", "l.l.c", "lp", "l.p", "llp", "ag", "sa", "s.a", "se", "nv", "n.v", "bv", "b.v", "ab", "publ", "asa", "as", "a.s", "a/s",
	"oyj", "spa", "s.p.a", "gmbh", "kgaa", "&", "holdings", "holding", "group", "tbk", "bhd", "berhad", "pcl", "pt",
	"sab", "de", "cv", "c.v", "s.a.b", "kk", "k.k", "jsc", "pjsc", "oao", "ojsc", "nl", "sarl", "s.a.r.l", "aps", "hf", "srl",
	"adr", "ads", "trust", "reit", "the", "ltda", "saa", "sas", "s.c.a", "sca", "sce", "ord", "class", "a", "b", "c", "shs", "ltd.-adr",
	"(publ)", "kabushiki", "kaisha", "aktiengesellschaft",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// CoreWords returns the folded words of a company name without a leading
// "the" and without trailing legal-form words ("Nissan Motor Co., Ltd." →
// nissan motor). It keeps at least one word.
func CoreWords(name string) []string {
	w := Words(name)
	for len(w) > 1 && w[0] == "the" {
		w = w[1:]
	}
	for len(w) > 1 && legalSuffixes[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return w
}

// NormName is the key names are indexed by: the core words joined by spaces.
func NormName(name string) string {
	return strings.Join(CoreWords(name), " ")
}

// securityDescriptors are the trailing parts of security names in exchange
// files ("Apple Inc. - Common Stock", "Foo Corp Class A Ordinary Shares").
var securityDescriptors = []string{
	" common stock", " common shares", " ordinary shares", " class a", " class b", " class c",
	" american depositary shares", " american depository shares", " depositary shares", " sponsored adr",
	" adr", " ads", " units", " unit", " warrants", " warrant", " rights", " each representing",
	" representing", " subordinate voting shares", " voting shares", " shares of beneficial interest",
	" common units", " limited partnership", " new", " capital stock", " registered shares", " preferred",
}

// CleanSecurityName turns a security name from an exchange file into the
// issuer's name: "Apple Inc. - Common Stock" → "Apple Inc.".
func CleanSecurityName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, " - "); i > 0 {
		s = s[:i]
	}
	lower := strings.ToLower(s)
	cut := len(s)
	for _, d := range securityDescriptors {
		if i := strings.Index(lower, d); i > 0 && i < cut {
			cut = i
		}
	}
	return strings.TrimRight(strings.TrimSpace(s[:cut]), ",;")
}

// IsSecurityOfKind reports whether a security name describes something that
// is not an issuer's shares (warrants, rights, units, notes, preferred,
// funds), which the master leaves out.
func IsSecurityOfKind(name string) bool {
	l := strings.ToLower(name)
	for _, k := range []string{" warrant", " rights", " right ", " units", " unit ", " notes due", "% notes", " preferred", " pfd",
		" depositary shares, each representing", " debentures", " subordinated", " etf", " etn", " fund", " trust units", " senior notes",
		" bonds", "% series", " series due"} {
		if strings.Contains(l, k) {
			return true
		}
	}
	return strings.HasSuffix(l, " right") || strings.HasSuffix(l, " unit") || strings.HasSuffix(l, " wt") || strings.HasSuffix(l, " ws")
}
