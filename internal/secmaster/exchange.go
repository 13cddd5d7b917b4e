package secmaster

import (
	"strings"
)

// Exchange is one stock exchange: its ISO 10383 MIC and home country.
type Exchange struct {
	MIC     string
	Country string // ISO 3166 alpha-2
	Name    string
}

// exchanges lists the markets tickerwire knows by MIC (ISO 10383, operating
// or main segment MIC as news and data vendors use them).
var exchanges = map[string]Exchange{
	"XNAS": {"XNAS", "US", "Nasdaq"},
	"XNYS": {"XNYS", "US", "New York Stock Exchange"},
	"XASE": {"XASE", "US", "NYSE American"},
	"ARCX": {"ARCX", "US", "NYSE Arca"},
	"BATS": {"BATS", "US", "Cboe BZX"},
	"OTCM": {"OTCM", "US", "OTC Markets"},
	"XTSE": {"XTSE", "CA", "Toronto Stock Exchange"},
	"XTSX": {"XTSX", "CA", "TSX Venture Exchange"},
	"XCNQ": {"XCNQ", "CA", "Canadian Securities Exchange"},
	"NEOE": {"NEOE", "CA", "Cboe Canada"},
	"XMEX": {"XMEX", "MX", "Bolsa Mexicana de Valores"},
	"BVMF": {"BVMF", "BR", "B3"},
	"XBUE": {"XBUE", "AR", "Bolsa de Comercio de Buenos Aires"},
	"XSGO": {"XSGO", "CL", "Bolsa de Santiago"},
	"BVCA": {"BVCA", "VE", "Bolsa de Valores de Caracas"},
	"XLON": {"XLON", "GB", "London Stock Exchange"},
	"XDUB": {"XDUB", "IE", "Euronext Dublin"},
	"XPAR": {"XPAR", "FR", "Euronext Paris"},
	"XAMS": {"XAMS", "NL", "Euronext Amsterdam"},
	"XBRU": {"XBRU", "BE", "Euronext Brussels"},
	"XLIS": {"XLIS", "PT", "Euronext Lisbon"},
	"XMIL": {"XMIL", "IT", "Borsa Italiana"},
	"XOSL": {"XOSL", "NO", "Oslo Børs"},
	"XETR": {"XETR", "DE", "Xetra"},
	"XFRA": {"XFRA", "DE", "Frankfurt Stock Exchange"},
	"XBER": {"XBER", "DE", "Börse Berlin"},
	"XMUN": {"XMUN", "DE", "Börse München"},
	"XDUS": {"XDUS", "DE", "Börse Düsseldorf"},
	"XHAM": {"XHAM", "DE", "Börse Hamburg"},
	"XHAN": {"XHAN", "DE", "Börse Hannover"},
	"XSTU": {"XSTU", "DE", "Börse Stuttgart"},
	"XWBO": {"XWBO", "AT", "Wiener Börse"},
	"XSWX": {"XSWX", "CH", "SIX Swiss Exchange"},
	"XMAD": {"XMAD", "ES", "Bolsa de Madrid"},
	"XSTO": {"XSTO", "SE", "Nasdaq Stockholm"},
	"XCSE": {"XCSE", "DK", "Nasdaq Copenhagen"},
	"XHEL": {"XHEL", "FI", "Nasdaq Helsinki"},
	"XICE": {"XICE", "IS", "Nasdaq Iceland"},
	"XTAL": {"XTAL", "EE", "Nasdaq Tallinn"},
	"XRIS": {"XRIS", "LV", "Nasdaq Riga"},
	"XLIT": {"XLIT", "LT", "Nasdaq Vilnius"},
	"XWAR": {"XWAR", "PL", "Warsaw Stock Exchange"},
	"XPRA": {"XPRA", "CZ", "Prague Stock Exchange"},
	"XBUD": {"XBUD", "HU", "Budapest Stock Exchange"},
	"ASEX": {"ASEX", "GR", "Athens Exchange"},
	"XIST": {"XIST", "TR", "Borsa Istanbul"},
	"MISX": {"MISX", "RU", "Moscow Exchange"},
	"XTAE": {"XTAE", "IL", "Tel Aviv Stock Exchange"},
	"XSAU": {"XSAU", "SA", "Saudi Exchange (Tadawul)"},
	"DSMD": {"DSMD", "QA", "Qatar Stock Exchange"},
	"XDFM": {"XDFM", "AE", "Dubai Financial Market"},
	"XADS": {"XADS", "AE", "Abu Dhabi Securities Exchange"},
	"XCAI": {"XCAI", "EG", "Egyptian Exchange"},
	"XJSE": {"XJSE", "ZA", "Johannesburg Stock Exchange"},
	"XNSE": {"XNSE", "IN", "National Stock Exchange of India"},
	"XBOM": {"XBOM", "IN", "BSE"},
	"XCOL": {"XCOL", "LK", "Colombo Stock Exchange"},
	"XTKS": {"XTKS", "JP", "Tokyo Stock Exchange"},
	"XSHG": {"XSHG", "CN", "Shanghai Stock Exchange"},
	"XSHE": {"XSHE", "CN", "Shenzhen Stock Exchange"},
	"XHKG": {"XHKG", "HK", "Hong Kong Exchanges"},
	"XTAI": {"XTAI", "TW", "Taiwan Stock Exchange"},
	"ROCO": {"ROCO", "TW", "Taipei Exchange (TPEx)"},
	"XKRX": {"XKRX", "KR", "Korea Exchange (KOSPI)"},
	"XKOS": {"XKOS", "KR", "KOSDAQ"},
	"XSES": {"XSES", "SG", "Singapore Exchange"},
	"XKLS": {"XKLS", "MY", "Bursa Malaysia"},
	"XBKK": {"XBKK", "TH", "Stock Exchange of Thailand"},
	"XIDX": {"XIDX", "ID", "Indonesia Stock Exchange"},
	"XPHS": {"XPHS", "PH", "Philippine Stock Exchange"},
	"XSTC": {"XSTC", "VN", "Ho Chi Minh Stock Exchange"},
	"XASX": {"XASX", "AU", "ASX"},
	"XNZE": {"XNZE", "NZ", "NZX"},
	"AQXE": {"AQXE", "GB", "Aquis Exchange"},
	"XSAP": {"XSAP", "JP", "Sapporo Securities Exchange"},
	"XFKA": {"XFKA", "JP", "Fukuoka Stock Exchange"},
}

