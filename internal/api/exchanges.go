package api

// exchangeNames are the long names of the markets news most often cites,
// by ISO 10383 MIC.
var exchangeNames = map[string]string{
	"XNAS": "NASDAQ Stock Exchange", "XNYS": "New York Stock Exchange", "XASE": "NYSE American",
	"ARCX": "NYSE Arca", "BATS": "Cboe BZX", "OTCM": "OTC Markets", "XTKS": "Tokyo Stock Exchange",
	"XSHG": "Shanghai Stock Exchange", "XSHE": "Shenzhen Stock Exchange", "XHKG": "Hong Kong Exchanges",
	"XTAI": "Taiwan Stock Exchange", "ROCO": "Taipei Exchange", "XLON": "London Stock Exchange",
	"XASX": "Australian Securities Exchange", "XNSE": "National Stock Exchange of India",
	"XBOM": "BSE", "XPAR": "Euronext Paris", "XAMS": "Euronext Amsterdam", "XBRU": "Euronext Brussels",
	"XETR": "Xetra", "XFRA": "Frankfurt Stock Exchange", "XSWX": "SIX Swiss Exchange",
	"XMIL": "Borsa Italiana", "XMAD": "Bolsa de Madrid", "XSTO": "Nasdaq Stockholm",
	"XCSE": "Nasdaq Copenhagen", "XHEL": "Nasdaq Helsinki", "XOSL": "Oslo Børs", "XTSE": "Toronto Stock Exchange",
	"XTSX": "TSX Venture Exchange", "XKRX": "Korea Exchange", "XSES": "Singapore Exchange",
	"BVMF": "B3", "XMEX": "Bolsa Mexicana de Valores", "XJSE": "Johannesburg Stock Exchange",
}

// ExchangeName is the long name of a market by MIC, or the MIC itself.
func ExchangeName(mic string) string {
	if n, ok := exchangeNames[mic]; ok {
		return n
	}
	return mic
}
