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
// outright, weak ones only hint at it and count for less.
type cues struct {
	strong, weak []string
}

// weakWeight is what a weak cue counts for.
const weakWeight = 0.4

// cueTable lists the cues of every event type, written from the way
// financial news phrases each kind of event.
var cueTable = map[string]cues{
	news.EventEarnings: {
		strong: []string{
			"earnings report", "quarterly results", "quarterly earnings", "quarterly profit", "quarterly loss",
			"quarterly net", "q1 results", "q2 results", "q3 results", "q4 results", "q1 earnings", "q2 earnings",
			"q3 earnings", "q4 earnings", "q1 profit", "q2 profit", "q3 profit", "q4 profit", "q1 eps", "q2 eps",
			"q3 eps", "q4 eps", "q1 sales", "q2 sales", "q3 sales", "q4 sales", "q1 revenue", "q2 revenue",
			"q3 revenue", "q4 revenue", "q1 net", "q2 net", "q3 net", "q4 net", "q1 loss", "q2 loss", "q3 loss",
			"q4 loss", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "full-year results",
			"annual results", "half-year results", "quarter profit", "quarter earnings", "quarter net",
			"quarter results", "quarter revenue", "quarter loss", "qtr net", "qtr loss", "qtr shr", "year net", "shr",
			"net profit", "net income", "earnings per share", "eps", "reports earnings", "earnings beat",
			"earnings miss", "earnings beat expectations", "net up", "net down", "profit up", "profit down",
		},
		weak: []string{
			"net loss", "per share earnings", "beats estimates", "misses estimates", "after earnings",
			"ahead of earnings", "earnings", "profit rose", "profit fell", "profit jumps", "profit jumped",
			"profit falls", "profit drops", "profit surges", "oper shr", "revs", "pre-tax profit", "pretax profit", "profit", "stock split", "split", "net at", "profit at", "results",
			"turnaround", "revenue", "revenues", "sales",
		},
	},
	news.EventGuidance: {
		strong: []string{
			"guidance", "outlook raised", "raises outlook", "raised outlook", "cuts outlook", "lowers outlook",
			"raises forecast", "cuts forecast", "lowers forecast", "raises full-year", "cuts full-year",
			"profit warning", "full-year outlook", "sees fy", "sees q1", "sees q2", "sees q3", "sees q4", "sees fy15",
			"sees fy16", "sees fy17", "sees fy18", "sees fy19", "sees fy20", "reaffirms fy", "reiterates fy",
			"expects full-year", "annual forecast", "full-year forecast",
		},
		weak: []string{
			"forecasts", "outlook", "sees", "expects",
		},
	},
	news.EventMergerAcquisition: {
		strong: []string{
			"acquire", "acquires", "acquired", "acquiring", "acquisition", "acquisitions", "merger", "mergers",
			"merge", "merges", "takeover", "take over", "buyout", "tender offer", "to buy", "agreed to buy", "agrees to buy",
			"deal to buy", "to acquire", "bid for", "offer for", "sells unit", "sell unit", "to sell its",
			"merger talks", "merger agreement", "takeover bid", "hostile bid", "delist offer", "open offer",
			"all-cash deal", "per share in cash",
		},
		weak: []string{
			"divest", "sells", "sold", "buys", "bought", "purchase", "purchased", "bids", "bid", "offer", "sale", "stake", "stake in", "buys stake", "definitive agreement", "sale of its", "deal",
		},
	},
	news.EventPartnership: {
		strong: []string{
			"partnership", "partner with", "partners with", "partnering", "joint venture", "collaboration",
			"collaborate", "collaborates", "alliance", "memorandum of understanding", "mou", "teams up", "team up",
			"tie-up", "ties up", "strategic agreement", "cooperation agreement", "co-develop", "jointly develop",
			"licensing agreement", "supply agreement", "supply deal", "licensing deal", "contract",
			"awarded",
		},
		weak: []string{
			"in talks with", "discussions with", "agreement with", "partner", "bags", "wins order", "order from",
		},
	},
	news.EventInvestment: {
		strong: []string{
			"invest", "invests", "capex", "capital expenditure", "capital spending", "spending plan", "ai spending",
			"to build", "new plant", "new factory", "investment plan", "to invest",
		},
		weak: []string{
			"investment", "investments", "investing", "expansion", "expand production", "manufacture",
			"production of", "spending",
		},
	},
	news.EventRestructuring: {
		strong: []string{
			"restructuring", "restructure", "restructures", "layoff", "layoffs", "lays off", "lay off", "job cuts",
			"cut jobs", "cuts jobs", "cutting jobs", "plant closure", "close plants", "shut down", "shutting",
			"shuttering", "spin off", "spinoff", "spin-off", "overhaul", "cost cuts", "cost-cutting",
			"reorganization", "reorganisation", "demerger",
		},
		weak: []string{
			"workforce", "closure", "closures",
		},
	},
	news.EventExecutiveChange: {
		strong: []string{
			"steps down", "step down", "resigns", "resigned", "resignation", "appoints", "appointed", "appointment",
			"appoint", "names new", "named ceo", "names ceo", "new ceo", "ceo change", "succeed", "succeeds",
			"successor", "to lead", "to head", "executive chairman", "ousted", "quits",
		},
		weak: []string{
			"retire", "retires", "retirement", "ceo to", "names", "named", "fired", "chief executive officer",
			"moves",
		},
	},
	news.EventBuyback: {
		strong: []string{
			"buyback", "buy back", "buybacks", "share repurchase", "repurchase", "repurchases", "stock repurchase",
			"buy-back",
		},
		weak: []string{},
	},
	news.EventDividend: {
		strong: []string{
			"dividend", "dividends", "qtly div", "div", "special dividend", "dividend hike", "raises dividend",
			"interim dividend",
		},
		weak: []string{
			"payout",
		},
	},
	news.EventStockMove: {
		strong: []string{
			"shares rose", "shares fell", "shares jump", "shares jumped", "shares surge", "shares surged",
			"shares slump", "shares tumble", "shares tumbled", "shares plunge", "shares plunged", "shares soar",
			"shares soared", "shares hit", "shares gain", "shares climb", "shares drop", "shares dropped",
			"shares slide", "shares up", "shares down", "stock rises", "stock falls", "stock jumps", "stock rebounds",
			"stock surges", "stock drops", "stock plunges", "stock soars", "stock hits", "record high",
			"52-week high", "52-week highs", "52-week low", "52-week lows", "all-time high", "trading halted",
			"shares are trading", "stock is trading", "biggest movers", "movers", "gainers", "losers", "top losers",
			"top gainers", "stocks moving", "trading higher", "trading lower", "shares higher", "shares lower",
			"stock surges", "resume trading", "trading resumes", "halted",
		},
		weak: []string{
			"shares", "stock", "rally", "rallies", "slips", "tanks", "zooms", "soars", "surges",
			"plunges", "tumbles",
		},
	},
	news.EventAnalystRating: {
		strong: []string{
			"upgrade", "upgrades", "upgraded", "downgrade", "downgrades", "downgraded", "price target",
			"initiates coverage", "maintains buy", "maintains hold", "maintains sell", "maintains", "reiterates buy",
			"reiterates", "overweight", "underweight", "outperform", "underperform", "equal-weight", "buy rating",
			"sell rating", "neutral rating", "hold rating", "assumes", "initiates", "raised pt", "lowers pt",
			"raises pt", "at neutral", "at buy", "at sell", "to neutral", "to hold",
		},
		weak: []string{
			"analyst", "analysts", "target", "coverage", "levels", "re-rating",
		},
	},
	news.EventLitigation: {
		strong: []string{
			"lawsuit", "lawsuits", "sue", "sues", "sued", "suing", "court", "judge", "jury", "verdict",
			"class action", "litigation", "ordered to pay", "patent infringement", "legal action", "plaintiffs",
			"appeals court", "supreme court",
		},
		weak: []string{
			"settlement", "settles", "settle", "legal",
		},
	},
	news.EventRegulatory: {
		strong: []string{
			"fda", "usfda", "sec", "ftc", "regulator", "regulators", "regulatory", "probe", "investigation", "fined",
			"antitrust", "sebi", "rbi", "license", "licence", "sanction", "import alert", "warning letter", "fda nod",
		},
		weak: []string{
			"approval", "approves", "approved", "fine", "compliance", "clearance", "ban", "bans", "banned",
			"authority", "ministry", "government", "told to", "questions", "ed", "limits", "rules", "rule",
		},
	},
	news.EventTradePolicy: {
		strong: []string{
			"tariff", "tariffs", "export controls", "export control", "export ban", "export restrictions",
			"trade war", "trade deal", "trade talks", "import duty", "import duties", "anti-dumping", "embargo",
			"trade tensions",
		},
		weak: []string{
			"quota", "quotas", "exports", "imports", "standoff",
		},
	},
	news.EventProduct: {
		strong: []string{
			"launch", "launches", "launched", "unveil", "unveils", "unveiled", "introduces", "introduced",
			"new product", "rolls out", "roll out", "ev model", "new model",
		},
		weak: []string{
			"release", "releases", "website", "app", "platform", "model", "mission", "development", "debut", "debuts",
			"electric vehicles",
		},
	},
	news.EventIncident: {
		strong: []string{
			"outage", "outages", "recall", "recalls", "recalled", "fire", "explosion", "accident", "data breach",
			"cyberattack", "spill", "disrupts", "disruption", "blackout", "glitch", "hacked",
		},
		weak: []string{
			"breach", "hack", "leak", "crash",
		},
	},
	news.EventLabor: {
		strong: []string{
			"walkout", "wage talks", "pilots union", "labor union", "labour union", "collective bargaining",
			"workers strike", "go on strike", "on strike", "union",
		},
		weak: []string{
			"unions", "wage", "wages", "labor", "labour", "workers", "strike",
		},
	},
	news.EventFinancing: {
		strong: []string{
			"ipo", "initial public offering", "public offering", "share offering", "stock offering", "senior notes",
			"credit facility", "financing", "funding round", "private placement", "rights issue", "convertible",
			"raises $", "capital raise", "share sale", "bond issue", "ncd", "qip"},
		weak: []string{
			"offering", "bond", "bonds", "notes", "loan", "funding", "debt", "credit line", "issue", "listing",
			"raises",
		},
	},
	news.EventBankruptcy: {
		strong: []string{
			"bankruptcy", "bankrupt", "chapter 11", "insolvency", "insolvent", "liquidation", "receivership",
			"creditor protection",
		},
		weak: []string{
			"default", "defaults",
		},
	},
	news.EventMacro: {
		strong: []string{
			"gdp", "inflation", "interest rate", "interest rates", "rate cut", "rate hike", "federal reserve",
			"central bank", "unemployment", "jobs report", "payrolls", "cpi", "economy", "recession", "markets open",
			"market update", "sensex", "nifty", "dow", "s&p 500", "stock market", "treasury", "pboc", "ftse", "dax",
			"oil prices", "gold prices", "ecb", "opec",
		},
		weak: []string{
			"economic", "fed", "yields", "crude", "rupee", "dollar", "yen", "euro", "markets", "futures", "indices",
			"market", "boj", "gold", "silver", "oil", "sugar", "demand", "growth", "etfs", "commodities", "stocks",
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
