package company

// Word lists the tagger uses to read context, written from general knowledge
// of English and of how financial news is written.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// businessWords are words that, near an ambiguous name (Apple, Target,
// Shell), show the text speaks of the company.
var businessWords = set(
	"shares", "share", "stock", "stocks", "investors", "investor", "shareholders", "earnings", "revenue", "revenues",
	"profit", "profits", "loss", "sales", "quarter", "quarterly", "q1", "q2", "q3", "q4", "fy", "eps", "dividend",
	"buyback", "ceo", "cfo", "chief", "executive", "executives", "chairman", "board", "company", "company's", "firm",
	"inc", "corp", "ltd", "plc", "nyse", "nasdaq", "analyst", "analysts", "downgrade", "downgrades", "upgrade", "upgrades",
	"rating", "target", "price", "valuation", "market", "deal", "merger", "acquisition", "acquire", "acquires", "stake",
	"ipo", "billion", "million", "bn", "mln", "results", "guidance", "outlook", "forecast", "layoffs", "jobs", "workers",
	"employees", "store", "stores", "retailer", "brand", "products", "product", "launch", "launches", "unveils", "iphone",
	"ipad", "mac", "smartphone", "smartphones", "app", "apps", "software", "devices", "device", "chip", "chips", "supplier",
	"suppliers", "lawsuit", "sued", "sues", "antitrust", "regulators", "contract", "partnership", "venture", "subsidiary",
	"maker", "makers", "automaker", "automakers", "carmaker", "oil", "gas", "refinery", "bank", "lender", "airline",
	"insurer", "drugmaker", "payments", "card", "cards", "cars", "vehicles", "vehicle", "trucks", "suv", "pickup", "plant",
	"factory", "factories", "giant", "rival", "rivals", "competitor", "customers", "users", "subscribers", "platform",
	"headquarters", "spokesperson", "spokesman", "spokeswoman", "trading",
	"traded", "rose", "fell", "jumped", "slumped", "surged", "tumbled", "gained", "climbing", "rebounds", "soars", "plunges",
	"movers", "mover", "%", "stake", "units", "unit", "division", "operations", "manufacturing", "retail", "dealers",
	"dealership", "model", "models", "sedan", "electric", "ev", "evs", "hybrid", "engine", "recall", "recalls",
	"fall", "falls", "rise", "rises", "gains", "slips", "jumps", "drops", "net", "cr", "crore", "rs", "ftse", "sensex",
	"nifty", "dow", "index", "approval", "permit", "project", "projects", "order", "orders", "bags", "wins",
	"awarded", "mine", "drilling", "exploration", "production", "output", "listing", "delist", "offer", "bonds",
	"rights", "issue", "turnaround", "buy", "sell", "hold", "overweight", "underweight", "neutral", "outperform", "underperform",
)

// firstNames are given names common in English-language news; before an
// ambiguous single-word name they show a person (Harrison Ford, Tim Apple).
var firstNames = set(
	"harrison", "henry", "gerald", "betty", "tom", "tim", "john", "james", "robert", "michael", "william", "david",
	"richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
	"paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey",
	"ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
	"samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose",
	"adam", "nathan", "peter", "zachary", "kyle", "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald",
	"christian", "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe", "bryan", "billy", "jordan",
	"albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan", "logan", "wayne", "ralph", "roy", "eugene", "randy",
	"vincent", "russell", "louis", "philip", "bobby", "johnny", "bradley", "mary", "patricia", "jennifer", "linda",
	"elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "margaret", "sandra", "ashley",
	"kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca",
	"sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole",
	"emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
	"heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
	"evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann",
	"teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace",
	"denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie",
	"isabella", "charlotte", "rose", "alexis", "kayla", "ford", "taylor", "elon", "jeff", "bill", "warren", "satya",
	"sundar", "mukesh", "anil", "ratan", "masayoshi", "akio", "jack", "pony", "jensen", "lisa", "mr", "mrs", "ms", "dr",
	"sir", "lord", "lady", "president", "senator", "sen", "rep", "gov", "judge", "coach", "actor", "actress", "singer",
	"will", "rob", "steve", "mike", "dave", "jim", "bob", "ben", "sam", "nick", "chris", "matt", "dan", "greg", "jon", "ashish", "nirav", "aishwarya", "narendra", "rahul", "rakesh", "rajesh", "ramesh", "suresh", "sunil", "sanjay", "vijay", "ajay", "amit",
	"arun", "ashok", "deepak", "venu", "kumar", "prakash", "raj", "ravi", "sandeep", "sandip", "vikram", "xi", "li",
	"wang", "zhang", "chen", "liu", "yang", "hiroshi", "takeshi", "kenji", "yuki", "kim", "park", "lee",
)