// ExchangeByMIC returns the exchange with that MIC.
func ExchangeByMIC(mic string) (Exchange, bool) {
	e, ok := exchanges[strings.ToUpper(mic)]
	return e, ok
}

// tagPrefixes maps the exchange prefixes news sites write before a symbol
// ("NASDAQ: AAPL", "SS:601138", "TYO:7201") to MICs. "TSE" is resolved by the
// symbol's shape (digits: Tokyo, letters: Toronto).
var tagPrefixes = map[string]string{
	"NASDAQ": "XNAS", "NASDAQGS": "XNAS", "NASDAQGM": "XNAS", "NASDAQCM": "XNAS", "NAS": "XNAS", "NMS": "XNAS", "XNAS": "XNAS", "NDAQ": "XNAS",
	"NYSE": "XNYS", "NYS": "XNYS", "NYQ": "XNYS", "XNYS": "XNYS",
	"NYSEAMERICAN": "XASE", "NYSEAMEX": "XASE", "NYSEMKT": "XASE", "AMEX": "XASE", "ASE": "XASE", "XASE": "XASE",
	"NYSEARCA": "ARCX", "ARCA": "ARCX", "PCX": "ARCX",
	"BATS": "BATS", "CBOE": "BATS",
	"OTC": "OTCM", "OTCMKTS": "OTCM", "OTCQX": "OTCM", "OTCQB": "OTCM", "OTCPK": "OTCM", "PINK": "OTCM", "OTCBB": "OTCM", "PNK": "OTCM", "OTCM": "OTCM",
	"TSX": "XTSE", "TOR": "XTSE", "XTSE": "XTSE",
	"TSXV": "XTSX", "CVE": "XTSX", "TSX-V": "XTSX", "TSXV:": "XTSX",
	"CSE": "XCNQ", "CNSX": "XCNQ",
	"BMV":  "XMEX",
	"BVMF": "BVMF", "BOVESPA": "BVMF", "B3": "BVMF",
	"LON": "XLON", "LSE": "XLON", "XLON": "XLON", "AIM": "XLON",
	"ISE": "XDUB",
	"EPA": "XPAR", "PAR": "XPAR", "ENXTPA": "XPAR",
	"AMS": "XAMS", "ENXTAM": "XAMS",
	"EBR": "XBRU", "ENXTBR": "XBRU",
	"ELI": "XLIS", "ENXTLS": "XLIS",
	"BIT": "XMIL", "MIL": "XMIL", "BIT:": "XMIL",
	"OSL": "XOSL", "OB": "XOSL",
	"ETR": "XETR", "XETRA": "XETR", "XETR": "XETR", "GER": "XETR",
	"FRA": "XFRA", "FWB": "XFRA",
	"VIE": "XWBO", "WBAG": "XWBO",
	"SWX": "XSWX", "SIX": "XSWX", "VTX": "XSWX", "EBS": "XSWX",
	"BME": "XMAD", "MCE": "XMAD", "MAD": "XMAD",
	"STO": "XSTO", "OMX": "XSTO", "OM": "XSTO",
	"CPH": "XCSE", "HEL": "XHEL", "ICE": "XICE",
	"WSE": "XWAR", "WAR": "XWAR", "GPW": "XWAR",
	"ATSE": "ASEX", "ATH": "ASEX",
	"IST": "XIST", "BIST": "XIST",
	"MCX": "MISX", "MOEX": "MISX",
	"TASE": "XTAE", "TLV": "XTAE",
	"TADAWUL": "XSAU", "SAU": "XSAU",
	"JSE": "XJSE", "JNB": "XJSE",
	"NSE": "XNSE", "NSEI": "XNSE",
	"BSE": "XBOM", "BOM": "XBOM",
	"TYO": "XTKS", "TOKYO": "XTKS", "JPX": "XTKS", "TSE": "XTKS",
	"SS": "XSHG", "SHA": "XSHG", "SSE": "XSHG", "SHSE": "XSHG", "SH": "XSHG",
	"SZ": "XSHE", "SHE": "XSHE", "SZSE": "XSHE",
	"HKG": "XHKG", "HK": "XHKG", "HKEX": "XHKG", "SEHK": "XHKG",
	"TPE": "XTAI", "TWSE": "XTAI", "TW": "XTAI", "TAI": "XTAI",
	"TPEX": "ROCO", "TWO": "ROCO", "GTSM": "ROCO",
	"KRX": "XKRX", "KOSPI": "XKRX", "KS": "XKRX",
	"KOSDAQ": "XKOS", "KQ": "XKOS",
	"SGX": "XSES", "SES": "XSES",
	"KLSE": "XKLS", "MYX": "XKLS",
	"SET": "XBKK", "BKK": "XBKK",
	"IDX": "XIDX", "JKT": "XIDX",
	"PSE":  "XPHS",
	"HOSE": "XSTC",
	"ASX":  "XASX",
	"NZX":  "XNZE", "NZE": "XNZE",
}

