// Package company is the company tagger: it finds the listed companies a
// news text names — by explicit ticker tags, full names, short names,
// abbreviations and brands — with every listing of each, and the unlisted
// organisations it names. Names are matched with a word automaton built once
// from the security master, in time linear in the text.
package company

import (
	"bytes"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

// Tagger finds companies and organisations in texts; the annotate pipeline runs
// it as the first step of the pipeline. Build it once with New; it is safe
// for concurrent use.
type Tagger struct {
	m        *secmaster.Master
	names    *trie
	entities []entity
	pool     sync.Pool // *scratch
}

// New builds a Tagger over the companies of m and the embedded list of
// organisations and non-company names.
func New(m *secmaster.Master) *Tagger {
	ents, err := parseEntities(entityTable)
	if err != nil {
		panic("company: embedded entities: " + err.Error()) // a build-time fact, covered by tests
	}
	t := &Tagger{m: m, names: newTrie(), entities: ents}
	for id := 0; id < m.Len(); id++ {
		t.names.addCompany(m, int32(id))
	}
	for i, e := range ents {
		for _, n := range e.names {
			en := entry{id: int32(i), kind: e.kind}
			if isAcronym(n) {
				en.flags |= fAcronym
			}
			t.names.add(secmaster.Words(n), en)
		}
	}
	t.pool.New = func() any { return &scratch{} }
	return t
}

type scratch struct {
	toks []tok
	hits []hit
}

// hit is one accepted or pending mention of a company or entity.
type hit struct {
	start, end   int // byte offsets
	first, last  int // token range [first, last)
	id           int32
	kind         kind
	conf         float64
	needsContext bool // an ambiguous name: wants business words around it or a plain mention elsewhere
	needsParent  bool // an ambiguous brand: wants a plain mention of its company elsewhere
	needsStrong  bool // a short name made of common words in a long text: wants a plain mention elsewhere
	finance      bool // a short name of an imported company: a busy text alone does not vouch for it
	initial      bool // starts a sentence, where any word is capitalised
	home         bool // the text's currency and market words point to the company's country
	tag          *tagHit
}

// Find returns the companies and organisations named in body, whose first
// titleEnd bytes are the title.
func (t *Tagger) Find(body string, titleEnd int) ([]news.Company, []news.Organization) {
	return t.FindPublished(body, titleEnd, time.Time{})
}

// FindPublished is Find for a text published at a known time (zero:
// unknown): a ticker then names only a company already listed.
func (t *Tagger) FindPublished(body string, titleEnd int, published time.Time) ([]news.Company, []news.Organization) {
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	toks := t.tokenize(body, sc.toks[:0])
	sc.toks = toks
	hits := sc.hits[:0]

	year := 0
	if !published.IsZero() {
		year = published.Year()
	}
	tags := t.scanTags(body, year)
	inTag := func(start int) bool {
		for i := range tags {
			if start >= tags[i].start && start < tags[i].end {
				return true
			}
		}
		return false
	}
	for i := range tags {
		h := &tags[i]
		conf := 1.0
		if h.list {
			conf = 0.9
		}
		hits = append(hits, hit{start: h.start, end: h.end, first: -1, id: h.company, kind: kindCompany, conf: conf, tag: h})
	}

	hint := countryHint(body, toks)
	bound := map[int32]int32{}  // trie node → company bound by an explicit tag after it
	persons := map[int32]bool{} // trie nodes the text used for a person's name
	for i := 0; i < len(toks); {
		if inTag(toks[i].Start) {
			i++
			continue
		}
		end, node, ok := t.names.longest(toks, i)
		if !ok {
			i++
			continue
		}
		h, consumed := t.judge(body, toks, i, end, node, hint, year, persons)
		if consumed {
			if h != nil {
				if tg := tagAfter(body, tags, h.end); tg != nil && h.kind == kindCompany && tg.company >= 0 {
					bound[node] = tg.company
				}
				if b, ok := bound[node]; ok && h.kind == kindCompany {
					h.id = b
				}
				hits = append(hits, *h)
			}
			i = end
			continue
		}
		i++
	}
	sc.hits = hits
	return t.collect(body, toks, hits, titleEnd)
}

// tagAfter returns the explicit tag that directly follows byte offset end
// ("Foxconn (SS:601138)"), or nil.
func tagAfter(body string, tags []tagHit, end int) *tagHit {
	for i := range tags {
		if tags[i].start < end || tags[i].list {
			continue
		}
		gap := body[end:tags[i].start]
		if len(gap) <= 3 && strings.Trim(gap, " (’'s") == "" {
			return &tags[i]
		}
	}
	return nil
}

// tokenize splits body into words with their trie ids.
func (t *Tagger) tokenize(body string, toks []tok) []tok {
	prevEnd := -1
	secmaster.EachToken(body, func(tk secmaster.Token, folded []byte) {
		x := tok{Token: tk, word: t.names.word(folded), hasDigit: bytes.ContainsAny(folded, "0123456789")}
		if prevEnd >= 0 {
			gap := body[prevEnd:tk.Start]
			x.joinable = len(gap) <= 4 && (strings.Trim(gap, " -.'’") == "" || gap == "'s " || gap == "’s " ||
				strings.Trim(gap, " .,") == "" && legalWords[string(folded)])
		}
		prevEnd = tk.End
		toks = append(toks, x)
	})
	return toks
}

// judge decides what the name at tokens [i, end) stands for. It returns
// consumed=false when the words should be read again from the next token.
func (t *Tagger) judge(body string, toks []tok, i, end int, node int32, hint string, year int, persons map[int32]bool) (*hit, bool) {
	start, stop := toks[i].Start, toks[end-1].End
	surface := body[start:stop]
	var best *entry
	bestScore := -1
	for k := range t.names.ends[node] {
		e := &t.names.ends[node][k]
		if !t.caseOK(toks[i:end], surface, e) {
			continue
		}
		if year > 0 && year < int(e.since) {
			continue // "LinkedIn" in 2014 was its own company, not Microsoft
		}
		score := t.rank(e, hint)
		if score > bestScore {
			best, bestScore = e, score
		} else if score == bestScore && e.kind == kindCompany && best.kind == kindCompany && e.id != best.id && e.flags&fDerived != 0 {
			best = nil // two imported companies share the short name: too ambiguous to pick
			bestScore = math.MaxInt
		}
	}
	if best == nil {
		return nil, false
	}
	if stop < len(body) && body[stop] == '.' && legalWords[toks[end-1].normOf(body)] {
		stop++ // "Nissan Motor Co." keeps the period of its abbreviation
	}
	h := &hit{start: start, end: stop, first: i, last: end, id: best.id, kind: best.kind, initial: sentenceStart(body, toks, i)}
	if best.kind != kindCompany {
		return h, true
	}
	h.conf = confidence(best.flags, end-i)
	h.home = hint != "" && t.m.Company(int(best.id)).Country == hint
	single := end-i == 1
	if best.flags&fPossessive != 0 && !hasPossessive(body, stop) {
		return nil, true
	}
	if best.flags&fVenue != 0 && venueTalk(body, toks, i, end) {
		return nil, true // "listed on the NYSE", "BSE Sensex": the trading venue, not its operator
	}
	if venueAfter(body, toks, end) {
		return nil, true // a sponsor's name on a venue: "Pepsi Center", "PNC Music Pavilion"
	}
	if best.flags&fBrand != 0 && best.flags&fAmbiguous != 0 {
		h.needsParent = true
	}
	if best.flags&fAmbiguous != 0 {
		if t.personBefore(body, toks, i) {
			persons[node] = true
			return nil, true
		}
		if persons[node] {
			return nil, true // the text already used this name for a person
		}
		h.needsContext = true
	}
	if best.flags&fDerived != 0 {
		w := toks[i].normOf(body)
		if single && (len(w) < 4 || strings.ContainsAny(w, "'’") || t.m.IsCommon(w) || commonWords[w] || firstNames[w] || acronymStop[strings.ToUpper(surface)] || t.personBefore(body, toks, i)) {
			return nil, true
		}
		if single && foreignTo(t.m.Company(int(best.id)), hint) {
			return nil, true // "Fullerton" of a Taiwanese company in a story quoting rupees
		}
		switch {
		case single:
			h.needsContext = true
			h.needsStrong = len(body) > longText
			h.finance = true // not rescued by a busy text
		case t.m.IsPlace(surface):
			h.needsStrong = true // "New Zealand" of New Zealand Energy is the country unless the company is named
		case t.allCommon(body, toks[i:end]):
			// "All About", "Blue Moon": words unless the text talks business around them
			h.needsContext = true
			h.needsStrong = len(body) > longText
		case len(body) > longText:
			h.needsContext = true // a short name in a long text: "Mauna Kea" of an astronomy story
			h.finance = true
		}
		switch {
		case single && roleBefore(body, toks, i):
			h.needsContext, h.needsStrong = false, false // "the vehicle-maker Winnebago": introduced as a company
		case single && innerCapital(surface):
			h.needsStrong = false // "MarketAxess": no word is written so
		}
	}
	if best.flags&fAcronym != 0 && (len(surface) <= 2 || len(surface) == 3 && allCapsAround(body, toks, i, end)) {
		h.needsContext = true
	}
	if single && best.flags&(fAcronym|fAmbiguous|fDerived) != 0 && allCapsAround(body, toks, i, end) {
		h.needsStrong = true // "UPS STAKE", "SHELL SEES": in capitals a word is as likely as a name
	}
	if hyphenJoined(body, toks, i, end) {
		h.conf *= 0.6
	}
	return h, true
}

// rank orders the readings of one name: organisations and non-company names
// beat weak company readings; among companies the better known wins.
func (t *Tagger) rank(e *entry, countryHint string) int {
	if e.kind != kindCompany {
		return 1000 // the curated non-company names are deliberate: they win
	}
	c := t.m.Company(int(e.id))
	score := c.Weight
	if countryHint != "" && c.Country == countryHint {
		score += 70 // "Whirlpool" in a story quoting rupees is Whirlpool of India
	}
	if e.flags&(fDerived|fAmbiguous) == 0 {
		score += 100
	}
	return score
}

func confidence(f flags, words int) float64 {
	switch {
	case f&fFullName != 0:
		return 0.95
	case f&fAmbiguous != 0 && f&fDerived != 0:
		return 0.55
	case f&fAmbiguous != 0:
		return 0.65
	case f&fDerived != 0:
		return 0.75
	case f&fBrand != 0:
		return 0.8
	case f&fAcronym != 0:
		return 0.85
	case words > 1:
		return 0.9
	}
	return 0.85
}

// caseOK checks the text writes the name as a name: capitalised words (the
// small words of, and, the, de may stay lower case), capitals for an
// abbreviation, the exact form for names like eBay.
func (t *Tagger) caseOK(span []tok, surface string, e *entry) bool {
	if e.flags&fExactCase != 0 {
		return strings.HasPrefix(surface, e.form)
	}
	if e.flags&fAcronym != 0 {
		for _, x := range span {
			if !x.Upper && !x.Digit && x.End-x.Start > 0 && isLetterStart(surface, x, span[0].Start) {
				return false
			}
		}
		return true
	}
	for k, x := range span {
		if x.Title || x.Upper || x.Digit {
			continue
		}
		if k > 0 && smallWords[strings.ToLower(surface[x.Start-span[0].Start:x.End-span[0].Start])] {
			continue
		}
		return false
	}
	return true
}

func isLetterStart(surface string, x tok, base int) bool {
	r, _ := utf8.DecodeRuneInString(surface[x.Start-base:])
	return unicode.IsLetter(r)
}

// legalWords may follow a name after a comma ("Nissan Motor Co., Ltd.").
var legalWords = set("inc", "ltd", "limited", "llc", "plc", "corp", "co", "sa", "s.a", "ag", "nv", "n.v", "se", "lp", "l.p")

var smallWords = set("ex", "of", "and", "the", "de", "du", "des", "la", "le", "di", "del", "y", "et", "for", "on", "in", "&", "a", "an", "van", "von", "der", "co", "inc", "ltd", "plc", "corp", "s.a", "n.v", "ag", "se", "sa", "com")

// personBefore reports whether the word before token i is a given name or a
// title (Harrison Ford, Mr. Ford), so the name is a person's.
func (t *Tagger) personBefore(body string, toks []tok, i int) bool {
	if i == 0 || !toks[i].joinable {
		return false
	}
	p := toks[i-1]
	if !p.Title {
		return false
	}
	return firstNames[strings.ToLower(body[p.Start:p.End])]
}

// veryCommon is how many company descriptions use a word for a short name
// made only of such words ("All About", "Bank of") to be read as words.
const veryCommon = 400

// allCommon reports whether every word of a short name is a very common word.
func (t *Tagger) allCommon(body string, span []tok) bool {
	for _, x := range span {
		w := x.normOf(body)
		if t.m.WordCount(w) < veryCommon && !commonWords[w] && !smallWords[w] {
			return false
		}
	}
	return true
}

// normOf is the folded form of the word.
func (x tok) normOf(body string) string {
	return strings.Join(secmaster.Words(body[x.Start:x.End]), "")
}

// hyphenJoined reports whether the name is one side of a hyphenated pair of
// names ("the Nissan-Renault alliance").
func hyphenJoined(body string, toks []tok, i, end int) bool {
	if i > 0 && strings.HasSuffix(body[toks[i-1].End:toks[i].Start], "-") && toks[i-1].Title {
		return true
	}
	if end < len(toks) && strings.HasPrefix(body[toks[end-1].End:toks[end].Start], "-") && toks[end].Title {
		return true
	}
	return false
}

// venueAfter reports whether a venue word follows within three capitalised
// words: "PNC Arena", "DTE Energy Music Theatre".
func venueAfter(body string, toks []tok, end int) bool {
	for k := end; k < len(toks) && k < end+3; k++ {
		if !toks[k].joinable || !(toks[k].Title || toks[k].Upper) {
			return false
		}
		if venueWords[strings.ToLower(body[toks[k].Start:toks[k].End])] {
			// "ICICIdirect Centre for Financial Learning" is an institute, not a venue
			if k+1 < len(toks) {
				next := strings.ToLower(body[toks[k+1].Start:toks[k+1].End])
				return next != "for" && next != "of"
			}
			return true
		}
	}
	return false
}

// countryHint names the country a text's currency words point to ("Rs",
// "crore": India), to prefer that country's company among namesakes.
func countryHint(body string, toks []tok) string {
	for _, x := range toks {
		if x.End-x.Start > 6 {
			continue
		}
		switch body[x.Start:x.End] {
		case "Rs", "crore", "crores", "lakh", "Sensex", "Nifty", "NSE", "BSE", "Sebi", "SEBI", "RBI":
			return "IN"
		}
	}
	return ""
}

// roleBefore reports whether a lower-case word naming a kind of company
// comes right before token i: "the vehicle-maker Winnebago", "retailer Gap".
func roleBefore(body string, toks []tok, i int) bool {
	if i == 0 || toks[i-1].Title || toks[i-1].Upper || strings.Trim(body[toks[i-1].End:toks[i].Start], " -\n") != "" {
		return false // "the new company. Redstone's": another sentence
	}
	return roleWords[body[toks[i-1].Start:toks[i-1].End]]
}

var roleWords = set("maker", "automaker", "carmaker", "chipmaker", "drugmaker", "retailer", "lender", "bank", "insurer",
	"airline", "carrier", "miner", "producer", "supplier", "manufacturer", "firm", "company", "conglomerate", "giant",
	"rival", "operator", "developer", "distributor", "provider", "refiner", "brewer", "broker", "brokerage", "bancorp")

// innerCapital reports whether a word has a capital after a lower-case
// letter ("MarketAxess", "JetBlue"), as names do and words do not; surname
// prefixes (McDonald, DeWalt, LaSalle) do not count.
func innerCapital(w string) bool {
	for _, p := range []string{"Mc", "Mac", "De", "Di", "Du", "La", "Le", "Van", "Von"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && unicode.IsUpper(rune(w[len(p)])) {
			return false
		}
	}
	prevLower := false
	for _, r := range w {
		if prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// foreignTo reports whether the text's currency words point to another
// country than the company's home.
func foreignTo(c *secmaster.Company, hint string) bool {
	return hint != "" && c.Country != "" && c.Country != hint
}

// hasPossessive reports whether a possessive ending follows offset end.
func hasPossessive(body string, end int) bool {
	return strings.HasPrefix(body[end:], "'s") || strings.HasPrefix(body[end:], "’s")
}

// venueTalk reports whether the exchange name at tokens [i, end) speaks of
// the trading venue rather than its operator: after "on", "at", "from"
// ("shares fell 2% on the BSE", "Member, NSE & BSE"), or before a word of
// an index, a segment or a listing ("BSE 500", "NYSE-listed", "BSE SME").
func venueTalk(body string, toks []tok, i, end int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := strings.ToLower(body[toks[k].Start:toks[k].End])
		if venueBefore[w] {
			return true
		}
		// look past "the" and other exchanges joined by "and", "&" or a comma
		if w != "the" && w != "and" && w != "&" && !(toks[k].Upper && toks[k].End-toks[k].Start <= 5) {
			break
		}
	}
	if end < len(toks) {
		gap := body[toks[end-1].End:toks[end].Start]
		if strings.ContainsAny(gap, ",;:.!?\n") {
			return false
		}
		if gap == "-" && toks[end].Upper {
			return true // part of another exchange's or a clearing house's name: "MCX-SX", "MCX-SXCCL"
		}
		return toks[end].Digit || venueNext[strings.ToLower(body[toks[end].Start:toks[end].End])]
	}
	return false
}

var venueBefore = set("on", "at", "from", "onto", "off", "in", "via", "member", "members")

var venueNext = set("sensex", "sme", "index", "indices", "composite", "midcap", "mid", "smallcap", "small", "largecap",
	"allcap", "metal", "bankex", "auto", "realty", "teck", "fmcg", "psu", "oil", "healthcare", "power", "listed",
	"listing", "listings", "delisting", "dissemination", "stock", "stocks", "shares", "scrips", "companies", "cos",
	"firms", "arca", "american", "mkt", "nifty", "floor", "trader", "traders", "benchmark", "gauge", "segment")

var venueWords = set("arena", "center", "centre", "stadium", "field", "park", "amphitheatre", "amphitheater", "pavilion",
	"stage", "theatre", "theater", "hall", "bowl", "dome", "coliseum", "garden", "gardens", "ballpark", "speedway",
	"raceway", "classic", "open", "championship", "championships", "cup", "masters", "invitational", "tower", "plaza",
	"finals", "music")

// allCapsAround reports whether the name and a word joined to it are in
// capitals, in a stretch of the line without lower-case words, as in an
// upper-case headline, where capitals say nothing. A list ("HPCL, BPCL,
// IOC rally") or a code beside a name in a mixed-case line ("ONGC FPO")
// is no such headline.
func allCapsAround(body string, toks []tok, i, end int) bool {
	if !toks[i].Upper {
		return false
	}
	// a word with a digit ("Q3", "4G") is a code, not a headline word in capitals
	capsWord := func(x tok) bool { return x.Upper && !x.Digit && x.End-x.Start >= 2 && !x.hasDigit }
	if !(i > 0 && toks[i].joinable && capsWord(toks[i-1]) || end < len(toks) && toks[end].joinable && capsWord(toks[end])) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3 && !strings.Contains(body[toks[k].End:toks[k+1].Start], "\n"); k-- {
		if hasLower(body, toks[k]) {
			return false
		}
	}
	for k := end; k < len(toks) && k < end+3 && !strings.Contains(body[toks[k-1].End:toks[k].Start], "\n"); k++ {
		if hasLower(body, toks[k]) {
			return false
		}
	}
	return true
}

// hasLower reports whether the word holds a lower-case letter.
func hasLower(body string, x tok) bool {
	for _, r := range body[x.Start:x.End] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// vouched reports whether the text vouches for an ambiguous curated name:
// its market words point to the company's country, or it plainly names
// several companies, or one of the same sector ("Ford" beside Honda).
func (t *Tagger) vouched(h *hit, busy bool, sectors map[string]bool) bool {
	if h.finance || h.id < 0 {
		return false
	}
	if h.home {
		return true // "Financial Technologies ... Sebi": a curated name in a story of its own market
	}
	if h.initial {
		return false
	}
	c := t.m.Company(int(h.id))
	return busy || c.Curated && c.Sector != "" && sectors[c.Sector]
}

// sentenceStart reports whether token i starts the text, a sentence or a line.
func sentenceStart(body string, toks []tok, i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(body[toks[i-1].End:toks[i].Start], ".!?\n:\"“")
}

// longText is the length beyond which a text is an article rather than a
// headline: one-word short names of imported companies need more there.
const longText = 400

// contextWindow is how many words around an ambiguous name are read for
// business context.
const contextWindow = 8

// hasContext reports whether business words surround the mention.
func hasContext(body string, toks []tok, h *hit) bool {
	if h.first < 0 {
		return true
	}
	lo, hi := h.first-contextWindow, h.last+contextWindow
	if lo < 0 {
		lo = 0
	}
	if hi > len(toks) {
		hi = len(toks)
	}
	for k := lo; k < hi; k++ {
		if k >= h.first && k < h.last {
			continue
		}
		w := strings.ToLower(body[toks[k].Start:toks[k].End])
		if businessWords[w] {
			return true
		}
	}
	return strings.Contains(body[max(0, h.start-60):min(len(body), h.end+60)], "%")
}

type found struct {
	id       int32
	tag      *tagHit
	conf     float64
	mentions []news.Mention
	inTitle  bool
	first    int
}

// collect turns hits into companies and organisations.
func (t *Tagger) collect(body string, toks []tok, hits []hit, titleEnd int) ([]news.Company, []news.Organization) {
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].start < hits[b].start })
	strong := map[int32]bool{}
	for _, h := range hits {
		if h.kind == kindCompany && h.id >= 0 && !h.needsContext && !h.needsParent && !h.needsStrong {
			strong[h.id] = true
		}
	}
	// a text that plainly names several companies is business news: an
	// ambiguous curated name in it is the company
	busy := len(strong) >= 3
	sectors := map[string]bool{} // sectors of the companies plainly named
	for id := range strong {
		if c := t.m.Company(int(id)); c.Sector != "" {
			sectors[c.Sector] = true
		}
	}
	byCompany := map[string]*found{}
	var order []string
	orgs := map[int32]*news.Organization{}
	var orgOrder []int32
	for k := range hits {
		h := &hits[k]
		m := news.Mention{Start: h.start, End: h.end, Text: body[h.start:h.end]}
		switch h.kind {
		case kindIndex:
			continue
		case kindOrg, kindGov:
			o, ok := orgs[h.id]
			if !ok {
				o = &news.Organization{Name: t.entities[h.id].name}
				orgs[h.id] = o
				orgOrder = append(orgOrder, h.id)
			}
			o.Mentions = append(o.Mentions, m)
			continue
		}
		if (h.needsParent || h.needsStrong) && !strong[h.id] {
			continue
		}
		if h.needsContext && !strong[h.id] && !hasContext(body, toks, h) && !t.vouched(h, busy, sectors) {
			continue
		}
		key := ""
		if h.id >= 0 {
			key = "#" + strconv.Itoa(int(h.id))
		} else {
			key = h.tag.listing.Key()
		}
		f, ok := byCompany[key]
		if !ok {
			f = &found{id: h.id, tag: h.tag, first: h.start}
			byCompany[key] = f
			order = append(order, key)
		}
		f.mentions = append(f.mentions, m)
		if h.conf > f.conf {
			f.conf = h.conf
		}
		if h.start < titleEnd {
			f.inTitle = true
		}
	}
	companies := make([]news.Company, 0, len(order))
	for _, key := range order {
		f := byCompany[key]
		companies = append(companies, t.company(f, len(body)))
	}
	sort.SliceStable(companies, func(a, b int) bool { return companies[a].MatchScore > companies[b].MatchScore })
	var organizations []news.Organization
	for _, id := range orgOrder {
		if t.entities[id].kind == kindOrg || t.entities[id].kind == kindGov {
			organizations = append(organizations, *orgs[id])
		}
	}
	return companies, organizations
}

