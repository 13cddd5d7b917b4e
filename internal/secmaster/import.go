package secmaster

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// FileReport says what one reference file gave.
type FileReport struct {
	Path       string
	Format     string // the format recognised, or "" when the file was skipped
	Rows       int    // data rows read
	Companies  int    // new companies
	Listings   int    // new listings, delisted ones as former listings of their companies
	Skipped    int    // rows left out on purpose (funds, warrants, test issues, secondary venues)
	Bad        int    // rows that could not be read
	BadExample string // the first bad row and why
	Note       string // why a whole file was skipped
}

// Report is what an import did, file by file.
type Report struct {
	Files []FileReport
}

// importer reads one format into records.
type importer struct {
	format string
	order  int // files are merged in this order: home listings before cross-listings
	match  func(name string, header []byte) bool
	read   func(r io.Reader, name string, ctx *importContext, emit func(record), rep *FileReport) error
}

// importContext carries what earlier files taught later ones.
type importContext struct {
	countries map[string]string // country name (lower case) → ISO alpha-2
	mics      map[string]bool   // ISO 10383 MICs known
	common    map[string]int    // words (folded) → company descriptions they appear in
	places    map[string]bool   // cities, states and countries (NormName) of the vendor files
}

// ImportDir reads every reference file under dir, in a fixed order (home
// exchange lists first, then US lists that link foreign issuers' US lines
// to them), and merges them over base into one Master.
func ImportDir(dir string, base []Company) (*Master, *Report, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read reference directory: %w", err)
	}
	type job struct {
		path string
		imp  *importer
	}
	var jobs []job
	rep := &Report{}
	for _, p := range paths {
		imp, err := detect(p)
		if err != nil {
			rep.Files = append(rep.Files, FileReport{Path: p, Bad: 1, BadExample: err.Error()})
			continue
		}
		if imp == nil {
			rep.Files = append(rep.Files, FileReport{Path: p, Note: "not a security-master format"})
			continue
		}
		jobs = append(jobs, job{p, imp})
	}
	rank := func(j job) int {
		r := j.imp.order * 10
		if secondaryFiles[strings.TrimSuffix(filepath.Base(j.path), ".csv")] {
			r += 5 // after every home market, so its lines join companies already known
		}
		return r
	}
	sort.SliceStable(jobs, func(a, b int) bool { return rank(jobs[a]) < rank(jobs[b]) })
	b := newBuilder(base)
	ctx := &importContext{countries: builtinCountries(), mics: map[string]bool{}, common: map[string]int{}, places: map[string]bool{}}
	// delisted lines join their companies once every file has made them
	type pending struct {
		file int
		r    record
	}
	var delisted []pending
	for _, j := range jobs {
		fr := FileReport{Path: j.path, Format: j.imp.format}
		f, err := os.Open(j.path)
		if err != nil {
			fr.Bad, fr.BadExample = 1, err.Error()
			rep.Files = append(rep.Files, fr)
			continue
		}
		err = j.imp.read(bufio.NewReaderSize(f, 1<<16), filepath.Base(j.path), ctx, func(r record) {
			if r.Delisted {
				delisted = append(delisted, pending{len(rep.Files), r})
				return
			}
			nc, nl := b.add(r)
			if nc {
				fr.Companies++
			}
			if nl {
				fr.Listings++
			}
		}, &fr)
		f.Close()
		if err != nil {
			fr.Bad++
			if fr.BadExample == "" {
				fr.BadExample = err.Error()
			}
		}
		rep.Files = append(rep.Files, fr)
	}
	for _, p := range delisted {
		if _, added := b.add(p.r); added {
			rep.Files[p.file].Listings++
		} else {
			rep.Files[p.file].Skipped++
		}
	}
	for i := range b.companies {
		orderListings(&b.companies[i])
	}
	for name := range ctx.countries {
		ctx.places[NormName(name)] = true
	}
	m := New(b.companies)
	m.places = ctx.places
	common := map[string]int32{}
	for w, n := range ctx.common {
		if n >= CommonWordMin {
			common[w] = int32(n)
		}
	}
	m.SetCommonWords(common)
	return m, rep, nil
}

