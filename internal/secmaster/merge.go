package secmaster

import (
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// record is one listing of one issuer as a reference file gives it.
type record struct {
	Name, Country, Sector, Industry, ISIN, FIGI string
	Listing                                     news.Listing
	Weight                                      int
	Aliases                                     []string
	// LinkOnly: add the listing only to a company already known (a
	// cross-listing, or a file without names of its own).
	LinkOnly bool
	// AnyCountry: the file gives no country, so link by name alone (SEC
	// files list foreign issuers' US and OTC lines).
	AnyCountry bool
	// Group links records of one issuer within a file (the SEC's CIK).
	Group string
	// Fund: an exchange-traded fund, linked by its listing only.
	Fund bool
	// Listed: the year the listing first traded, 0 when the file does not say.
	Listed int
	// Delisted: a listing that no longer trades, kept as a former listing of
	// a company already known.
	Delisted bool
}

// builder merges records into companies.
type builder struct {
	companies []Company
	byListing map[string]int
	byISIN    map[string]int
	byFIGI    map[string]int
	byName    map[string][]int // NormName|country, and NormName alone
	byGroup   map[string]int
}

func newBuilder(base []Company) *builder {
	b := &builder{byListing: map[string]int{}, byISIN: map[string]int{}, byFIGI: map[string]int{},
		byName: map[string][]int{}, byGroup: map[string]int{}}
	for _, c := range base {
		b.insert(c)
	}
	return b
}

func (b *builder) insert(c Company) int {
	id := len(b.companies)
	b.companies = append(b.companies, c)
	for _, l := range c.Listings {
		b.byListing[l.Key()] = id
	}
	b.indexNames(id)
	if c.ISIN != "" {
		b.byISIN[c.ISIN] = id
	}
	if c.FIGI != "" {
		b.byFIGI[c.FIGI] = id
	}
	return id
}

func (b *builder) indexNames(id int) {
	c := &b.companies[id]
	names := append([]string{c.Name}, c.Aliases...)
	for _, n := range names {
		k := NormName(n)
		if k == "" {
			continue
		}
		b.byName[k+"|"+c.Country] = appendInt(b.byName[k+"|"+c.Country], id)
		b.byName[k] = appendInt(b.byName[k], id)
	}
}

func appendInt(ids []int, id int) []int {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// find returns the company a record belongs to, or -1.
func (b *builder) find(r *record) int {
	if id, ok := b.byListing[r.Listing.Key()]; ok {
		return id
	}
	if r.Group != "" {
		if id, ok := b.byGroup[r.Group]; ok {
			return id
		}
	}
	if r.ISIN != "" {
		if id, ok := b.byISIN[r.ISIN]; ok {
			return id
		}
	}
	if r.FIGI != "" {
		if id, ok := b.byFIGI[r.FIGI]; ok {
			return id
		}
	}
	key := NormName(r.Name)
	if key == "" || r.Fund {
		return -1 // fund names are alike ("... Equity ETF"): only a listing links a fund
	}
	if r.Country != "" {
		if ids := b.byName[key+"|"+r.Country]; len(ids) > 0 {
			return ids[0]
		}
	}
	if r.AnyCountry || r.LinkOnly {
		if ids := b.byName[key]; len(ids) > 0 {
			return b.best(ids)
		}
	}
	return -1
}

func (b *builder) best(ids []int) int {
	best := ids[0]
	for _, id := range ids[1:] {
		if b.companies[id].Weight > b.companies[best].Weight {
			best = id
		}
	}
	return best
}

// add merges one record; it reports whether a company and a listing were added.
func (b *builder) add(r record) (newCompany, newListing bool) {
	if r.Delisted {
		return false, b.addFormer(r)
	}
	id := b.find(&r)
	if id < 0 {
		if r.LinkOnly || r.Name == "" {
			return false, false
		}
		c := Company{Name: r.Name, Country: r.Country, Sector: r.Sector, Industry: r.Industry, ISIN: r.ISIN,
			FIGI: r.FIGI, Listings: []news.Listing{r.Listing}, Weight: r.Weight, Aliases: r.Aliases, Fund: r.Fund,
			Listed: r.Listed}
		if c.Weight == 0 {
			c.Weight = WeightUnknown
		}
		id = b.insert(c)
		if r.Group != "" {
			b.byGroup[r.Group] = id
		}
		return true, true
	}
	c := &b.companies[id]
	if r.Group != "" {
		b.byGroup[r.Group] = id
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	if !r.Fund || c.Fund { // a fund line of an issuer's own listing (an ETN) says nothing of the issuer
		fill(&c.Country, r.Country)
		fill(&c.Sector, r.Sector)
		fill(&c.Industry, r.Industry)
	}
	if c.ISIN == "" && r.ISIN != "" {
		c.ISIN = r.ISIN
		b.byISIN[r.ISIN] = id
	}
	if c.FIGI == "" && r.FIGI != "" {
		c.FIGI = r.FIGI
		b.byFIGI[r.FIGI] = id
	}
	if !c.Curated && r.Weight > c.Weight {
		c.Weight = r.Weight
	}
	if !c.Curated && r.Listed > 0 && (c.Listed == 0 || r.Listed < c.Listed) {
		c.Listed = r.Listed // the first of its lines; the curated companies' symbols are old news's
	}
	added := false
	for _, a := range r.Aliases {
		if c.Curated {
			break // the curated names are authoritative
		}
		if r.LinkOnly && !sharesWord(a, c.Name) {
			continue // a noisy alias table: keep aliases that share a word with the name
		}
		if !containsFold(c.Aliases, a) && !strings.EqualFold(a, c.Name) {
			c.Aliases = append(c.Aliases, a)
			added = true
		}
	}
	if added {
		b.indexNames(id)
	}
	if r.Listing.Symbol == "" || r.Listing.MIC == "" {
		return false, false
	}
	if _, ok := b.byListing[r.Listing.Key()]; ok {
		return false, false
	}
	b.byListing[r.Listing.Key()] = id
	c.Listings = append(c.Listings, r.Listing)
	return false, true
}

// addFormer adds a delisted line to the company it belonged to, found by
// ISIN, FIGI or name and country; a line some company trades as today, or
// one of a company no longer known, is left out.
func (b *builder) addFormer(r record) bool {
	if _, current := b.byListing[r.Listing.Key()]; current || r.Listing.Symbol == "" || r.Country == "" {
		return false
	}
	id := b.find(&r)
	if id < 0 {
		return false
	}
	c := &b.companies[id]
	for _, l := range c.Former {
		if l == r.Listing {
			return false
		}
	}
	c.Former = append(c.Former, r.Listing)
	return true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// sharesWord reports whether two names share a core word.
func sharesWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range CoreWords(b) {
		words[w] = true
	}
	for _, w := range CoreWords(a) {
		if words[w] {
			return true
		}
	}
	return false
}