// MICForPrefix resolves an exchange prefix as news writes it ("NASDAQ",
// "OTC", "TYO", "SS") for a symbol, returning the MIC and the exchange's own
// form of the symbol ("0175" on HKG is "175").
func MICForPrefix(prefix, symbol string) (mic, sym string, ok bool) {
	p := strings.ToUpper(strings.TrimSpace(prefix))
	p = strings.ReplaceAll(p, " ", "")
	mic, ok = tagPrefixes[p]
	if !ok {
		return "", "", false
	}
	sym = strings.ToUpper(strings.TrimSpace(symbol))
	if sym == "" {
		return "", "", false
	}
	if p == "TSE" && !isDigits(sym) {
		mic = "XTSE"
	}
	return mic, NormalizeSymbol(sym, mic), true
}

// NormalizeSymbol writes a symbol as the exchange itself does: Hong Kong
// codes without leading zeros (0175 → 175), share classes with a dot on US
// markets (BRK-B, BRK/B → BRK.B).
func NormalizeSymbol(sym, mic string) string {
	sym = strings.ToUpper(strings.TrimSpace(sym))
	switch mic {
	case "XHKG":
		if t := strings.TrimLeft(sym, "0"); isDigits(sym) {
			if t == "" {
				t = "0"
			}
			return t
		}
	case "XNAS", "XNYS", "XASE", "ARCX", "BATS", "OTCM":
		sym = strings.NewReplacer("-", ".", "/", ".").Replace(sym)
	}
	return sym
}