// CommonWordMin is how many company descriptions must use a word for it to
// count as a common word.
const CommonWordMin = 25

// detect picks the importer for a file from its name and first line.
func detect(path string) (*importer, error) {
	name := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".json", ".xml":
	default:
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	for i := range importers {
		if importers[i].match(name, head) {
			return &importers[i], nil
		}
	}
	return nil, nil
}

func headerIs(prefix string) func(string, []byte) bool {
	return func(_ string, h []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(h), []byte(prefix)) }
}

var importers = []importer{
	{format: "iso3166-countries", order: 0, match: headerIs("FIFA,Dial,ISO3166-1-Alpha-3"), read: readCountries},
	{format: "iso10383-mic-csv", order: 0, match: headerIs("MIC,OPERATING MIC,OPRT/SGMT"), read: readMICs},
	{format: "iso10383-mic-xml", order: 0, match: func(n string, h []byte) bool {
		return strings.HasSuffix(strings.ToLower(n), ".xml") && strings.Contains(strings.ToUpper(n), "10383")
	}, read: readMICXML},
	{format: "financedatabase-equities", order: 1, match: headerIs("symbol,name,summary,currency,sector"), read: readFinanceDatabase},
	{format: "financedatabase-equities-slim", order: 1, match: headerIs("symbol,name,currency,sector"), read: readFinanceDatabase},
	{format: "jpx-listed", order: 2, match: headerIs("日付,コード,銘柄名"), read: readJPX},
	{format: "twstock", order: 2, match: headerIs("type,code,name,ISIN,start,market,group,CFI"), read: readTWStock},
	{format: "nasdaq-screener", order: 3, match: func(n string, h []byte) bool {
		return strings.HasSuffix(n, "_full_tickers.json")
	}, read: readScreener},
	{format: "sec-company-tickers-exchange", order: 4, match: func(n string, h []byte) bool {
		return bytes.HasPrefix(bytes.TrimSpace(h), []byte(`{"fields":["cik","name","ticker","exchange"]`))
	}, read: readSECExchange},
	{format: "sec-company-tickers", order: 5, match: func(n string, h []byte) bool {
		return bytes.HasPrefix(bytes.TrimSpace(h), []byte(`{"0":{"cik_str"`))
	}, read: readSECTickers},
	{format: "nasdaq-listed", order: 6, match: headerIs("Symbol,Company Name,Security Name,Market Category"), read: readNasdaqListed},
	{format: "nasdaq-listed-short", order: 6, match: headerIs("Symbol,Security Name"), read: readNasdaqListedShort},
	{format: "nasdaq-other-listed", order: 6, match: headerIs("ACT Symbol,Company Name,Security Name,Exchange"), read: readOtherListed},
	{format: "nyse-listed", order: 6, match: headerIs("ACT Symbol,Company Name"), read: readNYSEListed},
	{format: "wikidata-ticker-aliases", order: 7, match: headerIs("symbol,aliases"), read: readAliases},
	{format: "ticker-sector", order: 7, match: headerIs("symbol,company_name,sector"), read: readTickerSector},
}

// csvRows reads a CSV with a header, calling fn with each row as a
// column → value map; a row of the wrong width is counted bad.
func csvRows(r io.Reader, rep *FileReport, fn func(row map[string]string, line int)) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\xef\xbb\xbf")
	}
	row := make(map[string]string, len(header))
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			bad(rep, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		rep.Rows++
		if len(rec) != len(header) {
			bad(rep, fmt.Sprintf("line %d: %d fields, want %d", line, len(rec), len(header)))
			continue
		}
		for i, h := range header {
			row[h] = strings.TrimSpace(rec[i])
		}
		fn(row, line)
	}
}

func bad(rep *FileReport, why string) {
	rep.Bad++
	if rep.BadExample == "" {
		rep.BadExample = why
	}
}

