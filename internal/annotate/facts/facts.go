// Package facts finds the numbers an article states: money with its
// currency and scale ("$17 billion" → 17e9 USD, "Rs 450 crore" → 4.5e9 INR,
// "€2.3bn", "10 mln dlrs"), percentages ("15%", "15 percent", "15 pct") and
// counts of things ("3,900 workers", "seven of its 17 production facilities").
package facts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Units of percentages.
const (
	UnitPercent         = "%"
	UnitPercentagePoint = "pp"
)

// Find returns the facts stated in text, in order, with byte offsets into it.
func Find(text string) []news.Fact {
	var out []news.Fact
	for i := 0; i < len(text); {
		if !isDigit(text[i]) || i > 0 && isWordByte(text, i) {
			i++
			continue
		}
		f, end := readNumeric(text, i)
		if f != nil {
			out = append(out, *f)
		}
		i = max(end, i+1)
	}
	out = append(out, spelledCounts(text)...)
	sortFacts(out)
	return out
}

// isWordByte reports whether the character before i is a letter or digit
// (so the digit at i does not start a number: "H200", "Q3").
func isWordByte(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && i > 1 && isDigit(text[i-2])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// parseNumber reads "3,900", "2.3", "17" at i and returns its value and end.
func parseNumber(text string, i int) (float64, int, bool) {
	j := i
	var digits []byte
	for j < len(text) {
		c := text[j]
		switch {
		case isDigit(c):
			digits = append(digits, c)
			j++
			continue
		case c == ',' && len(digits) > 0 && allDigits(text, j+1, j+4) && (j+4 == len(text) || !isDigit(text[j+4])):
			j++
			continue
		}
		break
	}
	isInt := true
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		isInt = false
		digits = append(digits, '.')
		j++
		for j < len(text) && isDigit(text[j]) {
			digits = append(digits, text[j])
			j++
		}
	}
	v, err := strconv.ParseFloat(string(digits), 64)
	return v, j, isInt && err == nil
}

func allDigits(text string, from, to int) bool {
	if to > len(text) {
		return false
	}
	for k := from; k < to; k++ {
		if !isDigit(text[k]) {
			return false
		}
	}
	return true
}

// nextWord returns the word starting at j after at most one space: letters,
// with inner dots and hyphens ("u.s.", "weight-loss"), lower-cased.
func nextWord(text string, j int) (string, int, int) {
	start, end := wordBounds(text, j)
	return strings.ToLower(text[start:end]), start, end
}

// wordBounds returns where the word nextWord reads starts and ends.
func wordBounds(text string, j int) (int, int) {
	k := j
	if k < len(text) && text[k] == ' ' {
		k++
	}
	start := k
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLetter(r) || (r == '.' || r == '-') && k > start && k+n < len(text) && isLetterAt(text, k+n) {
			k += n
			continue
		}
		if r == '.' && k > start && k-start <= 3 && strings.Contains(text[start:k], ".") {
			k += n // the last dot of "U.S."
		}
		break
	}
	return start, k
}

func isLetterAt(text string, k int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLetter(r)
}

// readNumeric reads the fact whose number starts at i, if any, and returns
// where scanning resumes.
func readNumeric(text string, i int) (*news.Fact, int) {
	v, j, isInt := parseNumber(text, i)
	// Letters glued to the number: a scale ("2.3bn", "$200B") or a unit we
	// do not read ("3nm", "1st").
	scale := 1.0
	if j < len(text) && isLetterAt(text, j) {
		w, _, end := nextWord(text, j)
		s, ok := gluedScales[w]
		if !ok {
			return nil, end
		}
		scale, j = s, end
	}
	if j < len(text) && (text[j] == ':' || text[j] == '/' || text[j] == '-' && j+1 < len(text) && text[j+1] != ' ') {
		return nil, j + 1 // times, dates, ranges, "3,900-strong"
	}
	start := i
	currency := ""
	if sym, n := currencyBefore(text, i); sym != "" {
		currency, start = sym, i-n
	}
	// A scale word, then a percent sign or word, or a currency word.
	if scale == 1 {
		if w, _, end := nextWord(text, j); scaleWords[w] != 0 {
			scale, j = scaleWords[w], end
		}
	}
	value := v * scale
	if j < len(text) && text[j] == '%' || j+1 < len(text) && text[j] == ' ' && text[j+1] == '%' {
		if currency != "" {
			return nil, j
		}
		end := strings.IndexByte(text[j:], '%') + j + 1
		return fact(text, news.FactPercent, start, end, value, UnitPercent), end
	}
	w, _, end := nextWord(text, j)
	switch w {
	case "percent", "pct":
		if currency == "" {
			if w2, _, end2 := nextWord(text, end); w2 == "points" {
				return fact(text, news.FactPercent, start, end2, value, UnitPercentagePoint), end2
			}
			return fact(text, news.FactPercent, start, end, value, UnitPercent), end
		}
	case "per":
		if w2, _, end2 := nextWord(text, end); w2 == "cent" && currency == "" {
			return fact(text, news.FactPercent, start, end2, value, UnitPercent), end2
		}
	case "percentage":
		if w2, _, end2 := nextWord(text, end); w2 == "points" || w2 == "point" {
			return fact(text, news.FactPercent, start, end2, value, UnitPercentagePoint), end2
		}
	}
	if cur, mult, end2 := currencyAfter(text, j); cur != "" && (currency == "" || currency == cur) {
		return fact(text, news.FactMoney, start, end2, value*mult, cur), end2
	}
	if currency != "" {
		return fact(text, news.FactMoney, start, j, value, currency), j
	}
	// A count: a plural noun after the number ("3,900 workers", "17 production facilities").
	if !isInt && scale == 1 || isYear(text, i, j, v, scale) || afterMonth(text, i) || afterName(text, start) {
		return nil, j
	}
	if unit, end := countNoun(text, j); unit != "" {
		return fact(text, news.FactCount, start, j, value, unit), end
	}
	return nil, j
}