// commonWords are headline words that are also one-word short names of
// small listed companies ("Outlook", "Advantage", "Symphony"); alone they
// are read as words.
var commonWords = set(
	"outlook", "advantage", "update", "review", "report", "results", "record", "rally", "target", "focus", "vision",
	"insight", "pulse", "trend", "trends", "alpha", "beta", "delta", "omega", "summit", "pioneer", "frontier", "horizon",
	"legacy", "liberty", "premier", "prime", "quest", "select", "sentinel", "spirit", "standard", "strategic", "superior",
	"triumph", "unity", "venture", "victory", "vista", "zenith", "genesis", "matrix", "nexus", "orbit", "apex", "atlas",
	"eagle", "falcon", "phoenix", "titan", "jupiter", "mars", "mercury", "saturn", "venus", "neptune", "europa", "moon",
	"sun", "star", "galaxy", "cosmos", "planet", "earth", "ocean", "river", "mountain", "forest", "harbor", "harbour",
	"bridge", "tower", "crown", "royal", "empire", "kingdom", "republic", "national", "federal", "central", "capital",
	"general", "global", "american", "european", "asian", "african", "pacific", "atlantic", "western", "eastern",
	"northern", "southern", "golden", "silver", "diamond", "crystal", "pearl", "ruby", "emerald", "sapphire", "ivory",
	"harmony", "melody", "rhythm", "fusion", "impact", "momentum", "catalyst", "evolve", "evolution",
	"transform", "innovate", "inspire", "empower", "elevate", "ignite", "spark", "bolt", "flash", "rapid", "swift",
	"agile", "smart", "bright", "clear", "pure", "fresh", "green", "blue", "red", "black", "white", "orange", "purple",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
	"june", "july", "august", "september", "october", "november", "december", "budget", "market", "markets", "stocks",
)

// headlineFunctionWords start sentences and headline phrases; a capitalised
// one before a name says nothing about a person.
var headlineFunctionWords = set(
	"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "is", "are",
	"was", "were", "why", "how", "what", "when", "where", "who", "which", "will", "can", "should", "could", "would",
	"after", "before", "amid", "over", "under", "vs", "versus", "than", "rival", "rivals", "like", "says", "said",
	"report", "reports", "update", "breaking", "exclusive", "analysis", "watch", "video", "new", "top", "buy", "sell",
)

// acronymStop are all-capital words that look like tickers but are common
// abbreviations in financial news.
var acronymStop = set(
	"CEO", "CFO", "COO", "CTO", "IPO", "ETF", "ETFS", "EPS", "GDP", "CPI", "PMI", "USA", "US", "UK", "EU", "UN", "AI",
	"EV", "EVS", "SUV", "FY", "Q1", "Q2", "Q3", "Q4", "YOY", "QOQ", "EST", "PT", "NAV", "AUM", "M&A", "IT", "ON", "ALL",
	"A", "I", "OR", "AND", "THE", "FOR", "TO", "IN", "AT", "BY", "OF", "BE", "NOW", "NEW", "BIG", "ARE", "CAN", "SO",
	"GO", "DO", "HAS", "HE", "ME", "MY", "NO", "OK", "UP", "WE", "LOW", "HIGH", "ONE", "TWO", "BUY", "SELL", "HOLD",
	"FDA", "SEC", "ECB", "RBI", "IMF", "FED", "NYSE", "OTC", "LLC", "INC", "LTD", "PLC", "CORP", "TV", "PC", "DC",
	"NY", "LA", "SF", "CNN", "BBC", "NBA", "NFL", "NHL", "MLB", "FIFA", "NATO", "WHO", "CDC", "NASA", "FBI", "CIA",
	"AM", "PM", "ET", "PT", "GMT", "UTC", "USD", "EUR", "GBP", "JPY", "CNY", "INR", "RS", "API", "USB", "LED", "DNA",
	"ESG", "ROI", "ROE", "EBITDA", "OPEC", "ASEAN", "G7", "G20", "III", "II", "IV", "VI", "VII", "CO", "VS", "NOTE",
)