func readCountries(r io.Reader, _ string, ctx *importContext, _ func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		a2 := row["ISO3166-1-Alpha-2"]
		if len(a2) != 2 {
			bad(rep, fmt.Sprintf("line %d: no alpha-2 code", line))
			return
		}
		for _, k := range []string{"CLDR display name", "official_name_en", "UNTERM English Short", "ISO3166-1-Alpha-3"} {
			if v := strings.ToLower(strings.TrimSpace(row[k])); v != "" {
				ctx.countries[v] = a2
			}
		}
	})
}

func readMICs(r io.Reader, _ string, ctx *importContext, _ func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		mic := row["MIC"]
		if len(mic) != 4 {
			bad(rep, fmt.Sprintf("line %d: bad MIC %q", line, mic))
			return
		}
		ctx.mics[mic] = true
	})
}

// secondaryVenues are markets whose vendor lists are mostly other
// exchanges' shares traded again there; their rows only add listings to
// companies already known.
var secondaryVenues = map[string]bool{"XBER": true, "XMUN": true, "XDUS": true, "XHAM": true, "XHAN": true, "XSTU": true,
	"XFKA": true, "XSAP": true, "AQXE": true, "XBUE": true}

// secondaryFiles are the vendor files of secondary venues.
var secondaryFiles = map[string]bool{"BER": true, "MUN": true, "DUS": true, "HAM": true, "HAN": true, "STU": true,
	"FKA": true, "SAP": true, "AQS": true, "BUE": true, "TLO": true, "NAN": true, "SAT": true, "IOB": true}

var capWeights = map[string]int{"Mega Cap": WeightMega, "Large Cap": WeightLarge, "Mid Cap": WeightMid,
	"Small Cap": WeightSmall, "Micro Cap": WeightMicro, "Nano Cap": WeightMicro}

func readFinanceDatabase(r io.Reader, _ string, ctx *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		if row["symbol"] == "" || row["name"] == "" {
			bad(rep, fmt.Sprintf("line %d: no symbol or name", line))
			return
		}
		if IsSecurityOfKind(row["name"]) {
			rep.Skipped++
			return
		}
		sym, mic := SplitYahooSymbol(row["symbol"], row["mic"])
		ex, ok := exchanges[mic]
		if !ok {
			rep.Skipped++
			return
		}
		delisted := strings.EqualFold(row["delisted"], "true")
		if !delisted {
			countWords(ctx.common, row["summary"])
			for _, k := range []string{"city", "state"} {
				if v := NormName(row[k]); v != "" {
					ctx.places[v] = true
				}
			}
		}
		country := ctx.country(row["country"])
		rec := record{Name: row["name"], Country: country, Sector: row["sector"], Industry: row["industry"],
			ISIN: row["isin"], FIGI: row["composite_figi"], Listing: news.Listing{Symbol: sym, MIC: mic},
			Weight: capWeights[row["market_cap"]]}
		if secondaryVenues[mic] || (country != "" && country != ex.Country && !homeMarketAbroad(country, ex.Country)) {
			rec.LinkOnly = true
		}
		if delisted {
			if secondaryVenues[mic] {
				rep.Skipped++
				return
			}
			rec.Delisted = true // a former listing of a company still known
		}
		emit(rec)
	})
}

// homeMarketAbroad reports markets where issuers of another country
// commonly have their main listing (Hong Kong for mainland China,
// London for many).
func homeMarketAbroad(country, market string) bool {
	switch market {
	case "HK":
		return country == "CN" || country == "KY" || country == "BM"
	case "GB", "US":
		return true
	}
	return false
}

// countWords counts, once per text, the words of a company description:
// a word many descriptions use (October, President, United) is too common
// to name one company on its own.
func countWords(counts map[string]int, text string) {
	if text == "" {
		return
	}
	seen := map[string]bool{}
	for _, w := range Words(text) {
		if !seen[w] {
			seen[w] = true
			counts[w]++
		}
	}
}

