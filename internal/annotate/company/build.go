package company

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/secmaster"
)

//go:embed entities.txt
var entityTable string

// kind says what a name stands for.
type kind uint8

const (
	kindCompany kind = iota // a listed company of the master
	kindOrg                 // an unlisted organisation
	kindGov                 // a regulator or public body (reported as an organisation)
	kindIndex               // an index, exchange venue or generic term: never reported
)

// flags qualify a name.
type flags uint8

const (
	fFullName   flags = 1 << iota // the company's full registered name
	fBrand                        // a brand or subsidiary standing for the company
	fAcronym                      // an all-capital abbreviation: the text must write it in capitals
	fExactCase                    // written with a lower-case start (eBay, iPhone): the text must match the case
	fDerived                      // derived from an imported name (short form): weaker evidence
	fAmbiguous                    // also a common word or a person's name: wants context
	fPossessive                   // a name with a possessive ending (McDonald's): the text must write it
	fVenue                        // an exchange the company operates (NYSE): the company only outside venue talk
)

type entry struct {
	id    int32 // company index in the master, or entity index
	kind  kind
	flags flags
	form  string // the first word as written, kept for fExactCase names
	since uint16 // for a brand that was a company of its own: the year it joined the parent
}

// entity is an unlisted organisation or a name that is not a company.
type entity struct {
	name  string   // the canonical name reported
	kind  kind     // kindOrg, kindGov or kindIndex
	names []string // every name it is written as, the canonical one first
}

