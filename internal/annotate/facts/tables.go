package facts

import "strings"

// gluedScales are scales written onto the number: "2.3bn", "$200B", "5m".
var gluedScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
	"t": 1e12, "tn": 1e12, "trn": 1e12,
}

// scaleWords are scales written as a word after the number.
var scaleWords = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
	"billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
	"trillion": 1e12, "trillions": 1e12, "trln": 1e12, "tn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
}

// currencyPrefixes are written before the number; longer ones first where
// one ends another ("US$" before "$").
var currencyPrefixes = []struct{ text, code string }{
	{"US$", "USD"}, {"U.S.$", "USD"}, {"USD", "USD"}, {"C$", "CAD"}, {"CA$", "CAD"}, {"CAD", "CAD"},
	{"A$", "AUD"}, {"AU$", "AUD"}, {"AUD", "AUD"}, {"NZ$", "NZD"}, {"HK$", "HKD"}, {"HKD", "HKD"},
	{"S$", "SGD"}, {"SGD", "SGD"}, {"NT$", "TWD"}, {"TWD", "TWD"}, {"R$", "BRL"}, {"BRL", "BRL"},
	{"MX$", "MXN"}, {"$", "USD"}, {"€", "EUR"}, {"EUR", "EUR"}, {"£", "GBP"}, {"GBP", "GBP"},
	{"¥", "JPY"}, {"JPY", "JPY"}, {"CN¥", "CNY"}, {"RMB", "CNY"}, {"CNY", "CNY"}, {"₹", "INR"},
	{"Rs.", "INR"}, {"Rs", "INR"}, {"INR", "INR"}, {"₩", "KRW"}, {"KRW", "KRW"}, {"CHF", "CHF"},
	{"SFr", "CHF"}, {"₽", "RUB"}, {"RUB", "RUB"}, {"ZAR", "ZAR"}, {"SEK", "SEK"}, {"NOK", "NOK"},
	{"DKK", "DKK"}, {"₺", "TRY"}, {"TRY", "TRY"}, {"R", "ZAR"},
}

// currencyBefore returns the currency written just before the number at i
// (allowing one space: "Rs 450", "US$ 5") and its length with the space.
func currencyBefore(text string, i int) (string, int) {
	for _, p := range currencyPrefixes {
		for gap := 0; gap <= 1; gap++ {
			if gap == 1 && (i == 0 || text[i-1] != ' ') || !strings.HasSuffix(text[:i-gap], p.text) {
				continue
			}
			// The code must start a word (not the "rs" of "years"), and a
			// lone R is the rand only when spaced ("R 5", not "R5").
			k := i - gap - len(p.text)
			if k > 0 && isWordByte(text, k) || p.text == "R" && gap == 0 {
				continue
			}
			return p.code, len(p.text) + gap
		}
	}
	return "", 0
}

// currencyWords are written after the number (and its scale).
var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "dlrs": "USD", "dlr": "USD", "usd": "USD",
	"euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds": "GBP", "sterling": "GBP", "stg": "GBP", "gbp": "GBP",
	"yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
	"rupees": "INR", "rupee": "INR", "inr": "INR", "won": "KRW", "ringgit": "MYR", "baht": "THB",
	"pesos": "MXN", "rand": "ZAR", "roubles": "RUB", "rubles": "RUB", "reais": "BRL", "real": "BRL",
	"francs": "FRF", "marks": "DEM", "guilders": "NLG", "lire": "ITL", "rupiah": "IDR", "dinars": "KWD",
	"riyals": "SAR", "dirhams": "AED", "crowns": "SEK", "kronor": "SEK", "kroner": "NOK",
}

// qualifiedCurrencies are currency words whose adjective names another
// currency: "Canadian dlrs", "Hong Kong dollars", "Swiss francs".
var qualifiedCurrencies = map[string]map[string]string{
	"USD": {"canadian": "CAD", "australian": "AUD", "singapore": "SGD", "taiwan": "TWD",
		"new taiwan": "TWD", "hong kong": "HKD", "new zealand": "NZD", "u.s.": "USD", "us": "USD",
		"american": "USD", "zimbabwe": "ZWD", "jamaican": "JMD"},
	"FRF": {"swiss": "CHF", "french": "FRF", "belgian": "BEF", "luxembourg": "LUF"},
	"SEK": {"swedish": "SEK", "danish": "DKK", "norwegian": "NOK"},
	"NOK": {"norwegian": "NOK", "danish": "DKK"},
	"GBP": {"british": "GBP", "egyptian": "EGP", "irish": "IEP"},
	"MXN": {"mexican": "MXN", "philippine": "PHP", "argentine": "ARS", "chilean": "CLP", "colombian": "COP"},
	"DEM": {"german": "DEM", "deutsche": "DEM", "finnish": "FIM"},
	"INR": {"indian": "INR", "pakistani": "PKR", "sri lankan": "LKR"},
	"KWD": {"kuwaiti": "KWD", "iraqi": "IQD", "bahraini": "BHD", "jordanian": "JOD"},
}

// currencyAfter reads "dollars", "Canadian dlrs", "cents", "Swiss francs"
// after the number, returning the currency, a multiplier (0.01 for cents)
// and the end.
func currencyAfter(text string, j int) (string, float64, int) {
	var adj []string
	k := j
	for n := 0; n < 3; n++ {
		w, _, end := nextWord(text, k)
		if w == "" {
			return "", 0, j
		}
		switch w {
		case "cents", "cts", "cent":
			if len(adj) == 0 {
				return "USD", 0.01, end
			}
		case "pence":
			if len(adj) == 0 {
				return "GBP", 0.01, end
			}
		}
		if cur, ok := currencyWords[w]; ok {
			if len(adj) > 0 {
				c, ok := qualifiedCurrencies[cur][strings.Join(adj, " ")]
				if !ok {
					return "", 0, j
				}
				cur = c
			}
			return cur, 1, end
		}
		adj = append(adj, w)
		k = end
	}
	return "", 0, j
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// notCountWords never start or continue the noun of a count: units of time
// and words that only look plural.
var notCountWords = map[string]bool{
	"years": true, "months": true, "weeks": true, "days": true, "hours": true, "minutes": true,
	"seconds": true, "times": true, "decades": true, "quarters": true, "is": true, "was": true,
	"has": true, "its": true, "this": true, "as": true, "us": true, "his": true, "yes": true,
	"plus": true, "versus": true, "less": true, "whereas": true, "does": true, "thus": true,
	"percent": true, "pct": true, "per": true, "of": true, "and": true, "or": true, "to": true,
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "by": true, "with": true, "than": true, "were": true, "are": true,
}

var irregularPlurals = map[string]bool{
	"people": true, "staff": true, "children": true, "men": true, "women": true,
	"personnel": true, "cattle": true, "sheep": true, "aircraft": true, "police": true,
	"vehicles": true, "tonnes": true, "feet": true, "teeth": true, "mice": true,
}

// numberWords are the counts written in words.
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