// orderListings puts the home market's main listing first, then the home
// market's others, US exchanges, OTC, other markets and secondary venues,
// keeping the order within each (a curated company's own order first).
func orderListings(c *Company) {
	rank := func(l news.Listing) int {
		ex := exchanges[l.MIC]
		switch {
		case secondaryVenues[l.MIC]:
			return 5
		case isHome(c.Country, ex.Country) && mainBoards[l.MIC]:
			return 0
		case isHome(c.Country, ex.Country):
			return 1
		case usMarkets[l.MIC]:
			return 2
		case l.MIC == "OTCM":
			return 3
		}
		return 4
	}
	sort.SliceStable(c.Listings, func(a, b int) bool { return rank(c.Listings[a]) < rank(c.Listings[b]) })
}

// isHome reports whether a market in country market is home to an issuer of
// country (Hong Kong is for mainland Chinese issuers).
func isHome(country, market string) bool {
	return country == market || market == "HK" && (country == "CN" || country == "KY" || country == "BM")
}

var usMarkets = map[string]bool{"XNYS": true, "XNAS": true, "XASE": true, "ARCX": true, "BATS": true}

// mainBoards are the markets preferred as a company's primary listing when
// it trades on several in its home country.
var mainBoards = map[string]bool{"XNSE": true, "XNYS": true, "XNAS": true, "XTKS": true, "XSHG": true, "XSHE": true,
	"XHKG": true, "XTAI": true, "XKRX": true, "XLON": true, "XETR": true, "XTSE": true, "XASX": true, "XPAR": true,
	"XAMS": true, "XSWX": true, "XMAD": true, "XMIL": true, "XSTO": true, "BVMF": true}

func (ctx *importContext) country(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		return ""
	}
	if len(n) == 2 {
		return strings.ToUpper(n)
	}
	return ctx.countries[n]
}

var jpxSkipSegments = []string{"ETF", "REIT", "出資証券", "外国株式", "PRO Market"}

func readJPX(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		code, name, seg := row["コード"], row["銘柄名"], row["市場・商品区分"]
		if code == "" || name == "" {
			bad(rep, fmt.Sprintf("line %d: no code or name", line))
			return
		}
		for _, s := range jpxSkipSegments {
			if strings.Contains(seg, s) {
				rep.Skipped++
				return
			}
		}
		sector := row["33業種区分"]
		if sector == "-" {
			sector = ""
		}
		emit(record{Name: name, Country: "JP", Industry: sector, Listing: news.Listing{Symbol: code, MIC: "XTKS"}, Weight: WeightSmall})
	})
}

func readTWStock(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		if row["code"] == "" || row["name"] == "" {
			bad(rep, fmt.Sprintf("line %d: no code or name", line))
			return
		}
		if row["type"] != "股票" {
			rep.Skipped++
			return
		}
		mic := "XTAI"
		if row["market"] == "上櫃" {
			mic = "ROCO"
		}
		emit(record{Name: row["name"], Country: "TW", Industry: row["group"], ISIN: row["ISIN"],
			Listing: news.Listing{Symbol: row["code"], MIC: mic}, Weight: WeightSmall})
	})
}

type screenerRow struct {
	Symbol    string `json:"symbol"`
	Name      string `json:"name"`
	MarketCap string `json:"marketCap"`
	Country   string `json:"country"`
	Industry  string `json:"industry"`
	Sector    string `json:"sector"`
	IPOYear   string `json:"ipoyear"`
}

func readScreener(r io.Reader, name string, ctx *importContext, emit func(record), rep *FileReport) error {
	mic := map[string]string{"nasdaq": "XNAS", "nyse": "XNYS", "amex": "XASE"}[strings.SplitN(name, "_", 2)[0]]
	if mic == "" {
		return fmt.Errorf("cannot tell the exchange from the file name %q", name)
	}
	var rows []json.RawMessage
	if err := json.NewDecoder(r).Decode(&rows); err != nil {
		return err
	}
	for i, raw := range rows {
		rep.Rows++
		var x screenerRow
		if err := json.Unmarshal(raw, &x); err != nil || x.Symbol == "" || x.Name == "" {
			bad(rep, fmt.Sprintf("item %d: no symbol or name", i))
			continue
		}
		if IsSecurityOfKind(x.Name) {
			rep.Skipped++
			continue
		}
		listed, _ := strconv.Atoi(x.IPOYear) // often empty: unknown
		emit(record{Name: CleanSecurityName(x.Name), Country: ctx.country(x.Country), Sector: x.Sector, Industry: x.Industry,
			Listing: news.Listing{Symbol: NormalizeSymbol(x.Symbol, mic), MIC: mic}, Weight: weightOfCap(x.MarketCap), Listed: listed})
	}
	return nil
}