func fact(text, kind string, start, end int, value float64, unit string) *news.Fact {
	return &news.Fact{Kind: kind, Text: text[start:end], Value: value, Unit: unit, Start: start, End: end}
}

// isYear reports whether the number is likely a year (1900–2099 written without a comma).
func isYear(text string, i, j int, v, scale float64) bool {
	return scale == 1 && j-i == 4 && v >= 1900 && v < 2100
}

// afterMonth reports whether the number follows a month name ("February 22").
func afterMonth(text string, i int) bool {
	k := i
	if k > 0 && text[k-1] == ' ' {
		k--
	}
	s := k
	for s > 0 && (text[s-1] >= 'a' && text[s-1] <= 'z' || text[s-1] >= 'A' && text[s-1] <= 'Z' || text[s-1] == '.') {
		s--
	}
	return months[strings.TrimSuffix(strings.ToLower(text[s:k]), ".")]
}

// afterName reports whether the number follows a capitalised word inside a
// sentence, as in names of products and models ("Model 3", "Galaxy S10").
func afterName(text string, i int) bool {
	if i < 2 || text[i-1] != ' ' {
		return false
	}
	k := i - 1
	for k > 0 && isLetterAt(text, k-1) {
		k--
	}
	if k == i-1 || !unicode.IsUpper(firstRune(text[k:])) {
		return false
	}
	// The word starts a sentence when only space follows a stop or the text starts.
	p := strings.TrimRight(text[:k], " \t")
	return p != "" && !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "\n") && !strings.HasSuffix(p, ":")
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// countNoun reads a noun phrase of up to three lower-case words after a
// number that ends in a plural noun, and returns it.
func countNoun(text string, j int) (string, int) {
	var words []string
	for k := 0; k < 3; k++ {
		w, start, end := nextWord(text, j)
		if w == "" || start >= len(text) || !isLowerAt(text, start) || notCountWords[w] || k == 0 && start == j {
			return "", j
		}
		words = append(words, w)
		j = end
		if isPlural(w) {
			return strings.Join(words, " "), j
		}
	}
	return "", j
}

func isLowerAt(text string, k int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLower(r)
}

func isPlural(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ous")
}

// spelledCounts finds counts written in words: "seven plants", and "seven
// of its 17 production facilities" (7 production facilities).
func spelledCounts(text string) []news.Fact {
	var out []news.Fact
	for i := 0; i < len(text); i++ {
		if i > 0 && isWordByte(text, i) || !isLetterAt(text, i) {
			continue
		}
		end := i
		for end < len(text) && (text[end]|0x20 >= 'a' && text[end]|0x20 <= 'z') {
			end++
		}
		n, ok := 0.0, false
		if end-i >= 3 && end-i <= 9 && strings.IndexByte("tfsen", text[i]|0x20) >= 0 && (end == len(text) || !isLetterAt(text, end)) {
			n, ok = numberWords[strings.ToLower(text[i:end])]
		}
		if !ok {
			// Skip the rest of the word, whatever its letters.
			_, wend := wordBounds(text, i)
			i = max(wend-1, i)
			continue
		}
		if unit, _ := countNoun(text, end); unit != "" {
			out = append(out, *fact(text, news.FactCount, i, end, n, unit))
		} else if of, _, e := nextWord(text, end); of == "of" {
			k := e
			if det, _, e2 := nextWord(text, k); det == "its" || det == "the" || det == "their" || det == "his" || det == "her" || det == "our" {
				k = e2
			}
			if k+1 < len(text) && text[k] == ' ' && isDigit(text[k+1]) {
				if _, numEnd, _ := parseNumber(text, k+1); numEnd > k+1 {
					if unit, _ := countNoun(text, numEnd); unit != "" {
						out = append(out, *fact(text, news.FactCount, i, end, n, unit))
					}
				}
			}
		}
		i = max(end-1, i)
	}
	return out
}

func sortFacts(fs []news.Fact) {
	for i := 1; i < len(fs); i++ {
		for k := i; k > 0 && fs[k].Start < fs[k-1].Start; k-- {
			fs[k], fs[k-1] = fs[k-1], fs[k]
		}
	}
}
