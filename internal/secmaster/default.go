package secmaster

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/tickerwire/tickerwire/internal/news"
)

//go:embed companies.txt
var curatedTable string

var sectorNames = map[string]string{
	"T": "Technology", "CS": "Communication Services", "CD": "Consumer Discretionary",
	"ST": "Consumer Staples", "E": "Energy", "F": "Financials", "H": "Health Care",
	"I": "Industrials", "M": "Materials", "RE": "Real Estate", "U": "Utilities",
}

var (
	defaultOnce      sync.Once
	defaultCompanies []Company
)

// Curated returns a fresh copy of the embedded curated companies.
func Curated() []Company {
	defaultOnce.Do(func() {
		cs, err := ParseCurated(curatedTable)
		if err != nil {
			panic("secmaster: embedded table: " + err.Error()) // a build-time fact, covered by tests
		}
		defaultCompanies = cs
	})
	out := make([]Company, len(defaultCompanies))
	copy(out, defaultCompanies)
	return out
}

// Default returns the embedded default master: the curated companies that
// world news names most, usable with no import at all.
func Default() *Master {
	return New(Curated())
}

// ParseCurated reads the curated table format (see companies.txt).
func ParseCurated(table string) ([]Company, error) {
	var out []Company
	sc := bufio.NewScanner(strings.NewReader(table))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 6 && len(f) != 7 {
			return nil, fmt.Errorf("line %d: want 6 or 7 fields, got %d", n, len(f))
		}
		c := Company{Name: strings.TrimSpace(f[0]), Country: strings.TrimSpace(f[1]), Weight: WeightCurated, Curated: true}
		if s := strings.TrimSpace(f[2]); s != "" {
			name, ok := sectorNames[s]
			if !ok {
				return nil, fmt.Errorf("line %d: unknown sector %q", n, s)
			}
			c.Sector = name
		}
		listings, err := parseListings(f[3])
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		c.Listings = listings
		var ambAliases, ambBrands []string
		c.Aliases, ambAliases, _ = splitNames(f[4])
		c.Brands, ambBrands, c.Venues = splitNames(f[5])
		if c.Brands, c.BrandSince, err = brandYears(c.Brands); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		for _, names := range [][]string{ambBrands, c.Venues} {
			for i, b := range names {
				names[i], _, _ = strings.Cut(b, "@")
			}
		}
		c.Ambiguous = append(ambAliases, ambBrands...)
		if len(f) == 7 {
			if c.Former, err = parseListings(f[6]); err != nil {
				return nil, fmt.Errorf("line %d: former listings: %v", n, err)
			}
		}
		if c.Name == "" || len(c.Listings) == 0 && len(c.Former) == 0 {
			return nil, fmt.Errorf("line %d: a company needs a name and a listing (a delisted one: a former listing)", n)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// parseListings reads "SYM:MIC SYM:MIC"; a symbol may hold a space when the
// exchange writes it so ("ERIC B:XSTO"), as the colon, not the space, ends it.
func parseListings(s string) ([]news.Listing, error) {
	var out []news.Listing
	rest := strings.TrimSpace(s)
	for rest != "" {
		i := strings.IndexByte(rest, ':')
		if i <= 0 {
			return nil, fmt.Errorf("bad listing %q", rest)
		}
		sym := rest[:i]
		rest = rest[i+1:]
		j := strings.IndexByte(rest, ' ')
		mic := rest
		if j >= 0 {
			mic, rest = rest[:j], strings.TrimSpace(rest[j+1:])
		} else {
			rest = ""
		}
		if _, ok := exchanges[mic]; !ok {
			return nil, fmt.Errorf("unknown MIC %q", mic)
		}
		out = append(out, news.Listing{Symbol: strings.TrimSpace(sym), MIC: mic})
	}
	return out, nil
}

// brandYears splits "LinkedIn@2016" into the brand and the year it joined
// the company.
func brandYears(brands []string) ([]string, map[string]int, error) {
	var since map[string]int
	for i, b := range brands {
		name, year, ok := strings.Cut(b, "@")
		if !ok {
			continue
		}
		y, err := strconv.Atoi(strings.TrimSpace(year))
		if err != nil || y < 1800 || y > 2200 {
			return nil, nil, fmt.Errorf("brand %q: want NAME@YEAR", b)
		}
		if since == nil {
			since = map[string]int{}
		}
		brands[i] = strings.TrimSpace(name)
		since[brands[i]] = y
	}
	return brands, since, nil
}

// splitNames reads ";"-separated names; a leading "~" marks an ambiguous
// name, a leading "^" the name of an exchange the company operates.
func splitNames(s string) (names, amb, ven []string) {
	for _, n := range strings.Split(s, ";") {
		n = strings.TrimSpace(n)
		isAmb, isVenue := false, false
		for n != "" && (n[0] == '~' || n[0] == '^') {
			isAmb, isVenue = isAmb || n[0] == '~', isVenue || n[0] == '^'
			n = strings.TrimSpace(n[1:])
		}
		if n == "" {
			continue
		}
		names = append(names, n)
		if isAmb {
			amb = append(amb, n)
		}
		if isVenue {
			ven = append(ven, n)
		}
	}
	return names, amb, ven
}
