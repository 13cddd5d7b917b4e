package company

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

// tagHit is one explicit ticker in a text: "(OTC:NSANY)", "NYSE: F",
// "$AAPL" or a member of a parenthesised ticker list "(ALC, MSG, ABR)".
type tagHit struct {
	start, end int // the tag in the text ("OTC:NSANY", without parentheses)
	listing    news.Listing
	company    int32 // index in the master, or -1 when the master does not know the listing
	list       bool  // a bare symbol from a ticker list (weaker than a prefixed tag)
}

var usMICs = map[string]bool{"XNAS": true, "XNYS": true, "XASE": true, "ARCX": true, "BATS": true, "OTCM": true}

// scanTags finds the explicit tickers in s, a text of year (0: unknown).
func (t *Tagger) scanTags(s string, year int) []tagHit {
	var hits []tagHit
	for _, loc := range bareLists(s) {
		if loc[0] > 0 && s[loc[0]-1] == '(' {
			continue // read as a parenthesised list below
		}
		hits = append(hits, t.symbols(s, loc[0], loc[1], year)...)
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			if h, ok := t.prefixTag(s, i, year); ok {
				hits = append(hits, h)
			}
		case '$':
			if h, ok := t.cashtag(s, i, year); ok {
				hits = append(hits, h)
			}
		case '(':
			hits = append(hits, t.tickerList(s, i, year)...)
		}
	}
	return hits
}

// prefixTag reads "PREFIX:SYMBOL" around the colon at i.
func (t *Tagger) prefixTag(s string, i, year int) (tagHit, bool) {
	p := i
	for p > 0 && p > i-14 && isTagPrefixByte(s[p-1]) {
		p--
	}
	if p == i || (p > 0 && isWordByte(s[p-1])) {
		return tagHit{}, false
	}
	prefix := s[p:i]
	if strings.ToUpper(prefix) != prefix && !strings.EqualFold(prefix, "nasdaq") && !strings.EqualFold(prefix, "nyse") {
		return tagHit{}, false
	}
	j := i + 1
	for j < len(s) && j <= i+2 && s[j] == ' ' {
		j++
	}
	k := j
	for k < len(s) && k < j+12 && isSymbolByte(s[k]) {
		k++
	}
	for k > j && (s[k-1] == '.' || s[k-1] == '-') {
		k--
	}
	if k == j || (k < len(s) && isWordByte(s[k])) {
		return tagHit{}, false
	}
	raw := s[j:k]
	if strings.ToUpper(raw) != raw {
		return tagHit{}, false
	}
	mic, sym, ok := secmaster.MICForPrefix(prefix, raw)
	if !ok {
		return tagHit{}, false
	}
	h := tagHit{start: p, end: k, listing: news.Listing{Symbol: sym, MIC: mic}, company: -1}
	if id, ok := t.byListing(sym, mic, year); ok {
		h.company = id
	} else if mic == "OTCM" {
		// an OTC symbol the master lists elsewhere (a foreign issuer's home listing)
		if id, ok := t.bySymbol(sym, false, year); ok {
			h.company = id
		}
	}
	return h, true
}

// cashtag reads "$SYMBOL" at i.
func (t *Tagger) cashtag(s string, i, year int) (tagHit, bool) {
	if i > 0 && isWordByte(s[i-1]) {
		return tagHit{}, false
	}
	j := i + 1
	for j < len(s) && j < i+8 && (s[j] >= 'A' && s[j] <= 'Z' || s[j] == '.' && j+1 < len(s) && s[j+1] >= 'A' && s[j+1] <= 'Z') {
		j++
	}
	if j == i+1 || (j < len(s) && isWordByte(s[j])) {
		return tagHit{}, false
	}
	id, ok := t.bySymbol(s[i+1:j], true, year)
	if !ok {
		return tagHit{}, false
	}
	return tagHit{start: i, end: j, listing: t.usListing(id, s[i+1:j]), company: id}, true
}

// bareList is a list of three or more upper-case symbols without
// parentheses: "Materials stocks - SWC, SSRI, SLW, AAU".
var bareList = regexp.MustCompile(`\b[A-Z]{2,5}(?:, [A-Z]{2,5}){2,}\b`)

// bareLists finds bare ticker lists, running the expression only over texts
// that have two ", X" sequences at least (most have none).
func bareLists(s string) [][]int {
	n := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] == ',' && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' {
			if n++; n >= 2 {
				return bareList.FindAllStringIndex(s, -1)
			}
		}
	}
	return nil
}

// symbols resolves each comma-separated symbol of s[start:end] on US markets.
func (t *Tagger) symbols(s string, start, end, year int) []tagHit {
	var hits []tagHit
	off := start
	for _, item := range strings.Split(s[start:end], ", ") {
		pos := off
		off += len(item) + 2
		if acronymStop[item] {
			continue
		}
		if id, ok := t.bySymbol(item, true, year); ok {
			hits = append(hits, tagHit{start: pos, end: pos + len(item), listing: t.usListing(id, item), company: id, list: true})
		}
	}
	return hits
}

