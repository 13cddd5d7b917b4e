package sentiment

import (
	"math"
	"strconv"
	"strings"

	"github.com/tickerwire/tickerwire/internal/linear"
	"github.com/tickerwire/tickerwire/internal/text"
)

// Feature kinds, the first part of every feature name.
const (
	fUnigram   = "u"   // a word
	fNegated   = "n"   // a word in the reach of a negation
	fBigram    = "b"   // two adjacent words
	fDirItem   = "di"  // a financial item and the direction it moves
	fPolarity  = "pol" // the direction applied to the item: good or bad for shareholders
	fDirection = "dir" // a direction word with no item in reach
	fEstimate  = "est" // a result against the market's estimate
	fHedge     = "hdg" // the sentence is hedged
	fHedgedPol = "hp"  // polarity in a hedged sentence
	fBias      = "bias"
	fLM        = "lm"  // a Loughran–McDonald category (training only; folded into words)
	fLMNegated = "lmn" // the same in the reach of a negation
)

// featureHash names a feature by the hash of its parts.
var featureHash = linear.Hash

// word is one normalised token of a sentence.
type word struct {
	norm    string  // lower-case form; numbers are "<num>"
	num     float64 // the value of a number token
	isNum   bool
	negated bool
}

// words normalises the tokens of s and marks negation scopes.
func words(s string) []word {
	toks := text.Tokens(s)
	ws := make([]word, 0, len(toks))
	for i, t := range toks {
		w := word{norm: text.Norm(t.Text)}
		switch t.Kind {
		case text.Number:
			v, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
			if err == nil {
				// A minus sign written against the number ("$-0.04", "-$0.46").
				if minusBefore(toks, i) {
					v = -v
				}
				w.num, w.isNum = v, true
			}
			w.norm = "<num>"
		case text.Word:
			if v, ok := scaledNumber(w.norm); ok {
				if minusBefore(toks, i) {
					v = -v
				}
				w.num, w.isNum, w.norm = v, true, "<num>"
				break
			}
			if strings.HasSuffix(w.norm, "n't") {
				ws = append(ws, word{norm: "n't"})
				continue
			}
		}
		ws = append(ws, w)
	}
	for i := 1; i < len(ws); i++ {
		if sc, ok := scaleWords[ws[i].norm]; ok && ws[i-1].isNum {
			ws[i-1].num *= sc
		}
	}
	scope := 0
	for i := range ws {
		if clauseBreaks[ws[i].norm] {
			scope = 0
			continue
		}
		if scope > 0 {
			ws[i].negated = true
			scope--
		}
		if negators[ws[i].norm] {
			scope = 3
		}
	}
	return ws
}

// minusBefore reports whether a minus sign is written against token i, or
// against the currency symbol written against it ("-$0.46").
func minusBefore(toks []text.Token, i int) bool {
	j := i - 1
	if j > 0 && strings.ContainsAny(toks[j].Text, "$€£¥₹") && toks[j].End == toks[i].Start {
		j--
	}
	return j >= 0 && toks[j].Text == "-" && toks[j].End == toks[j+1].Start
}

// Kinds of text, which read differently: headlines are terse ("Infosys
// slips 2%"), sentences of an article's text are not.
const (
	Sentence = iota
	Headline
)

// domainSalts mark the domain-specific copy of every feature, so that the
// model learns what headlines and sentences share and what they do not
// (Daumé's feature augmentation).
var domainSalts = [...]uint64{Sentence: 0x9e3779b97f4a7c15, Headline: 0xc2b2ae3d27d4eb4f}

// extractor turns a sentence into feature hashes. lm, when set (at training
// time), adds Loughran–McDonald category features.
type extractor struct {
	lm     map[string][]string
	domain int
}

// features returns the feature hashes of text s, each once plain and once
// marked with the domain, with repeats, and the rule boost of s (see
// ruleBoost).
func (x extractor) features(s string) ([]uint64, [numClasses]float64) {
	ws := words(s)
	out := x.baseFeatures(ws)
	salt := domainSalts[x.domain]
	n := len(out)
	for i := range n {
		out = append(out, out[i]^salt)
	}
	return out, ruleBoost(ws)
}

