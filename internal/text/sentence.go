package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations never end a sentence: the next word belongs to the same one
// (titles before names, "No. 3", "approx. 5").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "rev": true,
	"st": true, "vs": true, "v": true, "no": true, "nos": true, "approx": true,
	"fig": true, "e.g": true, "i.e": true, "cf": true, "etc": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// nameSuffixes end company names or places ("Nissan Motor Co.", "U.S."); they
// end a sentence only when a typical sentence opener follows.
var nameSuffixes = map[string]bool{
	"co": true, "inc": true, "corp": true, "ltd": true, "plc": true, "llc": true, "lp": true,
	"bhd": true, "cos": true, "bros": true, "jr": true, "sr": true, "n.v": true, "s.a": true,
	"ag": true, "a.g": true, "u.s": true, "u.k": true, "u.n": true, "e.u": true, "s.p.a": true,
}

// openers are words that usually start a sentence, used after name suffixes.
var openers = map[string]bool{
	"the": true, "a": true, "an": true, "it": true, "its": true, "he": true, "she": true,
	"they": true, "we": true, "this": true, "that": true, "these": true, "those": true,
	"in": true, "on": true, "at": true, "but": true, "and": true, "however": true, "his": true,
	"her": true, "their": true, "shares": true, "analysts": true, "there": true, "for": true,
	"as": true, "while": true, "after": true, "if": true, "i": true, "our": true,
}

// Sentences splits s into sentences and returns their spans, trimmed of
// surrounding space. A sentence ends at . ! or ? (with any closing quotes or
// brackets) followed by space and a capital, digit or quote, unless the dot
// ends an abbreviation or an initial; at a blank line; at a line break after
// end punctuation or before an indented line; and after a title-case line
// (a headline in a list of headlines).
func Sentences(s string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		if sp, ok := trim(s, start, end); ok {
			out = append(out, sp)
		}
		start = end
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '.' || c == '!' || c == '?':
			end := i + 1
			for end < len(s) && strings.IndexByte(".!?\"')]", s[end]) >= 0 {
				end++
			}
			if end < len(s) && strings.HasPrefix(s[end:], "”") {
				end += len("”")
			}
			if c != '.' || end > i+1 || sentenceDot(s, i) {
				if nextStartsSentence(s, end) {
					emit(end)
				}
			}
			i = end
		case c == '\n':
			if lineBreakEnds(s, start, i) {
				emit(i)
			}
			i++
		default:
			i++
		}
	}
	emit(len(s))
	return out
}

// trim narrows [start,end) to its non-space content.
func trim(s string, start, end int) (Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}, end > start
}

// sentenceDot reports whether the dot at i can end a sentence, judging by the
// word before it and the word after it.
func sentenceDot(s string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		j -= n
	}
	word := strings.ToLower(s[j:i])
	if word == "" {
		return true // after a digit or symbol: "up 5%." ends
	}
	if abbreviations[word] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(s[j])) {
		return false // an initial: "John F. Kennedy"
	}
	if nameSuffixes[word] || strings.Contains(word, ".") {
		return opensSentence(s, i+1)
	}
	return true
}

// nextStartsSentence reports whether the text after end starts a new
// sentence: space, then a capital, digit, quote or bracket (or the end).
func nextStartsSentence(s string, end int) bool {
	if end >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsSpace(r) {
			return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘(["+"$€£¥", r)
		}
		end += n
	}
	return true
}

// opensSentence reports whether the word after position i is a typical
// sentence opener.
func opensSentence(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i < len(s) && s[i] == '\n' {
		return true
	}
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	return openers[strings.ToLower(s[i:j])]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lineBreakEnds reports whether the line break at i ends the sentence that
// started at start.
func lineBreakEnds(s string, start, i int) bool {
	next := i + 1
	if next >= len(s) {
		return true
	}
	if s[next] == '\n' || s[next] == '\r' || s[next] == ' ' || s[next] == '\t' {
		return true // a blank line, or an indented (new paragraph) line
	}
	line := s[strings.LastIndexByte(s[:i], '\n')+1 : i]
	line = strings.TrimRight(line, " \t\r")
	if line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?:\"”", last) {
		return true
	}
	return isTitleLine(line)
}

// isTitleLine reports whether a line looks like a headline: three or more
// words, nearly all capitalised.
func isTitleLine(line string) bool {
	words, caps := 0, 0
	for _, w := range strings.Fields(line) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) || minorWords[strings.ToLower(w)] {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*9
}

// minorWords stay lower-case in headline case.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "as": true, "vs": true,
	"with": true, "amid": true, "from": true, "via": true, "its": true,
}
