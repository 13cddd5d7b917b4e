// Package events finds what happened in an article: events of the types of
// DESIGN.md (news.EventTypes), each with a confidence, the companies it
// concerns, an evidence span, its status as the text tells it (reported,
// announced, completed, denied, terminated) and who reported it.
//
// Cue phrases find every type; for earnings and mergers and acquisitions a
// compact logistic-regression model (model.bin.gz, trained by `go generate`
// on Reuters-21578) decides, using the cues among its features.
package events

import (
	"math"
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/text"
)

// Step is the event annotator. It reads Ann.Companies, so it runs after the
// company tagger. It is safe for concurrent use.
type Step struct {
	model *Model
}

// New returns an event step that decides earnings and mergers with m.
func New(m *Model) *Step { return &Step{model: m} }

// NewDefault returns an event step with the embedded model.
func NewDefault() (*Step, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return New(m), nil
}

// Name implements annotate.Step.
func (*Step) Name() string { return "events" }

// Position weights: a cue in the title counts most, in the lead less, later
// in the text least.
const (
	titleFactor = 2.0
	leadFactor  = 1.0
	restFactor  = 0.4
	leadCount   = 3 // sentences of the text that make its lead
	// scanSentences is how many sentences of the text are read: what a
	// story is about comes first; the rest mentions much in passing.
	scanSentences = 10
	// threshold is the cue score an event needs: a strong cue in the lead,
	// or a weak one in the title.
	threshold = 1.0
)

// hit is one cue found in the text.
type hit struct {
	typ      string
	score    float64 // cue weight times position factor
	sentence int
	span     text.Span
}

// sentence is one sentence of the document with its normalised words.
type sentence struct {
	span  text.Span
	words []string
	toks  []text.Token
	title bool
	lead  bool
}

// analysis is what the step reads from a document before deciding.
type analysis struct {
	sents []sentence
	hits  []hit
	score map[string]float64 // per type
	best  map[string]hit     // the strongest hit of each type
}

func analyse(d *annotate.Document) *analysis {
	a := &analysis{score: map[string]float64{}, best: map[string]hit{}}
	textSeen := 0
	for _, sp := range text.Sentences(d.Body) {
		s := sentence{span: sp, title: sp.Start < d.TitleEnd}
		if !s.title && textSeen >= scanSentences {
			break
		}
		if !s.title {
			s.lead = textSeen < leadCount
			textSeen++
		}
		for _, t := range text.Tokens(d.Body[sp.Start:sp.End]) {
			if t.Kind == text.Punct && !strings.Contains("&$%€£¥", t.Text) {
				continue
			}
			t.Start += sp.Start
			t.End += sp.Start
			s.toks = append(s.toks, t)
			s.words = append(s.words, text.Norm(t.Text))
		}
		a.sents = append(a.sents, s)
	}
	for si, s := range a.sents {
		factor := a.factor(si)
		for i, w := range s.words {
			for _, c := range cueIndex[w] {
				if !matchAt(s.words, i, c.words) {
					continue
				}
				h := hit{typ: c.typ, score: c.weight * factor, sentence: si,
					span: text.Span{Start: s.toks[i].Start, End: s.toks[i+len(c.words)-1].End}}
				a.hits = append(a.hits, h)
				a.score[c.typ] += h.score
				a.add(h)
			}
			if moveAt(s.words, i) {
				a.add(hit{typ: news.EventStockMove, score: factor, sentence: si,
					span: text.Span{Start: s.toks[i].Start, End: s.toks[i].End}})
			}
		}
	}
	return a
}

func (a *analysis) add(h hit) {
	a.hits = append(a.hits, h)
	a.score[h.typ] += h.score
	if b, ok := a.best[h.typ]; !ok || h.score > b.score {
		a.best[h.typ] = h
	}
}

// moveVerbs tell a price moving; followed by a percentage and not preceded
// by a financial item ("profit rose 5%") they make a stock move
// ("Sun Pharma tanks 9%", "BOC India soars 20 pc").
var moveVerbs = map[string]bool{
	"rises": true, "rose": true, "falls": true, "fell": true, "jumps": true, "jumped": true, "slips": true,
	"slipped": true, "soars": true, "soared": true, "surges": true, "surged": true, "tanks": true, "tanked": true,
	"zooms": true, "gains": true, "gained": true, "drops": true, "dropped": true, "plunges": true, "plunged": true,
	"tumbles": true, "tumbled": true, "climbs": true, "climbed": true, "sinks": true, "sank": true, "slumps": true,
	"slumped": true, "rallies": true, "rallied": true, "up": true, "down": true, "declines": true, "declined": true,
	"advances": true, "advanced": true, "skids": true, "crashes": true, "spurts": true, "dips": true, "dipped": true,
}