// baseFeatures returns the domain-free features of s.
func (x extractor) baseFeatures(ws []word) []uint64 {
	out := make([]uint64, 0, 6*len(ws)+16)
	out = append(out, featureHash(fBias))
	prev := "<s>"
	hedged := false
	for _, w := range ws {
		kind := fUnigram
		if w.negated {
			kind = fNegated
		}
		out = append(out, featureHash(kind, w.norm), featureHash(fBigram, prev, w.norm))

		prev = w.norm
		hedged = hedged || hedges[w.norm]
		if x.lm != nil {
			lmKind := fLM
			if w.negated {
				lmKind = fLMNegated
			}
			for _, cat := range x.lm[w.norm] {
				out = append(out, featureHash(lmKind, cat))
			}
		}
	}
	out = append(out, featureHash(fBigram, prev, "</s>"))
	if hedged {
		out = append(out, featureHash(fHedge))
	}
	for _, p := range polarities(ws) {
		out = append(out, featureHash(fDirItem, p.item, sign(p.dir)))
		if p.item == "" {
			out = append(out, featureHash(fDirection, sign(p.dir)))
			continue
		}
		for range polarityBoost {
			out = append(out, featureHash(fPolarity, sign(p.pol)))
		}
		if hedged {
			out = append(out, featureHash(fHedgedPol, sign(p.pol)))
		}
	}
	if e := estimateComparison(ws); e != 0 {
		out = append(out, featureHash(fEstimate, sign(e)))
	}
	return out
}

func sign(v int) string {
	switch {
	case v > 0:
		return "+"
	case v < 0:
		return "-"
	}
	return "0"
}

// polarity is a direction word applied to the financial item it modifies.
type polarity struct {
	item string // "" when no item is in reach
	dir  int    // +1 up, -1 down
	pol  int    // good (+1) or bad (-1) for shareholders, negation included
}