// parseEntities reads entities.txt.
func parseEntities(table string) ([]entity, error) {
	kinds := map[string]kind{"org": kindOrg, "gov": kindGov, "index": kindIndex}
	var out []entity
	sc := bufio.NewScanner(strings.NewReader(table))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		k, ok := kinds[f[0]]
		if len(f) != 3 || !ok || f[1] == "" {
			return nil, fmt.Errorf("entities line %d: want KIND|name|aliases", n)
		}
		e := entity{name: f[1], kind: k, names: []string{f[1]}}
		for _, alias := range strings.Split(f[2], ";") {
			if alias = strings.TrimSpace(alias); alias != "" {
				e.names = append(e.names, alias)
			}
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// descriptorWords end company names without telling them apart ("Kansai
// Nerolac Paints" is called "Kansai Nerolac"); short forms drop them.
var descriptorWords = set(
	"industries", "industry", "technologies", "technology", "tech", "pharmaceuticals", "pharmaceutical", "pharma",
	"therapeutics", "biosciences", "bioscience", "biotechnology", "biotechnologies", "biotech", "bancorp", "bancshares",
	"financial", "resources", "mining", "minerals", "metals", "electronics", "systems", "solutions", "communications",
	"enterprises", "international", "intl", "worldwide", "global", "services", "entertainment", "paints", "cement",
	"cements", "chemicals", "chemical", "fertilisers", "fertilizers", "motors", "motor", "automotive", "energy",
	"petroleum", "networks", "software", "labs", "laboratories", "sciences", "healthcare", "medical", "investments",
	"partners", "properties", "realty", "logistics", "shipping", "foods", "beverages", "brands", "products",
	"manufacturing", "engineering", "infrastructure", "textiles", "ventures", "companies", "incorporated", "network",
	"investment", "fashions", "fashion", "apparel", "rail", "railways", "wagons", "cables", "mills", "papers", "sugars",
	"corporation", "limited", "holdings", "group", "co", "inc", "ltd", "plc", "corp", "ag", "sa", "nv", "se", "&",
	"of", "india", "(india)", "usa", "america", "americas", "canada", "japan", "china", "europe", "uk",
)

// abbreviations are the short forms news writes for the last word of a name.
var abbreviations = map[string][]string{
	"pharmaceuticals": {"pharma"}, "pharmaceutical": {"pharma"}, "infrastructure": {"infra"},
	"technologies": {"tech"}, "technology": {"tech"}, "management": {"mgmt"}, "international": {"intl"},
	"biotechnologies": {"biotech", "bio"}, "biotechnology": {"biotech", "bio"}, "laboratories": {"labs"},
	"corporation": {"corp"}, "communications": {"comm"}, "financial": {"finl"}, "industries": {"inds"},
	"entertainment": {"ent"}, "semiconductor": {"semi"}, "petroleum": {"petro"},
}

// fundKindWords end fund names: "ETF", "Index Fund", "Trust".
var fundKindWords = set("etf", "etfs", "fund", "index", "trust", "shares", "portfolio", "&", "the")

// fundCore is a fund's name without the trailing words of its kind.
func fundCore(words []string) []string {
	n := len(words)
	for n > 0 && fundKindWords[words[n-1]] {
		n--
	}
	return words[:n]
}

// abbreviated returns the name with its last word in each short form news
// writes for it ("Avalanche Biotechnologies" → "Avalanche Biotech",
// "Avalanche Bio"); none for a one-word name.
func abbreviated(words []string) [][]string {
	if len(words) < 2 {
		return nil
	}
	head := words[:len(words)-1]
	var out [][]string
	for _, ab := range abbreviations[words[len(words)-1]] {
		out = append(out, append(append([]string{}, head...), ab))
	}
	return out
}

// addCompany indexes every name of company id.
func (t *trie) addCompany(m *secmaster.Master, id int32) {
	c := m.Company(int(id))
	amb, venue := map[string]bool{}, map[string]bool{}
	for _, a := range c.Ambiguous {
		amb[strings.Join(secmaster.Words(a), " ")] = true
	}
	for _, v := range c.Venues {
		venue[strings.Join(secmaster.Words(v), " ")] = true
	}
	add := func(name string, words []string, f flags) {
		if len(words) == 0 || len(words) > 1 && functionWords[words[len(words)-1]] {
			return // "Brown &", "The Bank of": a name does not end in a small word
		}
		key := strings.Join(words, " ")
		if amb[key] {
			f |= fAmbiguous
		}
		if venue[key] {
			f |= fVenue
		}
		e := entry{id: id, kind: kindCompany, flags: f}
		if f&fBrand != 0 {
			e.since = uint16(c.BrandSince[name])
		}
		if isAcronym(name) {
			e.flags |= fAcronym
		}
		if strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") {
			e.flags |= fPossessive
		}
		if r, _ := utf8.DecodeRuneInString(name); unicode.IsLower(r) && (c.Curated || camelCase(name)) {
			e.flags |= fExactCase
			e.form, _, _ = strings.Cut(name, " ") // the spelling of its first word: short forms drop the rest
		}
		t.add(words, e)
	}
	full := secmaster.Words(c.Name)
	if c.Fund && !c.Curated {
		// a fund by its full name, or without the words of its kind when
		// enough are left to tell it apart ("iShares MSCI All Country Asia ex
		// Japan" of its ETF, once its Index Fund)
		add(c.Name, full, fFullName)
		if core := fundCore(full); len(core) >= 3 && len(core) < len(full) {
			add(c.Name, core, fDerived)
		}
		return
	}
	core := secmaster.CoreWords(c.Name)
	// the full name and its shortenings down to the core: "Nissan Motor Co., Ltd.", "Nissan Motor Co."
	if len(core) > 0 && len(core) <= len(full) && full[0] == core[0] {
		if len(full) > len(core) {
			add(c.Name, full, fFullName)
		}
		short := flags(fFullName)
		if !c.Curated && len(core) == 1 {
			short = fDerived // "Credit Corp" of Credit Corp Group Limited: as weak as "Credit"
		}
		for n := len(full) - 1; n > len(core); n-- {
			add(c.Name, full[:n], short)
		}
	} else {
		add(c.Name, full, fFullName)
	}
	if c.Curated {
		if len(core) > 1 { // a one-word core ("Next", "Williams") counts only when listed as an alias
			add(c.Name, core, 0)
		}
		for _, a := range c.Aliases {
			w := secmaster.Words(a)
			add(a, w, 0)
			for _, v := range abbreviated(w) {
				add(a, v, 0) // "Avalanche Biotech" of Avalanche Biotechnologies, written as the alias is
			}
		}
		for _, b := range c.Brands {
			add(b, secmaster.Words(b), fBrand)
		}
		return
	}
	weak := flags(fDerived)
	if len(core) == 1 {
		weak |= fAmbiguous
	}
	add(c.Name, core, weak)
	for _, a := range c.Aliases {
		w := secmaster.Words(a)
		f := flags(fDerived)
		if len(w) == 1 {
			f |= fAmbiguous
		}
		add(a, w, f)
		for _, v := range abbreviated(w) {
			add(strings.Join(v, " "), v, fDerived)
		}
	}
	// initials of a long name ("Indian Railway Finance Corporation" → IRFC)
	if ini := initials(core); len(ini) >= 3 && len(ini) <= 5 && !acronymStop[strings.ToUpper(ini)] {
		t.add([]string{ini}, entry{id: id, kind: kindCompany, flags: fAcronym | fDerived | fAmbiguous})
	}
	// short forms: drop trailing descriptor words, and abbreviate the last one
	short := core
	for len(short) > 1 && descriptorWords[short[len(short)-1]] {
		for _, v := range abbreviated(short) {
			add(strings.Join(v, " "), v, fDerived)
		}
		short = short[:len(short)-1]
		f := flags(fDerived)
		if len(short) == 1 {
			f |= fAmbiguous
		}
		if len(short) == 1 && descriptorWords[short[0]] {
			break
		}
		add(strings.Join(short, " "), short, f)
	}
}

// camelCase reports whether a name's first word starts in lower case and
// holds a capital ("iShares", "eBay"): a brand's spelling, where an
// all-lower-case alias is only a folded one.
func camelCase(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	return strings.ToLower(first) != first
}

// isAcronym reports whether a name is an all-capital abbreviation (GE, SBI, P&G, 3M).
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r):
			return false
		case unicode.IsDigit(r), r == '&', r == '.', r == '-':
		default:
			return false
		}
	}
	return letters > 0 && len(name) <= 6
}

// initials are the first letters of a name's words, leaving out "&" and
// "of"; empty when a word does not start with a letter.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if w == "&" || w == "of" || w == "the" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if r < 'a' || r > 'z' {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// functionWords join the words of a name; no name ends with one.
var functionWords = set("of", "&", "and", "the", "de", "du", "des", "la", "le", "di", "del", "y", "et", "for", "on", "in", "a", "an", "van", "von", "der")