// ParseTag parses an explicit ticker tag "PREFIX:SYMBOL" (spaces allowed
// after the colon) into MIC and symbol.
func ParseTag(s string) (mic, sym string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return MICForPrefix(s[:i], s[i+1:])
}

// yahooSuffixes maps the Yahoo-style symbol suffixes of vendor files
// (7201.T, 601138.SS, 0175.HK) to MICs.
var yahooSuffixes = map[string]string{
	"T": "XTKS", "SS": "XSHG", "SZ": "XSHE", "HK": "XHKG", "TW": "XTAI", "TWO": "ROCO",
	"L": "XLON", "IL": "XLON", "AX": "XASX", "NS": "XNSE", "BO": "XBOM", "KS": "XKRX", "KQ": "XKOS",
	"PA": "XPAR", "AS": "XAMS", "BR": "XBRU", "LS": "XLIS", "MI": "XMIL", "MC": "XMAD",
	"SW": "XSWX", "VX": "XSWX", "DE": "XETR", "F": "XFRA", "BE": "XBER", "MU": "XMUN", "DU": "XDUS",
	"HM": "XHAM", "HA": "XHAN", "SG": "XSTU", "VI": "XWBO", "ST": "XSTO", "CO": "XCSE", "HE": "XHEL",
	"IC": "XICE", "TL": "XTAL", "RG": "XRIS", "VS": "XLIT", "OL": "XOSL", "IR": "XDUB", "AT": "ASEX",
	"IS": "XIST", "ME": "MISX", "TA": "XTAE", "SR": "XSAU", "QA": "DSMD", "CA": "XCAI", "JO": "XJSE",
	"SI": "XSES", "KL": "XKLS", "BK": "XBKK", "JK": "XIDX", "NZ": "XNZE", "TO": "XTSE", "V": "XTSX",
	"CN": "XCNQ", "NE": "NEOE", "MX": "XMEX", "SA": "BVMF", "BA": "XBUE", "SN": "XSGO", "CR": "BVCA",
	"CM": "XCOL", "AQ": "AQXE", "S": "XSAP", "WA": "XWAR", "PR": "XPRA", "BD": "XBUD",
}

// operatingToSegment maps operating MICs that vendor files give to the
// segment MIC listings use (XJPX is the JPX group; shares trade on XTKS).
var operatingToSegment = map[string]string{"XJPX": "XTKS"}

// SplitYahooSymbol splits a Yahoo-style symbol into the exchange's own
// symbol and MIC; fallbackMIC is used when there is no known suffix.
func SplitYahooSymbol(s, fallbackMIC string) (sym, mic string) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mic = fallbackMIC
	if seg, ok := operatingToSegment[mic]; ok {
		mic = seg
	}
	if i := strings.LastIndexByte(s, '.'); i > 0 {
		if m, ok := yahooSuffixes[s[i+1:]]; ok {
			s, mic = s[:i], m
		}
	}
	switch mic {
	case "XSTO", "XCSE", "XHEL":
		s = strings.ReplaceAll(s, "-", " ") // Nasdaq Nordic writes share classes with a space: "ERIC B"
	}
	return NormalizeSymbol(s, mic), mic
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