// tickerList reads a parenthesised list of upper-case symbols at i:
// "(ALC, MSG, BRNC)", or one symbol "(AAU)" that is not the initials of the
// words before it.
func (t *Tagger) tickerList(s string, i, year int) []tagHit {
	end := strings.IndexByte(s[i:], ')')
	if end < 0 || end > 120 {
		return nil
	}
	inner := s[i+1 : i+end]
	var hits []tagHit
	off := i + 1
	items := 0
	for _, part := range strings.Split(inner, ",") {
		item := strings.TrimSpace(part)
		pos := off + strings.Index(part, item)
		off += len(part) + 1
		if !isListSymbol(item) {
			return nil
		}
		items++
		if acronymStop[item] {
			continue
		}
		id, ok := t.bySymbol(item, true, year)
		if !ok {
			continue
		}
		hits = append(hits, tagHit{start: pos, end: pos + len(item), listing: t.usListing(id, item), company: id, list: true})
	}
	if items == 1 && len(hits) == 1 && (len(hits[0].listing.Symbol) < 2 || isInitials(hits[0].listing.Symbol, s[:i]) || !marketWordBefore(s[:i])) {
		return nil // one symbol in parentheses is a ticker only in market talk: "(AP)" is a news agency
	}
	return hits
}

func isListSymbol(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || i > 0 && c == '.') {
			return false
		}
	}
	return true
}

// isInitials reports whether sym is the initials of the words just before
// it ("Food and Drug Administration (FDA)").
func isInitials(sym, before string) bool {
	words := strings.Fields(before)
	var initials strings.Builder
	for k := len(words) - 1; k >= 0 && len(words)-k <= len(sym)+2; k-- {
		w := strings.TrimFunc(words[k], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) // "<Bay", "Ltd>,"
		if w == "" || w == "and" || w == "of" || w == "&" || w == "the" {
			continue
		}
		initials.WriteByte(w[0])
		got := reverse(strings.ToUpper(initials.String()))
		if got == sym {
			return true
		}
	}
	return false
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// byListing finds the company trading as sym on mic, if it was listed on
// that US exchange by year (the year is of its US exchange listing).
func (t *Tagger) byListing(sym, mic string, year int) (int32, bool) {
	id, ok := t.m.ListingID(sym, mic)
	if !ok || exchangeMICs[mic] && !t.m.Company(id).ListedBy(year) {
		return -1, false
	}
	return int32(id), true
}

// exchangeMICs are the US exchanges (not OTC) whose listing years the master knows.
var exchangeMICs = map[string]bool{"XNAS": true, "XNYS": true, "XASE": true, "ARCX": true, "BATS": true}

// bySymbol finds the best-known company with a listing of sym, on a US
// market when usOnly, leaving out companies listed after year: old news
// meant the symbol's former holder (ROC, CADE before their new owners).
func (t *Tagger) bySymbol(sym string, usOnly bool, year int) (int32, bool) {
	sym = secmaster.NormalizeSymbol(sym, "XNYS")
	current := func(c *secmaster.Company) []news.Listing { return c.Listings }
	former := func(c *secmaster.Company) []news.Listing { return c.Former }
	if id, ok := t.pickSymbol(sym, usOnly, year, t.m.SymbolIDs(sym), current); ok {
		return id, true
	}
	// a symbol no company trades as today: the company that once did (SLW, QQQQ)
	return t.pickSymbol(sym, usOnly, year, t.m.FormerSymbolIDs(sym), former)
}

// pickSymbol returns the first of ids listed by year whose listings
// (current or former) have sym, on a US market when usOnly.
func (t *Tagger) pickSymbol(sym string, usOnly bool, year int, ids []int32, listings func(*secmaster.Company) []news.Listing) (int32, bool) {
	for _, id := range ids {
		if !usOnly {
			return id, true
		}
		c := t.m.Company(int(id))
		for _, l := range listings(c) {
			if strings.EqualFold(l.Symbol, sym) && usMICs[l.MIC] && (!exchangeMICs[l.MIC] || c.ListedBy(year)) {
				return id, true
			}
		}
	}
	return -1, false
}

// usListing is the company's US listing with that symbol.
func (t *Tagger) usListing(id int32, sym string) news.Listing {
	sym = secmaster.NormalizeSymbol(sym, "XNYS")
	for _, l := range t.m.Company(int(id)).Listings {
		if strings.EqualFold(l.Symbol, sym) && usMICs[l.MIC] {
			return l
		}
	}
	return news.Listing{Symbol: sym}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isTagPrefixByte(c byte) bool { return isWordByte(c) || c == '-' }

func isSymbolByte(c byte) bool { return isWordByte(c) || c == '.' || c == '-' }

// marketWordBefore reports whether the sentence before a lone "(SYM)" talks
// of markets.
func marketWordBefore(before string) bool {
	if len(before) > 160 {
		before = before[len(before)-160:]
	}
	if k := strings.LastIndexAny(before, ".!?\n"); k >= 0 && k < len(before)-3 {
		before = before[k:]
	}
	for _, w := range secmaster.Words(before) {
		if businessWords[w] {
			return true
		}
	}
	return false
}
