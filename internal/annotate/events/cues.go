package events

import (
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// A cue is a phrase that signals an event type, as lower-case words.
type cue struct {
	words  []string
	weight float64
}

// cues are the phrases of one event type: strong ones name the event
// outright, weak ones only hint at it and count for half.
type cues struct {
	strong, weak []string
}

// weakWeight is what a weak cue counts for.
const weakWeight = 0.5

// cueTable lists the cues of every event type, written from the way
// financial news phrases each kind of event.
var cueTable = map[string]cues{
	news.EventEarnings: {
		strong: []string{
			"earnings report", "quarterly results", "quarterly earnings", "quarterly profit", "quarterly loss",
			"q1 results", "q2 results", "q3 results", "q4 results", "q1 earnings", "q2 earnings", "q3 earnings",
			"q4 earnings", "q1 profit", "q2 profit", "q3 profit", "q4 profit", "q1 eps", "q2 eps", "q3 eps", "q4 eps",
			"q1 sales", "q2 sales", "q3 sales", "q4 sales", "q1 revenue", "q2 revenue", "q3 revenue", "q4 revenue",
			"q1 net", "q2 net", "q3 net", "q4 net", "first-quarter", "second-quarter", "third-quarter",
			"fourth-quarter", "full-year results", "annual results", "quarter profit", "quarter earnings",
			"quarter net", "quarter results", "quarter revenue", "quarter loss", "qtr net", "qtr loss", "qtr shr",
			"year net", "shr", "net profit", "net income",
		},
		weak: []string{
			"net loss", "eps", "earnings per share", "per share earnings", "beats estimates", "misses estimates",
			"beat estimates", "earnings beat", "earnings miss", "reports earnings", "after earnings",
			"ahead of earnings", "earnings", "profit rose", "profit fell", "profit jumps", "profit jumped",
			"profit falls", "profit drops", "profit surges", "oper shr", "revs", "net at", "profit at", "results",
		},
	},
	news.EventGuidance: {
		strong: []string{
			"guidance", "outlook raised", "raises outlook", "raised outlook", "cuts outlook", "lowers outlook",
			"raises forecast", "cuts forecast", "lowers forecast", "raises full-year", "cuts full-year",
			"profit warning", "full-year outlook", "sees fy", "sees q1", "sees q2",
		},
		weak: []string{
			"sees q3", "sees q4", "reaffirms", "reiterates fy", "expects full-year", "forecasts", "outlook",
		},
	},
	news.EventMergerAcquisition: {
		strong: []string{
			"acquire", "acquires", "acquired", "acquiring", "acquisition", "acquisitions", "merger", "mergers",
			"merge", "merges", "takeover", "take over", "buyout", "tender offer", "to buy", "agreed to buy",
			"agrees to buy", "deal to buy", "bid for", "offer for", "sells unit", "sell unit", "sale of its",
			"to sell its",
		},
		weak: []string{
			"divest", "stake in", "buys stake", "acquisition of", "merger talks", "merger agreement",
			"definitive agreement", "all-cash deal", "per share in cash", "takeover bid", "hostile bid",
		},
	},
	news.EventPartnership: {
		strong: []string{
			"partnership", "partner with", "partners with", "partnering", "joint venture", "collaboration",
			"collaborate", "collaborates", "alliance", "memorandum of understanding", "mou", "teams up", "team up",
			"tie-up", "ties up", "strategic agreement", "cooperation agreement", "co-develop",
		},
		weak: []string{
			"jointly develop", "licensing agreement", "supply agreement", "supply deal", "in talks with",
			"discussions with", "agreement with", "partner",
		},
	},
	news.EventInvestment: {
		strong: []string{
			"invest", "invests", "investment", "investments", "investing", "capex", "capital expenditure",
			"capital spending", "spending plan", "ai spending", "to build", "new plant",
		},
		weak: []string{
			"new factory", "expansion", "expand production", "manufacture", "production of",
		},
	},
	news.EventRestructuring: {
		strong: []string{
			"restructuring", "restructure", "restructures", "layoff", "layoffs", "lays off", "lay off", "job cuts",
			"cut jobs", "cuts jobs", "cutting jobs", "workforce", "plant closure", "close plants", "shut down",
			"shutting", "shuttering", "closure",
		},
		weak: []string{
			"spin off", "spinoff", "spin-off", "overhaul", "cost cuts", "cost-cutting", "reorganization",
			"reorganisation",
		},
	},
	news.EventExecutiveChange: {
		strong: []string{
			"steps down", "step down", "resigns", "resigned", "resignation", "appoints", "appointed", "appointment",
			"names new", "named ceo", "names ceo", "new ceo", "ceo change", "ceo to", "succeed", "succeeds",
		},
		weak: []string{
			"successor", "retire", "retires", "retirement", "chief executive officer", "ousted", "fired",
		},
	},
	news.EventBuyback: {
		strong: []string{
			"buyback", "buy back", "buybacks", "share repurchase", "repurchase",
		},
		weak: []string{
			"repurchases", "stock repurchase",
		},
	},
	news.EventDividend: {
		strong: []string{
			"dividend", "dividends", "qtly div", "div", "special dividend", "payout",
		},
		weak: []string{
			"dividend hike", "raises dividend",
		},
	},
	news.EventStockMove: {
		strong: []string{
			"shares rose", "shares fell", "shares jump", "shares jumped", "shares surge", "shares surged",
			"shares slump", "shares tumble", "shares tumbled", "shares plunge", "shares plunged", "shares soar",
			"shares soared", "shares hit", "shares gain", "shares climb", "shares drop", "shares dropped",
			"shares slide", "shares up", "shares down", "stock rises", "stock falls", "stock jumps", "stock rebounds",
			"stock surges", "stock drops", "stock plunges", "stock soars", "stock hits", "record high",
			"52-week high",
		},
		weak: []string{
			"52-week low", "all-time high", "trading halted", "shares are trading", "shares trading",
			"stock is trading", "biggest movers", "movers", "shares higher", "shares lower", "stock up", "stock down",
			"shares", "stocks moving", "trading higher", "trading lower",
		},
	},
	news.EventAnalystRating: {
		strong: []string{
			"upgrade", "upgrades", "upgraded", "downgrade", "downgrades", "downgraded", "price target",
			"initiates coverage", "coverage", "maintains buy", "maintains hold", "maintains sell", "maintains",
			"reiterates buy", "reiterates", "overweight", "underweight", "outperform",
		},
		weak: []string{
			"underperform", "equal-weight", "buy rating", "sell rating", "neutral rating", "hold rating", "analyst",
			"analysts", "target to",
		},
	},
	news.EventLitigation: {
		strong: []string{
			"lawsuit", "lawsuits", "sue", "sues", "sued", "suing", "court", "judge", "jury", "verdict",
			"class action", "litigation", "ordered to pay", "settlement",
		},
		weak: []string{
			"settles", "settle", "patent infringement", "legal action", "plaintiffs", "appeals court",
			"supreme court",
		},
	},
	news.EventRegulatory: {
		strong: []string{
			"fda", "sec", "ftc", "regulator", "regulators", "regulatory", "approval", "approves", "approved", "probe",
			"investigation", "fined", "fine", "antitrust", "sebi", "rbi", "license", "licence", "sanction",
		},
		weak: []string{
			"compliance", "clearance", "warning letter", "ban", "bans", "banned", "authority", "ministry",
			"government",
		},
	},
	news.EventTradePolicy: {
		strong: []string{
			"tariff", "tariffs", "export controls", "export control", "export ban", "export restrictions",
			"trade war", "trade deal", "trade talks", "import duty", "import duties", "anti-dumping",
		},
		weak: []string{
			"quota", "quotas", "exports", "trade tensions", "standoff", "embargo",
		},
	},
	news.EventProduct: {
		strong: []string{
			"launch", "launches", "launched", "unveil", "unveils", "unveiled", "introduces", "introduced",
			"new product", "rolls out", "roll out", "debut", "debuts", "release", "releases", "website", "app",
			"platform",
		},
		weak: []string{
			"model", "prioritizes", "mission", "development", "clinical data", "trial results", "electric vehicles",
			"ev model",
		},
	},
	news.EventIncident: {
		strong: []string{
			"outage", "outages", "recall", "recalls", "recalled", "fire", "explosion", "accident", "crash", "breach",
			"data breach", "hack", "hacked", "cyberattack",
		},
		weak: []string{
			"spill", "disrupts", "disruption", "leak", "blackout", "glitch",
		},
	},
	news.EventLabor: {
		strong: []string{
			"strike", "strikes", "union", "unions", "walkout", "wage", "wages", "labor", "labour",
		},
		weak: []string{
			"pilots union", "collective bargaining", "workers", "employees protest",
		},
	},
	news.EventFinancing: {
		strong: []string{
			"ipo", "initial public offering", "offering", "public offering", "bond", "bonds", "notes", "senior notes",
			"loan", "credit facility", "financing", "funding", "funding round", "private placement", "rights issue",
			"convertible", "raises", "prices",
		},
		weak: []string{
			"priced", "debt", "credit line", "capital raise", "share sale", "issue", "ncd", "qip", "listing",
		},
	},
	news.EventBankruptcy: {
		strong: []string{
			"bankruptcy", "bankrupt", "chapter 11", "insolvency", "insolvent", "liquidation", "receivership",
			"creditor protection",
		},
		weak: []string{
			"files for", "default", "defaults",
		},
	},
	news.EventMacro: {
		strong: []string{
			"gdp", "inflation", "interest rate", "interest rates", "rate cut", "rate hike", "fed", "federal reserve",
			"central bank", "unemployment", "jobs report", "payrolls", "cpi", "economy", "economic", "recession",
			"markets open", "market update", "sensex", "nifty", "dow", "s&p 500", "nasdaq", "stock market", "stocks",
			"treasury",
		},
		weak: []string{
			"yields", "oil prices", "crude", "rupee", "dollar", "markets", "futures", "indices", "market",
			"wall street", "ecb", "boj", "opec",
		},
	},
}

// cueIndex maps the first word of every cue to the cues that start with it.
type indexedCue struct {
	typ string
	cue
}

var cueIndex = buildCueIndex()

func buildCueIndex() map[string][]indexedCue {
	idx := map[string][]indexedCue{}
	add := func(typ string, phrases []string, weight float64) {
		for _, p := range phrases {
			ws := strings.Fields(p)
			idx[ws[0]] = append(idx[ws[0]], indexedCue{typ: typ, cue: cue{words: ws, weight: weight}})
		}
	}
	for typ, c := range cueTable {
		add(typ, c.strong, 1)
		add(typ, c.weak, weakWeight)
	}
	return idx
}
