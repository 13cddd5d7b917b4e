// Package secmaster is the security master: listed companies (issuers) with
// their names, aliases, brands, country, sector and every listing (the
// exchange's own symbol and the ISO 10383 MIC, primary first), and a lookup
// index by symbol, SYMBOL.MIC and normalised name.
//
// It is pure: importers read the publishers' reference files from an
// io.Reader or a directory and return values; storing the master is the
// caller's job (Encode / Decode give one blob for store.Store.SaveMaster).
package secmaster

import (
	"sort"
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Company is one issuer and its listings.
type Company struct {
	Name     string         // the legal or best-known full name
	Aliases  []string       // other names of the company itself: short names, abbreviations, former names
	Brands   []string       // brands and subsidiaries that stand for the listed parent in news
	Country  string         // ISO 3166 alpha-2 of the home market
	Sector   string         // broad sector
	Industry string         // industry within the sector
	ISIN     string         // of the primary share line, where known
	FIGI     string         // composite FIGI of the primary share line, where known
	Listings []news.Listing // primary first
	// Ambiguous lists the aliases and brands that are also common words or
	// people's names (Apple, Target, Ford); the tagger wants context for them.
	Ambiguous []string
	// BrandSince gives, for brands that were companies of their own before
	// the parent bought them (LinkedIn, VMware), the year they joined it:
	// older news means the company the brand then was.
	BrandSince map[string]int
	// Venues lists the brands that name an exchange the company operates
	// (NYSE, BSE): they stand for the company only where the text does not
	// speak of the trading venue ("listed on the NYSE", "BSE Sensex").
	Venues []string
	// Former lists the listings the company traded under before a ticker
	// change or a rename (SLW:XNYS of Wheaton Precious Metals); old news
	// names it by them.
	Former []news.Listing
	// Weight ranks companies that share a name: larger is better known.
	// Curated companies weigh most, then by market-cap class.
	Weight int
	// Curated marks companies from the embedded table written by hand.
	Curated bool
	// Fund marks an exchange-traded fund rather than an operating company:
	// news names it by its full name only.
	Fund bool
	// Listed is the year the company's shares first traded on a US
	// exchange (its IPO year in the exchange files), 0 when unknown; older
	// news using its symbol meant someone else.
	Listed int
}

// ListedBy reports whether the company may have traded under its symbols
// in year (0: unknown, so it may have).
func (c *Company) ListedBy(year int) bool {
	return year == 0 || c.Listed == 0 || c.Listed <= year
}

// Weights of company sources, used to prefer one company over another that
// shares a name.
const (
	WeightCurated = 100
	WeightMega    = 60
	WeightLarge   = 50
	WeightMid     = 40
	WeightSmall   = 30
	WeightMicro   = 20
	WeightUnknown = 10
	WeightFund    = 5 // below every company sharing a symbol
)

// PrimaryListing returns the company's first listing, or the zero Listing.
func (c *Company) PrimaryListing() news.Listing {
	if len(c.Listings) == 0 {
		return news.Listing{}
	}
	return c.Listings[0]
}

// HasListing reports whether the company trades as l.
func (c *Company) HasListing(l news.Listing) bool {
	for _, x := range c.Listings {
		if x == l {
			return true
		}
	}
	return false
}

// IsVenue reports whether name (any case) is one of the exchanges the
// company operates.
func (c *Company) IsVenue(name string) bool {
	for _, v := range c.Venues {
		if strings.EqualFold(v, name) {
			return true
		}
	}
	return false
}

// IsAmbiguous reports whether name (any case) is one of the company's
// ambiguous names.
func (c *Company) IsAmbiguous(name string) bool {
	for _, a := range c.Ambiguous {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// Master is a set of companies with a lookup index. Build it with New; it is
// read-only afterwards and safe for concurrent use.
type Master struct {
	companies []Company
	bySymbol  map[string][]int32 // upper-case symbol
	byFormer  map[string][]int32 // upper-case former symbol
	byKey     map[string]int32   // SYMBOL.MIC upper-case
	byName    map[string][]int32 // NormName of name, aliases and brands
	common    map[string]int32   // common words → descriptions using them (see IsCommon)
	places    map[string]bool    // place names (see IsPlace)
}

// New indexes companies into a Master. It keeps the slice.
func New(companies []Company) *Master {
	m := &Master{
		companies: companies,
		bySymbol:  make(map[string][]int32, len(companies)),
		byFormer:  map[string][]int32{},
		byKey:     make(map[string]int32, len(companies)),
		byName:    make(map[string][]int32, len(companies)*2),
	}
	for i := range companies {
		c := &companies[i]
		id := int32(i)
		for _, l := range c.Listings {
			sym := strings.ToUpper(l.Symbol)
			m.bySymbol[sym] = appendUnique(m.bySymbol[sym], id)
			key := sym + "." + l.MIC
			if _, dup := m.byKey[key]; !dup {
				m.byKey[key] = id
			}
		}
		for _, l := range c.Former {
			sym := strings.ToUpper(l.Symbol)
			m.byFormer[sym] = appendUnique(m.byFormer[sym], id)
		}
		for _, n := range c.Names() {
			k := NormName(n)
			if k != "" {
				m.byName[k] = appendUnique(m.byName[k], id)
			}
		}
	}
	for _, ids := range m.bySymbol {
		m.sortByWeight(ids)
	}
	for _, ids := range m.byName {
		m.sortByWeight(ids)
	}
	for _, ids := range m.byFormer {
		m.sortByWeight(ids)
	}
	return m
}

func (m *Master) sortByWeight(ids []int32) {
	sort.SliceStable(ids, func(a, b int) bool {
		return m.companies[ids[a]].Weight > m.companies[ids[b]].Weight
	})
}

func appendUnique(ids []int32, id int32) []int32 {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// Names returns the company's name, aliases and brands.
func (c *Company) Names() []string {
	out := make([]string, 0, 1+len(c.Aliases)+len(c.Brands))
	out = append(out, c.Name)
	out = append(out, c.Aliases...)
	return append(out, c.Brands...)
}

// Len is the number of companies.
func (m *Master) Len() int { return len(m.companies) }

// Company returns the company with index id (0 <= id < Len()).
func (m *Master) Company(id int) *Company { return &m.companies[id] }

// Companies returns every company; the caller must not modify them.
func (m *Master) Companies() []Company { return m.companies }

// ByListing returns the company trading as symbol on mic.
func (m *Master) ByListing(symbol, mic string) (*Company, bool) {
	id, ok := m.byKey[strings.ToUpper(symbol)+"."+strings.ToUpper(mic)]
	if !ok {
		return nil, false
	}
	return &m.companies[id], true
}

// BySymbol returns the companies with a listing of that symbol on any
// exchange, best known first.
func (m *Master) BySymbol(symbol string) []*Company {
	return m.pick(m.bySymbol[strings.ToUpper(symbol)])
}

// ByName returns the companies whose name, alias or brand normalises to the
// same key as name, best known first.
func (m *Master) ByName(name string) []*Company {
	return m.pick(m.byName[NormName(name)])
}

func (m *Master) pick(ids []int32) []*Company {
	out := make([]*Company, len(ids))
	for i, id := range ids {
		out[i] = &m.companies[id]
	}
	return out
}

// Lookup finds companies by a name, a bare symbol or SYMBOL.MIC, best
// matches first and without duplicates.
func (m *Master) Lookup(q string) []*Company {
	q = strings.TrimSpace(q)
	var out []*Company
	seen := map[*Company]bool{}
	add := func(cs ...*Company) {
		for _, c := range cs {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	if i := strings.LastIndexByte(q, '.'); i > 0 {
		if c, ok := m.ByListing(q[:i], q[i+1:]); ok {
			add(c)
		}
	}
	if ex, sym, ok := ParseTag(q); ok {
		if c, ok := m.ByListing(sym, ex); ok {
			add(c)
		}
	}
	add(m.BySymbol(strings.TrimPrefix(q, "$"))...)
	add(m.ByName(q)...)
	add(m.pick(m.FormerSymbolIDs(strings.TrimPrefix(q, "$")))...)
	return out
}

// ListingID returns the index of the company trading as symbol on mic.
func (m *Master) ListingID(symbol, mic string) (int, bool) {
	id, ok := m.byKey[strings.ToUpper(symbol)+"."+strings.ToUpper(mic)]
	return int(id), ok
}

// SymbolIDs returns the indexes of the companies with a listing of symbol,
// best known first. The caller must not modify the slice.
func (m *Master) SymbolIDs(symbol string) []int32 {
	return m.bySymbol[strings.ToUpper(symbol)]
}

// FormerSymbolIDs returns the indexes of the companies that once traded
// as symbol (see Company.Former), best known first. The caller must not
// modify the slice.
func (m *Master) FormerSymbolIDs(symbol string) []int32 {
	return m.byFormer[strings.ToUpper(symbol)]
}

// IsCommon reports whether word (folded) is used by many company
// descriptions of the imported files, too common to name one company on its
// own. The embedded default knows none.
func (m *Master) IsCommon(word string) bool { return m.common[word] >= CommonWordMin }

// WordCount returns how many imported company descriptions use word
// (folded), counted only for words at least CommonWordMin use.
func (m *Master) WordCount(word string) int { return int(m.common[word]) }

// IsPlace reports whether a name (any form) is a city, state or country of
// the imported files.
func (m *Master) IsPlace(name string) bool { return m.places[NormName(name)] }