// polarities finds direction words and the items they modify: the nearest
// item within four words before or three after, inside the same clause.
// A "from A to B" or "to B from A" comparison of numbers counts as a
// direction too.
func polarities(ws []word) []polarity {
	var out []polarity
	for i, w := range ws {
		d, ok := directions[w.norm]
		if !ok {
			continue
		}
		item := nearestItem(ws, i)
		p := polarity{item: item, dir: d}
		if item != "" {
			p.pol = d * items[item]
		}
		// "from X to Y" after the direction word decides it when present.
		if cmp, signed := numberComparison(ws, i); cmp != 0 {
			p.dir = cmp
			p.pol = cmp * items[item]
			if signed {
				p.pol = cmp
			}
		}
		if w.negated {
			p.pol = -p.pol
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		// "Operating profit totalled EUR 9.0 mn, compared with EUR 7.9 mn": no
		// direction word, but the numbers tell the direction.
		for i, w := range ws {
			if s, ok := items[w.norm]; ok {
				if cmp, signed := numberComparison(ws, i); cmp != 0 {
					p := polarity{item: w.norm, dir: cmp, pol: cmp * s}
					if signed {
						p.pol = cmp
					}
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// nearestItem returns the financial item closest to position i in its clause.
func nearestItem(ws []word, i int) string {
	for dist := 1; dist <= 4; dist++ {
		if j := i - dist; j >= 0 {
			if clauseBreaks[ws[j].norm] {
				break
			}
			if _, ok := items[ws[j].norm]; ok {
				return ws[j].norm
			}
		}
	}
	for dist := 1; dist <= 3; dist++ {
		j := i + dist
		if j >= len(ws) || clauseBreaks[ws[j].norm] {
			break
		}
		if _, ok := items[ws[j].norm]; ok {
			return ws[j].norm
		}
	}
	return ""
}

// numberComparison reads "to A from B", "from B to A", "A, up from B",
// "A compared with B" or "A vs B" within twenty words after position i and
// returns the sign of A-B (0 when there is no such comparison). Years are
// skipped. When a number is qualified as a loss or a profit ("a net loss of
// 3 versus a profit of 2"), values are signed so and signed is true: the
// comparison is then of results, good when it is positive.
func numberComparison(ws []word, i int) (cmp int, signed bool) {
	end := min(len(ws), i+21)
	var newV, oldV, last numberAt
	for j := max(0, i-5); j < end; j++ {
		if ws[j].norm == ";" || ws[j].norm == "." {
			if j < i {
				last = numberAt{}
				continue
			}
			break
		}
		if ws[j].isNum && !isYear(ws[j].num) {
			last = numberAt{v: ws[j].num, ok: true}
		}
		if j <= i {
			continue
		}
		switch ws[j].norm {
		case "to", "at", "totalled", "totaled", "was", "of", "amounted", "stood", "reached":
			if !newV.ok {
				newV = nextNumber(ws, j+1, end)
			}
		case "from", "vs", "versus", "against", "compared", "comparison":
			if !oldV.ok {
				oldV = nextNumber(ws, j+1, end)
				if !newV.ok {
					newV = last // "1.00 eur dividend, compared with 0.90 eur"
				}
			}
		}
	}
	if !newV.ok || !oldV.ok {
		return 0, false
	}
	a, b := newV.v, oldV.v
	if newV.sign != 0 || oldV.sign != 0 {
		signed = true
		sa, sb := newV.sign, oldV.sign
		if sa == 0 {
			sa = sb
		}
		if sb == 0 {
			sb = sa
		}
		a, b = float64(sa)*a, float64(sb)*b
	}
	switch {
	case a > b:
		return 1, signed
	case a < b:
		return -1, signed
	}
	return 0, false
}

// numberAt is a number found near a comparison word, with the sign its
// qualifier gives it: -1 after "loss" or "negative", +1 after "profit".
type numberAt struct {
	v    float64
	sign int
	ok   bool
}

// resultSigns qualify the number that follows them.
var resultSigns = map[string]int{
	"loss": -1, "losses": -1, "deficit": -1,
	"profit": 1, "surplus": 1, "eps": 1, "earnings": 1,
}

// nextNumber returns the first number that is not a year within five
// words from j, with the sign of a qualifier up to three words before it.
func nextNumber(ws []word, j, end int) numberAt {
	for k := j; k < min(end, j+6); k++ {
		if !ws[k].isNum || isYear(ws[k].num) {
			continue
		}
		n := numberAt{v: ws[k].num, ok: true}
		if k > 0 && (ws[k-1].norm == "negative" || ws[k-1].norm == "minus") || k > 1 && ws[k-2].norm == "negative" {
			n.v = -n.v
			return n
		}
		for q := k - 1; q >= max(0, k-4); q-- {
			if s, ok := resultSigns[ws[q].norm]; ok {
				n.sign = s
				break
			}
		}
		return n
	}
	return numberAt{}
}

func isYear(v float64) bool { return v >= 1950 && v <= 2100 && v == math.Trunc(v) }

// estimateComparison reads a result against the market's estimate: "beats
// estimates" (+1), "misses expectations" (-1), or "EPS $0.12 vs $0.10 Est"
// (the sign of actual minus estimate).
func estimateComparison(ws []word) int {
	hasEst := false
	for _, w := range ws {
		if estimateWords[w.norm] {
			hasEst = true
			break
		}
	}
	if !hasEst {
		return 0
	}
	for i, w := range ws {
		switch w.norm {
		case "beat", "beats", "tops", "topped", "exceeds", "exceeded", "above", "surpasses", "surpassed", "ahead":
			if !w.negated {
				return 1
			}
			return -1
		case "miss", "misses", "missed", "below", "short", "lags", "trails":
			if !w.negated {
				return -1
			}
			return 1
		case "vs", "versus":
			// actual before, estimate after, with an estimate word either
			// side of it: "EPS $0.20 vs. Est. $0.19", "$0.20 vs $0.19 est".
			var actual, est float64
			okA, okE := false, false
			for k := i - 1; k >= max(0, i-3); k-- {
				if ws[k].isNum {
					actual, okA = ws[k].num, true
					break
				}
			}
			for k := i + 1; k < min(len(ws), i+8); k++ {
				if ws[k].isNum {
					est = ws[k].num
					for q := i + 1; q < min(len(ws), k+3); q++ {
						okE = okE || estimateWords[ws[q].norm]
					}
					break
				}
			}
			if okA && okE && actual != est {
				if actual > est {
					return 1
				}
				return -1
			}
		}
	}
	return 0
}

// scales are the suffixes of numbers written with their scale: 1.9m, 3bn.
var scales = map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "cr": 1e7}

// scaleWords multiply the number before them.
var scaleWords = map[string]float64{
	"thousand": 1e3, "k": 1e3, "mn": 1e6, "mln": 1e6, "m": 1e6, "million": 1e6, "millions": 1e6,
	"bn": 1e9, "bln": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "trillion": 1e12, "tn": 1e12,
	"crore": 1e7, "cr": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}

// scaledNumber reads a number with a scale suffix ("1.90m", "3bn").
func scaledNumber(w string) (float64, bool) {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '.' || w[i] == ',') {
		i++
	}
	if i == 0 || i == len(w) {
		return 0, false
	}
	scale, ok := scales[w[i:]]
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w[:i], ",", ""), 64)
	if err != nil {
		return 0, false
	}
	return v * scale, true
}

// polarityBoost repeats the polarity feature: it is the strongest single
// signal and should not be drowned by word weights under regularisation.
var polarityBoost = 3

// ratingWords are analysts' ratings and how they read for shareholders.
var ratingWords = map[string]float64{
	"buy": 1, "outperform": 1, "overweight": 1, "accumulate": 1, "add": 1, "strong-buy": 1,
	"sell": -1, "underperform": -1, "underweight": -1, "reduce": -1,
	"hold": 0, "neutral": 0, "equal-weight": 0, "market-perform": 0, "in-line": 0,
}

// guidedItems are forecasts whose raising or cutting is news in itself.
var guidedItems = map[string]bool{
	"guidance": true, "outlook": true, "forecast": true,
	"forecasts": true, "dividend": true, "rating": true,
}

// ruleBoost scores the unambiguous signals of financial headlines that the
// training data (mostly other kinds of sentences) holds too few of to weigh
// them right: a result against estimates, an analyst's upgrade, downgrade or
// rating, a price target, forecast or dividend raised or cut. It returns
// what to add to each class's score.
func ruleBoost(ws []word) [numClasses]float64 {
	const strong, medium = 2.5, 1.5
	var b, target, kept float64
	var neutral bool
	if e := estimateComparison(ws); e != 0 {
		b += strong * float64(e)
	}
	for i, w := range ws {
		switch w.norm {
		case "upgrade", "upgrades", "upgraded":
			b += strong
		case "downgrade", "downgrades", "downgraded":
			b -= strong
		case "awarded", "wins", "won", "secures", "secured", "bags", "bagged", "lands", "landed", "receives", "received", "gets", "obtains":
			// "Awarded $155M Contract", "Receives Environmental Approval".
			if !w.negated && nounWithin(ws, i, 4, winNouns) {
				b += medium
			}
		case "declares", "declared", "recommends", "recommended", "approves", "approved", "announces", "proposes", "plans":
			// "Recommends dividend of Rs 2.50 per share".
			if !w.negated && nounWithin(ws, i, 4, payoutNouns) && !nearDirection(ws, i, -1) {
				b += medium
			}
		case "dismisses", "dismissed", "tosses", "tossed", "throws":
			// "Judge Dismisses Lawsuit Challenging X": the company is cleared,
			// against the words of the lawsuit, which the model reads as bad.
			if !w.negated && nounWithin(ws, i, 3, caseNouns) {
				b += 2 * strong
			}
		case "fined", "penalised", "penalized":
			if !w.negated {
				b -= strong
			}
		case "ordered":
			// "Ordered to Pay $8.5 Million".
			if !w.negated && i+2 < len(ws) && ws[i+1].norm == "to" && ws[i+2].norm == "pay" {
				b -= strong
			}
		case "buyback", "buybacks", "repurchase", "repurchases":
			// Returning cash to shareholders, unless it is suspended or cut.
			if !w.negated && !nearDirection(ws, i, -1) {
				b += medium
			}
		case "target", "pt", "po":
			// "Lowers Price Target", "PT raised to": the target moves.
			for _, j := range []int{i - 1, i - 2, i - 3, i + 1, i + 2} {
				if j < 0 || j >= len(ws) {
					continue
				}
				if d, ok := directions[ws[j].norm]; ok {
					if ws[j].negated {
						d = -d
					}
					target += strong * float64(d)
					break
				}
			}
		}
		// "Maintains Buy", "at Outperform", "to Sell": the rating itself. A
		// rating kept counts less than one given, and nothing beside a
		// target moved.
		if r, ok := ratingWords[w.norm]; ok && i > 0 {
			switch ws[i-1].norm {
			case "maintains", "reiterates":
				kept += medium / 2 * r
				neutral = neutral || r == 0
			case "at", "to", "initiates", "assumes", "resumes":
				b += medium * r
				neutral = neutral || r == 0
			}
		}
	}
	if target != 0 {
		b += target
	} else {
		b += kept
	}
	for _, p := range polarities(ws) {
		if guidedItems[p.item] {
			b += medium * float64(p.pol)
		}
	}
	var out [numClasses]float64
	switch {
	case b > 0:
		out[classPositive] = b
	case b < 0:
		out[classNegative] = -b
	case neutral:
		// A neutral rating and nothing else: "Initiates Coverage at Hold".
		out[classNeutral] = medium
	}
	return out
}

// nearDirection reports whether a direction word of sign d is within three
// words of position i.
func nearDirection(ws []word, i, d int) bool {
	for j := max(0, i-3); j < min(len(ws), i+4); j++ {
		if dd, ok := directions[ws[j].norm]; ok && dd == d && j != i {
			return true
		}
	}
	return false
}

// winNouns are what a company wins: business, or leave to do it.
var winNouns = map[string]bool{
	"contract": true, "contracts": true, "order": true, "orders": true, "deal": true, "approval": true,
	"approvals": true, "permit": true, "permits": true, "nod": true, "clearance": true, "award": true,
	"licence": true, "license": true, "mandate": true, "tender": true, "patent": true,
}

// caseNouns are what a court can throw out.
var caseNouns = map[string]bool{
	"lawsuit": true, "lawsuits": true, "suit": true, "suits": true, "case": true, "charges": true,
	"claims": true, "complaint": true, "complaints": true,
}

// payoutNouns are cash returned to shareholders.
var payoutNouns = map[string]bool{"dividend": true, "dividends": true, "bonus": true, "payout": true}

// nounWithin reports whether one of nouns is within n words after position i.
func nounWithin(ws []word, i, n int, nouns map[string]bool) bool {
	for j := i + 1; j < min(len(ws), i+n+1); j++ {
		if nouns[ws[j].norm] {
			return true
		}
	}
	return false
}