func weightOfCap(s string) int {
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || v <= 0:
		return WeightUnknown
	case v >= 200e9:
		return WeightMega
	case v >= 10e9:
		return WeightLarge
	case v >= 2e9:
		return WeightMid
	case v >= 300e6:
		return WeightSmall
	}
	return WeightMicro
}

var secExchanges = map[string]string{"Nasdaq": "XNAS", "NYSE": "XNYS", "NYS": "XNYS", "OTC": "OTCM", "CBOE": "BATS"}

// cleanSECName drops the SEC's state and form suffixes ("TOYOTA MOTOR CORP/", "Foo/ADR", "BAR INC /DE/").
func cleanSECName(s string) string {
	if i := strings.IndexByte(s, '/'); i > 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '\\'); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func readSECExchange(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	var doc struct {
		Fields []string            `json:"fields"`
		Data   [][]json.RawMessage `json:"data"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return err
	}
	for i, row := range doc.Data {
		rep.Rows++
		if len(row) != 4 {
			bad(rep, fmt.Sprintf("item %d: %d fields, want 4", i, len(row)))
			continue
		}
		var cik int64
		var name, ticker string
		var exch *string
		if json.Unmarshal(row[0], &cik) != nil || json.Unmarshal(row[1], &name) != nil || json.Unmarshal(row[2], &ticker) != nil || json.Unmarshal(row[3], &exch) != nil || ticker == "" {
			bad(rep, fmt.Sprintf("item %d: bad fields %s", i, row))
			continue
		}
		if exch == nil {
			rep.Skipped++ // no exchange: not traded
			continue
		}
		mic, ok := secExchanges[*exch]
		if !ok {
			bad(rep, fmt.Sprintf("item %d: unknown exchange %q", i, *exch))
			continue
		}
		if isSecSecurityOfKind(ticker) {
			rep.Skipped++
			continue
		}
		emit(record{Name: cleanSECName(name), Listing: news.Listing{Symbol: NormalizeSymbol(ticker, mic), MIC: mic},
			AnyCountry: true, Group: "cik:" + strconv.FormatInt(cik, 10), Weight: WeightUnknown})
	}
	return nil
}

// isSecSecurityOfKind recognises warrant, unit and right lines by their
// ticker suffix ("EVAC-WT", "COPL-UN", "JENA-RI").
func isSecSecurityOfKind(t string) bool {
	for _, s := range []string{"-WT", "-UN", "-RI", "-WS", "-U", "-R"} {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

func readSECTickers(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	var doc map[string]struct {
		CIK    int64  `json:"cik_str"`
		Ticker string `json:"ticker"`
		Title  string `json:"title"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return err
	}
	for k, x := range doc {
		rep.Rows++
		if x.Ticker == "" || x.Title == "" {
			bad(rep, fmt.Sprintf("item %s: no ticker or title", k))
			continue
		}
		// no exchange in this file: it only names listings already known
		emit(record{Name: cleanSECName(x.Title), Listing: news.Listing{Symbol: NormalizeSymbol(x.Ticker, "XNYS"), MIC: ""},
			LinkOnly: true, Group: "cik:" + strconv.FormatInt(x.CIK, 10)})
	}
	return nil
}

func readNasdaqListed(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		sym := row["Symbol"]
		if sym == "" || strings.HasPrefix(sym, "File Creation Time") {
			bad(rep, fmt.Sprintf("line %d: no symbol", line))
			return
		}
		emitUSRow(row, news.Listing{Symbol: NormalizeSymbol(sym, "XNAS"), MIC: "XNAS"}, false, emit, rep)
	})
}

