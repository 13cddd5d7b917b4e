package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeparators split a page title into its headline and the site name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " « ", " » ", " // ", " • ", ": "}

// stripSiteName removes a site-name part from a page title such as
// "Headline | Site" or "Site - Headline": the part that names the site (as
// siteName or the host gives it) when one does, otherwise the longest part
// when the others are short.
func stripSiteName(title, siteName, host string) string {
	title = foldSpace(title)
	if rest, ok := dropSiteParts(title, siteName, host); ok {
		return rest
	}
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		if sep == ": " {
			continue // a colon usually belongs to the headline
		}
		// No part names the site: drop a short last part, where sites
		// usually put their name.
		if last := parts[len(parts)-1]; wordCount(last) <= 3 && wordCount(strings.Join(parts[:len(parts)-1], sep)) >= 4 {
			return strings.Join(parts[:len(parts)-1], sep)
		}
	}
	return title
}

// dropSiteParts removes the parts of s, split at the first of
// titleSeparators that splits it into parts some but not all of which name
// the site; ok is false when there is no such separator.
func dropSiteParts(s, siteName, host string) (rest string, ok bool) {
	for _, sep := range titleSeparators {
		parts := strings.Split(s, sep)
		if len(parts) < 2 {
			continue
		}
		kept := parts[:0:0]
		for _, p := range parts {
			if !namesSite(p, siteName, host) {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 && len(kept) < len(parts) {
			return strings.Join(kept, sep), true
		}
	}
	return s, false
}

// containsHostName reports whether part is the main label of host with a
// few more letters ("EFC Example" on example.com).
func containsHostName(part, host string) bool {
	label, _, _ := strings.Cut(strings.TrimPrefix(strings.ToLower(host), "www."), ".")
	l, p := squash(label), squash(part)
	return len(l) >= 4 && strings.Contains(p, l) && len(p) <= len(l)+4
}

// namesSite reports whether part is the site's name or its host name.
func namesSite(part, siteName, host string) bool {
	p := squash(part)
	if p == "" {
		return false
	}
	if s := squash(siteName); s != "" && (p == s || strings.Contains(s, p) && len(p) >= 4) {
		return true
	}
	h := strings.TrimPrefix(strings.ToLower(host), "www.")
	if h == "" {
		return false
	}
	if squash(h) == p {
		return true
	}
	label, _, _ := strings.Cut(h, ".")
	return len(label) >= 3 && (p == squash(label) || strings.HasPrefix(p, squash(label)) && len(p) <= len(label)+4)
}

// squash is s lower-cased with only its letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func foldSpace(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the word being read
	for i := 0; i < len(s); {
		r, size := nextRune(s, i)
		switch {
		case !unicode.IsSpace(r):
			if word < 0 {
				word = i
			}
		case word >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
			word = -1
		}
		i += size
	}
	if word >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:])
	}
	return b.String()
}

// isFolded reports whether s is already as foldSpace leaves it: words
// separated by single spaces.
func isFolded(s string) bool {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		r, size := nextRune(s, i)
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += size
	}
	return !prevSpace || s == ""
}

// nextRune is the rune at byte i of s and its length in bytes.
func nextRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// words is s split into lower-cased letter-and-digit words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// overlap is the Dice coefficient of the word multisets of a and b.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(b))
	for _, w := range b {
		count[w]++
	}
	common := 0
	for _, w := range a {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// chooseTitle picks the headline: the page heading that best matches the
// title the page declares in its metadata, else that declared title without
// its site name.
func chooseTitle(m *pageMeta, fallback string) string {
	declared := firstNonEmpty(m.meta["og:title"], m.meta["twitter:title"], fallback, m.title)
	clean := stripSiteName(declared, firstNonEmpty(m.meta["og:site_name"], m.meta["application-name"]), m.host)
	refs := [][]string{words(clean)}
	for _, r := range []string{m.meta["og:title"], m.title, fallback} {
		if r != "" {
			refs = append(refs, words(stripSiteName(r, m.meta["og:site_name"], m.host)))
		}
	}
	for _, hs := range [][]string{m.h1, m.h2} {
		best, bestScore := "", 0.0
		for _, h := range hs {
			hw := words(h)
			for _, r := range refs {
				if s := overlap(hw, r); s > bestScore {
					best, bestScore = h, s
				}
			}
		}
		if bestScore >= titleMatch {
			return best
		}
	}
	return clean
}

// titleMatch is the least word overlap between a heading and the declared
// title for the heading to be taken as the headline.
const titleMatch = 0.6

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = foldSpace(s); s != "" {
			return s
		}
	}
	return ""
}