// company builds the output for one found company, scoring it by
// confidence and salience (in the title, how early, how often).
func (t *Tagger) company(f *found, bodyLen int) news.Company {
	var c news.Company
	if f.id >= 0 {
		sc := t.m.Company(int(f.id))
		c = news.Company{Name: sc.Name, Country: sc.Country, Sector: sc.Sector, Industry: sc.Industry,
			Listings: make([]news.Listing, 0, len(sc.Listings)+len(sc.Former))}
		c.Listings = append(c.Listings, sc.Listings...)
		for _, l := range sc.Former {
			if !sc.HasListing(l) { // a vendor file may still list a former line
				l.Delisted = true // old news names it so
				c.Listings = append(c.Listings, l)
			}
		}
	} else {
		c = news.Company{Name: f.tag.listing.Symbol, Listings: []news.Listing{f.tag.listing}}
		if ex, ok := secmaster.ExchangeByMIC(f.tag.listing.MIC); ok {
			c.Country = ex.Country
		}
	}
	salience := 0.45
	if f.inTitle || (bodyLen > 0 && float64(f.first) < 0.15*float64(bodyLen)) {
		salience += 0.3
	}
	salience += 0.08 * math.Min(float64(len(f.mentions)-1), 3)
	if salience > 1 {
		salience = 1
	}
	c.MatchScore = math.Round(f.conf*salience*1000) / 1000
	c.Sentiment = news.SentimentOf(0)
	c.Mentions = f.mentions
	return c
}