// emitUSRow emits a row of the Nasdaq Trader listing files: a fund, a
// company's listing, or nothing for a test issue, a row skip says to leave
// out, or a security that is not a share.
func emitUSRow(row map[string]string, listing news.Listing, skip bool, emit func(record), rep *FileReport) {
	switch {
	case skip || row["Test Issue"] == "Y":
		rep.Skipped++
	case row["ETF"] == "Y":
		emit(fundRecord(row["Security Name"], listing))
	case IsSecurityOfKind(row["Security Name"]):
		rep.Skipped++
	default:
		emit(record{Name: CleanSecurityName(row["Company Name"]), AnyCountry: true, Listing: listing})
	}
}

func readNasdaqListedShort(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		sym := row["Symbol"]
		if sym == "" || strings.HasPrefix(sym, "File Creation Time") {
			bad(rep, fmt.Sprintf("line %d: no symbol", line))
			return
		}
		if IsSecurityOfKind(row["Security Name"]) {
			rep.Skipped++
			return
		}
		emit(record{Name: CleanSecurityName(row["Security Name"]), AnyCountry: true,
			Listing: news.Listing{Symbol: NormalizeSymbol(sym, "XNAS"), MIC: "XNAS"}})
	})
}

// fundRecord is an exchange-traded fund of a US exchange file.
func fundRecord(name string, l news.Listing) record {
	return record{Name: strings.TrimSpace(name), Country: "US", Sector: "Financials", Industry: "Exchange Traded Fund",
		Listing: l, Weight: WeightFund, Fund: true}
}

// otherExchanges are the Nasdaq Trader exchange codes of otherlisted.txt.
var otherExchanges = map[string]string{"N": "XNYS", "A": "XASE", "P": "ARCX", "Z": "BATS", "V": "IEXG"}

func readOtherListed(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		sym := row["ACT Symbol"]
		mic, ok := otherExchanges[row["Exchange"]]
		if sym == "" || !ok {
			bad(rep, fmt.Sprintf("line %d: no symbol or unknown exchange %q", line, row["Exchange"]))
			return
		}
		emitUSRow(row, news.Listing{Symbol: NormalizeSymbol(sym, mic), MIC: mic}, mic == "IEXG", emit, rep)
	})
}

func readNYSEListed(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		sym := row["ACT Symbol"]
		if sym == "" {
			bad(rep, fmt.Sprintf("line %d: no symbol", line))
			return
		}
		if IsSecurityOfKind(row["Company Name"]) {
			rep.Skipped++
			return
		}
		emit(record{Name: CleanSecurityName(row["Company Name"]), AnyCountry: true,
			Listing: news.Listing{Symbol: NormalizeSymbol(sym, "XNYS"), MIC: "XNYS"}})
	})
}

// readAliases adds Wikidata's English names of US tickers' issuers. The
// table is noisy (several issuers share a ticker across markets), so only
// aliases that share a word with the company's own name are kept.
func readAliases(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		sym := row["symbol"]
		if sym == "" {
			bad(rep, fmt.Sprintf("line %d: no symbol", line))
			return
		}
		for _, mic := range []string{"XNAS", "XNYS", "XASE"} {
			emit(record{Listing: news.Listing{Symbol: NormalizeSymbol(sym, mic), MIC: mic}, LinkOnly: true,
				Aliases: aliasList(row["aliases"])})
		}
	})
}

func aliasList(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" && len(a) <= 60 {
			out = append(out, a)
		}
	}
	return out
}

func readTickerSector(r io.Reader, _ string, _ *importContext, emit func(record), rep *FileReport) error {
	return csvRows(r, rep, func(row map[string]string, line int) {
		sym := row["symbol"]
		if sym == "" {
			bad(rep, fmt.Sprintf("line %d: no symbol", line))
			return
		}
		for _, mic := range []string{"XNAS", "XNYS", "XASE"} {
			emit(record{Listing: news.Listing{Symbol: NormalizeSymbol(sym, mic), MIC: mic}, LinkOnly: true, Sector: row["sector"]})
		}
	})
}