// items are financial quantities whose moves are results, not stock moves.
var items = map[string]bool{
	"profit": true, "profits": true, "net": true, "sales": true, "revenue": true, "revenues": true,
	"income": true, "eps": true, "earnings": true, "margin": true, "margins": true, "loss": true, "output": true,
	"exports": true, "imports": true, "inflation": true, "gdp": true, "prices": true, "production": true,
}

func moveAt(words []string, i int) bool {
	if !moveVerbs[words[i]] || i > 0 && items[words[i-1]] {
		return false
	}
	for j := i + 1; j < min(len(words), i+5); j++ {
		switch words[j] {
		case "%", "pc", "pct", "percent", "per":
			return j > i+1 && isNumber(words[j-1]) || words[j] == "per" && j+1 < len(words) && words[j+1] == "cent"
		}
	}
	return false
}

func matchAt(words []string, i int, cue []string) bool {
	if i+len(cue) > len(words) {
		return false
	}
	for k, w := range cue {
		if words[i+k] != w {
			return false
		}
	}
	return true
}

// Annotate implements annotate.Step.
func (s *Step) Annotate(d *annotate.Document) {
	a := analyse(d)
	learnt := s.model.predict(a)
	reporter := reportedBy(d, a)
	for _, typ := range news.EventTypes {
		conf := confidenceOf(a.score[typ])
		if p, ok := learnt[typ]; ok {
			conf = decideLearnt(typ, p, a)
		}
		if conf < 0.5 {
			continue
		}
		best, ok := a.best[typ]
		ev := news.Event{Type: typ, Confidence: math.Round(conf*1000) / 1000}
		if ok {
			ev.Evidence = news.Span{Start: a.sents[best.sentence].span.Start, End: a.sents[best.sentence].span.End}
			ev.Companies = companiesOf(d, a, best.sentence)
			ev.Status = statusOf(a, best)
		} else if len(a.sents) > 0 {
			ev.Evidence = news.Span{Start: a.sents[0].span.Start, End: a.sents[0].span.End}
			ev.Companies = companiesOf(d, a, 0)
			ev.Status = news.StatusAnnounced
		}
		if ev.Status == news.StatusReported || ev.Status == news.StatusDenied {
			ev.ReportedBy = reporter
		}
		if ev.Companies == nil {
			ev.Companies = []string{}
		}
		d.Ann.Events = append(d.Ann.Events, ev)
	}
}

// decideLearnt combines the model's probability for typ with the cues. The
// model learnt from 1987 newswire and is unsure of itself on other text, so
// it must be fairly sure (0.75) when no cue of the type (for earnings: of earnings or
// dividends, which the newswire counts as earnings) is in the document.
// And in that newswire "buy" is nearly always a takeover; in an analyst's
// rating ("Upgrades ABB to Buy") it is not, so a merger needs a cue of its
// own when the title is a rating.
func decideLearnt(typ string, p float64, a *analysis) float64 {
	evidence := a.score[typ]
	if typ == news.EventEarnings {
		evidence += a.score[news.EventDividend]
	}
	if evidence < minEvidence && p < 0.75 {
		return min(p, 0.49)
	}
	if typ == news.EventMergerAcquisition && a.titleCue(news.EventAnalystRating) && p < 0.9 {
		return min(p, 0.49)
	}
	if b, ok := a.best[typ]; ok && b.sentence == 0 && b.score == a.factor(0) && p >= 0.2 {
		return max(p, 0.5) // a strong cue in the headline (or the first sentence standing for it)
	}
	return p
}

// minEvidence is the cue score below which a learnt type needs a sure model.
var minEvidence = 0.1

// factor is the position factor of sentence si.
func (a *analysis) factor(si int) float64 {
	switch s := a.sents[si]; {
	case s.title:
		return titleFactor
	case s.lead:
		return leadFactor
	}
	return restFactor
}

// titleCue reports whether the strongest cue of typ is in the title.
func (a *analysis) titleCue(typ string) bool {
	b, ok := a.best[typ]
	return ok && a.sents[b.sentence].title
}

// confidenceOf maps a cue score to a confidence: 0.5 at the threshold,
// approaching 1 as cues add up.
func confidenceOf(score float64) float64 {
	if score <= 0 {
		return 0
	}
	return 1 - 0.5*math.Exp(-(score-threshold)/threshold)
}

// companiesOf returns the listing keys of the companies named in sentence
// si; failing that, of those named in the title; failing that, all of them.
func companiesOf(d *annotate.Document, a *analysis, si int) []string {
	in := func(pred func(m news.Mention) bool) []string {
		var out []string
		for _, c := range d.Ann.Companies {
			if len(c.Listings) == 0 {
				continue
			}
			if slices.ContainsFunc(c.Mentions, pred) {
				out = append(out, c.PrimaryListing().Key())
			}
		}
		return out
	}
	sp := a.sents[si].span
	if got := in(func(m news.Mention) bool { return m.Start >= sp.Start && m.Start < sp.End }); len(got) > 0 {
		return got
	}
	if got := in(func(m news.Mention) bool { return m.Start < d.TitleEnd }); len(got) > 0 {
		return got
	}
	return in(func(news.Mention) bool { return true })
}

