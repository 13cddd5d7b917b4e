package sentiment

// The word lists below are written for this package from general knowledge
// of financial English; the Loughran–McDonald lists are used only at
// training time (see train.go) and reach the model as learned weights.

// directions maps a verb, adverb or adjective of change to its sign: +1 when
// the thing it modifies grows, -1 when it shrinks.
var directions = map[string]int{
	"rise": 1, "rises": 1, "rose": 1, "risen": 1, "rising": 1,
	"increase": 1, "increased": 1, "increases": 1, "increasing": 1,
	"grow": 1, "grew": 1, "grows": 1, "grown": 1, "growing": 1, "growth": 1,
	"up": 1, "higher": 1, "high": 1, "highest": 1, "record": 1,
	"jump": 1, "jumped": 1, "jumps": 1, "climb": 1, "climbed": 1, "climbs": 1,
	"surge": 1, "surged": 1, "surges": 1, "soar": 1, "soared": 1, "soars": 1,
	"gain": 1, "gained": 1, "gains": 1, "improve": 1, "improved": 1, "improves": 1, "improvement": 1,
	"double": 1, "doubled": 1, "doubles": 1, "tripled": 1, "boost": 1, "boosted": 1, "boosts": 1,
	"expand": 1, "expanded": 1, "expands": 1, "expansion": 1, "strengthen": 1, "strengthened": 1,
	"widen": 1, "widened": 1, "widens": 1, "raise": 1, "raised": 1, "raises": 1, "hike": 1, "hiked": 1, "hikes": 1,
	"advance": 1, "advanced": 1, "advances": 1, "rebound": 1, "rebounded": 1, "rebounds": 1,
	"recover": 1, "recovered": 1, "recovers": 1, "spike": 1, "spiked": 1, "rally": 1, "rallied": 1, "rallies": 1,
	"lift": 1, "lifted": 1, "lifts": 1, "upgrade": 1, "upgraded": 1, "upgrades": 1, "beat": 1, "beats": 1, "tops": 1, "topped": 1,
	"fall": -1, "falls": -1, "fell": -1, "fallen": -1, "falling": -1,
	"decrease": -1, "decreased": -1, "decreases": -1, "decreasing": -1,
	"decline": -1, "declined": -1, "declines": -1, "declining": -1,
	"drop": -1, "dropped": -1, "drops": -1, "down": -1, "lower": -1, "lowered": -1, "lowers": -1, "low": -1,
	"slip": -1, "slipped": -1, "slips": -1, "slump": -1, "slumped": -1, "slumps": -1,
	"plunge": -1, "plunged": -1, "plunges": -1, "tumble": -1, "tumbled": -1, "tumbles": -1,
	"shrink": -1, "shrank": -1, "shrinks": -1, "narrow": -1, "narrowed": -1, "narrows": -1,
	"reduce": -1, "reduced": -1, "reduces": -1, "reduction": -1, "cut": -1, "cuts": -1, "slash": -1, "slashed": -1, "slashes": -1,
	"weaken": -1, "weakened": -1, "weakens": -1, "erode": -1, "eroded": -1, "sink": -1, "sank": -1, "sinks": -1,
	"dip": -1, "dipped": -1, "dips": -1, "slide": -1, "slid": -1, "slides": -1, "shed": -1, "sheds": -1,
	"halve": -1, "halved": -1, "contract": -1, "contracted": -1, "contraction": -1, "crash": -1, "crashed": -1,
	"downgrade": -1, "downgraded": -1, "downgrades": -1, "miss": -1, "misses": -1, "missed": -1, "trim": -1, "trimmed": -1, "trims": -1,
	"climbing": 1, "jumping": 1, "surging": 1, "soaring": 1, "gaining": 1, "advancing": 1, "rallying": 1,
	"rebounding": 1, "highs": 1, "dropping": -1, "sliding": -1, "sinking": -1, "tumbling": -1, "plunging": -1,
	"slipping": -1, "slumping": -1, "dipping": -1, "lows": -1,
	"more": 1, "less": -1, "ease": -1, "eased": -1, "eases": -1, "lose": -1, "loses": -1, "lost": -1,
}

// items maps a financial quantity to its sign for shareholders: +1 when more
// of it is good (profit, sales), -1 when more of it is bad (loss, costs).
var items = map[string]int{
	"profit": 1, "profits": 1, "earnings": 1, "income": 1, "sales": 1, "revenue": 1, "revenues": 1,
	"turnover": 1, "ebit": 1, "ebitda": 1, "eps": 1, "margin": 1, "margins": 1, "orders": 1, "order": 1,
	"demand": 1, "dividend": 1, "dividends": 1, "share": 1, "shares": 1, "stock": 1, "price": 1, "prices": 1,
	"target": 1, "outlook": 1, "guidance": 1, "forecast": 1, "forecasts": 1, "rating": 1, "volume": 1,
	"volumes": 1, "production": 1, "output": 1, "deliveries": 1, "traffic": 1, "market": 1, "value": 1,
	"result": 1, "results": 1, "net": 1, "cash": 1, "growth": 1, "backlog": 1, "bookings": 1, "nav": 1,
	"capacity": 1, "profitability": 1, "return": 1, "roi": 1, "roe": 1, "flow": 1, "ebt": 1, "payout": 1, "occupancy": 1, "subscribers": 1, "customers": 1, "valuation": 1, "stake": 1,
	"loss": -1, "losses": -1, "cost": -1, "costs": -1, "expenses": -1, "expense": -1, "debt": -1,
	"deficit": -1, "unemployment": -1, "inflation": -1, "charges": -1, "charge": -1, "writedown": -1,
	"impairment": -1, "provisions": -1, "liabilities": -1, "jobs": 1, "layoffs": -1, "npa": -1, "npas": -1,
	"borrowing": -1, "risk": -1, "risks": -1, "headwinds": -1, "pressure": -1, "burden": -1, "fallout": -1,
}

// negators turn the meaning of the next few words around.
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "without": true, "n't": true, "nor": true,
	"neither": true, "cannot": true, "didn't": true, "doesn't": true, "don't": true, "isn't": true,
	"wasn't": true, "aren't": true, "weren't": true, "won't": true, "hasn't": true, "haven't": true,
	"fails": true, "failed": true, "unable": true, "avoid": true, "avoids": true, "avoided": true,
	"avert": true, "averts": true, "averted": true,
}

// hedges make a statement uncertain.
var hedges = map[string]bool{
	"may": true, "might": true, "could": true, "would": true, "reportedly": true, "possible": true,
	"possibly": true, "likely": true, "unlikely": true, "expects": true, "expected": true,
	"plans": true, "considering": true, "mulls": true, "eyes": true, "seeks": true, "if": true,
}

// estimateWords name the market's expectation a result is compared with.
var estimateWords = map[string]bool{
	"estimate": true, "estimates": true, "est": true, "expectations": true, "expectation": true,
	"consensus": true, "forecast": true, "forecasts": true, "view": true, "views": true, "street": true,
}

// clauseBreaks end the reach of a direction word or a negation.
var clauseBreaks = map[string]bool{
	",": true, ";": true, ":": true, "but": true, "while": true, "whereas": true, "although": true,
	"though": true, "however": true, ".": true, "(": true, ")": true, "-": true, "—": true, "–": true,
}