// Status cues, as lower-case phrases.
var (
	terminatedCues = []string{"called off", "calls off", "terminated", "terminates", "terminate", "scrapped",
		"scraps", "abandoned", "abandons", "walked away", "walks away", "collapsed", "withdrew", "withdraws",
		"pulled out"}
	// endVerbs terminate an event only with the talks or deal they end.
	endVerbs      = []string{"ended", "ending", "ends", "end"}
	endObjects    = []string{"talks", "deal", "agreement", "negotiations", "discussions", "merger", "partnership", "bid", "offer"}
	deniedCues    = []string{"denied", "denies", "deny", "dismissed the report", "no truth", "rejected the report", "not in talks"}
	completedCues = []string{"completed", "completes", "complete", "closed the", "closes the", "finalized",
		"finalised", "finalizes", "concluded"}
	reportedCues = []string{"reportedly", "people familiar", "familiar with", "sources said", "sources say",
		"citing", "in talks", "talks", "discussions", "considering", "exploring", "explore", "explores",
		"mulls", "weighs", "in advanced", "rumor", "rumour", "speculation"}
	// factualTypes are told as facts, never as rumours or deals in talks.
	factualTypes = map[string]bool{news.EventEarnings: true, news.EventStockMove: true, news.EventMacro: true,
		news.EventAnalystRating: true, news.EventIncident: true}
)

// statusOf reads the status of the event found at h from its sentence.
func statusOf(a *analysis, h hit) string {
	words := a.sents[h.sentence].words
	if factualTypes[h.typ] {
		return news.StatusAnnounced
	}
	switch {
	case containsAny(words, terminatedCues) || containsAny(words, endVerbs) && containsAny(words, endObjects):
		return news.StatusTerminated
	case containsAny(words, deniedCues):
		return news.StatusDenied
	case containsAny(words, completedCues):
		return news.StatusCompleted
	case containsAny(words, reportedCues):
		return news.StatusReported
	}
	return news.StatusAnnounced
}

func containsAny(words []string, phrases []string) bool {
	for _, p := range phrases {
		ps := strings.Fields(p)
		for i, w := range words {
			if w == ps[0] && matchAt(words, i, ps) {
				return true
			}
		}
	}
	return false
}

// outlets are news organisations that break stories, as their names appear
// in text.
var outlets = []string{
	"Reuters", "Bloomberg", "Nikkei", "Wall Street Journal", "WSJ", "Financial Times", "FT", "CNBC", "Dow Jones",
	"New York Times", "Washington Post", "Economic Times", "Times of India", "Business Standard", "Mint",
	"Moneycontrol", "Caixin", "Yonhap", "Kyodo", "Handelsblatt", "Les Echos", "Axios", "The Information",
	"Business Insider", "Sky News", "BBC", "Guardian", "Telegraph", "Sunday Times", "Times", "Barron's",
	"MarketWatch", "Fox Business", "CNN", "Globe and Mail", "South China Morning Post", "Yomiuri", "Asahi",
	"Korea Economic Daily", "Der Spiegel", "Il Sole 24 Ore", "Expansion", "Calcalist", "Globes", "Dealreporter",
	"Betaville", "Semafor", "Politico", "Associated Press", "AP",
}

// reportedBy finds who first reported the story: a known outlet, or the
// proper name just before "reported" ("The Nikkei business daily first
// reported the talks" gives Nikkei), or after "according to"/"citing".
func reportedBy(d *annotate.Document, a *analysis) string {
	for _, s := range a.sents {
		for i, w := range s.words {
			var window []text.Token
			switch w {
			case "reported", "reports", "report":
				window = s.toks[max(0, i-6):i]
			case "according", "citing", "by":
				if w == "by" && (i == 0 || s.words[i-1] != "reported") {
					continue
				}
				window = s.toks[i+1 : min(len(s.toks), i+7)]
			default:
				continue
			}
			if name := outletIn(d.Body, window); name != "" {
				return name
			}
		}
	}
	return ""
}

// outletIn returns a known outlet named in the tokens, or "".
func outletIn(body string, toks []text.Token) string {
	if len(toks) == 0 {
		return ""
	}
	span := body[toks[0].Start:toks[len(toks)-1].End]
	for _, o := range outlets {
		k := strings.Index(span, o)
		if k < 0 {
			continue
		}
		end := k + len(o)
		before := k == 0 || !isLetter(span[k-1])
		after := end == len(span) || !isLetter(span[end])
		if before && after {
			return o
		}
	}
	return ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
