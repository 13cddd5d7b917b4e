package company

import (
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
)

func tagger() *Tagger {
	defaultOnce.Do(func() { defaultTagger = New(secmaster.Default()) })
	return defaultTagger
}

// primaries returns the primary listing keys of the companies found, sorted.
func primaries(cs []news.Company) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.PrimaryListing().Key())
	}
	sort.Strings(out)
	return out
}

func orgNames(os []news.Organization) []string {
	out := []string{}
	for _, o := range os {
		out = append(out, o.Name)
	}
	sort.Strings(out)
	return out
}

func TestTaggerRules(t *testing.T) {
	tests := []struct {
		rule, title, text string
		want              []string // primary listings
	}{
		{"explicit tags", "", "Japan’s Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn (SS:601138)", []string{"601138.XSHG", "7201.XTKS"}},
		{"tag with space and cashtag", "", "Apple (NASDAQ: AAPL) rose while $TSLA fell and NYSE:F was flat.", []string{"AAPL.XNAS", "F.XNYS", "TSLA.XNAS"}},
		{"HKEX code without leading zeros", "", "Geely (HKG:0175) shares rose.", []string{"175.XHKG"}},
		{"tags of every market", "", "(TPE:2330) (LON:RIO) (ASX:BHP) (NSE:RELIANCE) (TYO:7201)", []string{"2330.XTAI", "7201.XTKS", "BHP.XASX", "RELIANCE.XNSE", "RIO.XLON"}},
		{"legal suffixes", "", "Toyota Motor Corporation and Sony Group Corp. and Rio Tinto plc reported.", []string{"6758.XTKS", "7203.XTKS", "RIO.XLON"}},
		{"possessives", "Toyota’s Surprise CEO Change", "Starbucks' policies and Alphabet's spending.", []string{"7203.XTKS", "GOOGL.XNAS", "SBUX.XNAS"}},
		{"hyphenated alliance", "", "Mitsubishi Motors, a partner in the Nissan-Renault alliance, said so.", []string{"7201.XTKS", "7211.XTKS", "RNO.XPAR"}},
		{"upper-case headline", "TOYOTA AND SONY SHARES JUMP", "", []string{"6758.XTKS", "7203.XTKS"}},
		{"ticker-like words are words", "", "IT spending is ON track for ALL firms, A report says; F grade.", []string{}},
		{"brand stands for parent", "Instagram Outage Disrupts Thousands of U.S. Users", "", []string{"META.XNAS"}},
		{"Apple the company", "Apple CFO: The Core Of The Company Is Innovation", "", []string{"AAPL.XNAS"}},
		{"apple the fruit", "", "She ate an apple and a pear at the Apple orchard festival.", []string{}},
		{"Ford the company", "Ford and Geely Explore Strategic Manufacturing Partnership in Europe", "", []string{"175.XHKG", "F.XNYS"}},
		{"Harrison Ford the actor", "", "Harrison Ford starred in the film, and Ford said he enjoyed it.", []string{}},
		{"Target the retailer", "", "Target shares fell after the retailer cut its outlook.", []string{"TGT.XNYS"}},
		{"price target is no retailer", "Stifel Maintains Buy, Raises Price Target to $70", "", []string{"SF.XNYS"}},
		{"Gap the retailer", "", "Gap Inc. said sales rose.", []string{"GAP.XNYS"}},
		{"a gap in the market", "", "Mind the gap. We hiked the Gap of Dunloe in Kerry.", []string{}},
		{"Shell, Meta, Visa, Oracle as companies", "", "Shell, Meta, Visa and Oracle shares rose after earnings.", []string{"META.XNAS", "ORCL.XNYS", "SHEL.XLON", "V.XNYS"}},
		{"shell, meta, visa, oracle as words", "", "The Oracle of Omaha held a shell. A visa was meta. Shell casings were found.", []string{}},
		{"regulators and indices are not companies", "FDA Targets Hims & Hers", "The SEC and Sensex, Nifty and the S&P 500 moved.", []string{"HIMS.XNYS"}},
		{"media outlets cited are organisations", "", "The New York Times and CNN reported, Reuters said.", []string{}},
		{"sponsor names on venues", "", "The band played the PNC Arena and the Pepsi Center.", []string{}},
		{"former tickers in a list", "Top movers (SLW, SSRI)", "", []string{"SSRM.XNAS", "WPM.XTSE"}},
		{"an exchange acting is its operator", "NYSE tests systems before the debut", "", []string{"ICE.XNYS"}},
		{"an exchange in a compound is its operator", "Two BSE directors step down after review", "", []string{"BSE.XNSE"}},
		{"an exchange as the venue", "", "Shares rose 3% on the NYSE and hit a high at the London Stock Exchange.", []string{}},
		{"indexes and segments of an exchange", "", "The BSE Sensex and the BSE 500 rose; NYSE-listed shares fell; BSE SME platform.", []string{}},
		{"venue past a list of exchanges", "Dipan Mehta, Member, NSE & BSE", "", []string{}},
		{"an exchange inside another name", "BSE-SXCC appoints a chief", "", []string{}},
		{"a commodity exchange acting is its operator", "MCX CFO resigns", "", []string{"MCX.XNSE"}},
		{"a commodity exchange as the venue", "", "Gold rose 1% on MCX.", []string{}},
		{"an ambiguous name in a story of its own market", "Financial Technologies meets Sebi officials", "", []string{"63MOONS.XNSE"}},
		{"an ambiguous name elsewhere", "Financial Technologies Startup Hosts Summit", "", []string{}},
		{"short form of a former name", "Avalanche Biotech Reports Q4 Loss", "", []string{"ADVM.XNAS"}},
		{"a code beside an abbreviation is no capital headline", "HSIL Q3 net profit rises", "", []string{"AGI.XNSE"}},
		{"a list of abbreviations is no capital headline", "HPCL, BPCL, IOC rally as crude cools", "", []string{"BPCL.XNSE", "HINDPETRO.XNSE", "IOC.XNSE"}},
		{"a code beside a name in a mixed-case line", "Subsidy burden may hit ONGC FPO", "", []string{"ONGC.XNSE"}},
		{"capitals say nothing in an upper-case headline", "SHELL SEES TARGET CUT\nShares of the oil major were flat.", "", []string{}},
	}
	for _, tt := range tests {
		body := news.Body(tt.title, tt.text)
		cs, _ := tagger().Find(body, len(tt.title))
		if diff := cmp.Diff(tt.want, primaries(cs)); diff != "" {
			t.Errorf("%s: %q: (-want +got):\n%s", tt.rule, body, diff)
		}
	}
}

func TestOrganizations(t *testing.T) {
	body := "SpaceX and ByteDance talked to the FDA, the Nikkei reported, citing Reuters."
	cs, orgs := tagger().Find(body, 0)
	if len(cs) != 0 {
		t.Errorf("companies: %v", primaries(cs))
	}
	want := []string{"ByteDance", "Nikkei", "Reuters", "SpaceX", "U.S. Food and Drug Administration"}
	if diff := cmp.Diff(want, orgNames(orgs)); diff != "" {
		t.Errorf("organizations (-want +got):\n%s", diff)
	}
}

func TestMentionsAndScores(t *testing.T) {
	text := "Japan’s Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn. Nissan said so. " +
		"Mitsubishi Motors, part of the Nissan-Renault alliance, agreed."
	cs, _ := tagger().Find(text, 0)
	byKey := map[string]news.Company{}
	for _, c := range cs {
		byKey[c.PrimaryListing().Key()] = c
		for _, m := range c.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v does not match the text %q", c.Name, m, text[m.Start:m.End])
			}
		}
		if c.MatchScore <= 0 || c.MatchScore > 1 {
			t.Errorf("%s: match_score %v out of (0, 1]", c.Name, c.MatchScore)
		}
	}
	nissan, renault := byKey["7201.XTKS"], byKey["RNO.XPAR"]
	if got := []string{nissan.Mentions[0].Text, nissan.Mentions[1].Text}; !cmp.Equal(got, []string{"Nissan Motor Co.", "OTC:NSANY"}) {
		t.Errorf("Nissan mentions = %q", got)
	}
	if !(nissan.MatchScore > renault.MatchScore) || renault.MatchScore > 0.4 {
		t.Errorf("scores: Nissan %v (named often, first) should beat Renault %v (once, in an alliance)", nissan.MatchScore, renault.MatchScore)
	}
	if cs[0].Name != nissan.Name {
		t.Errorf("companies should be ordered by match_score, first is %s", cs[0].Name)
	}
}

// TestImportedNames checks the rules for names that come from reference
// files rather than the curated table.
func TestImportedNames(t *testing.T) {
	cos := append(secmaster.Curated(),
		secmaster.Company{Name: "Sangamo Therapeutics, Inc.", Country: "US", Listings: []news.Listing{{Symbol: "SGMO", MIC: "XNAS"}}, Weight: secmaster.WeightSmall},
		secmaster.Company{Name: "Outlook Therapeutics, Inc.", Country: "US", Listings: []news.Listing{{Symbol: "OTLK", MIC: "XNAS"}}, Weight: secmaster.WeightMicro},
		secmaster.Company{Name: "Kansai Nerolac Paints Limited", Country: "IN", Listings: []news.Listing{{Symbol: "KANSAINER", MIC: "XNSE"}}, Weight: secmaster.WeightMid},
		secmaster.Company{Name: "Sun Pharma Advanced Research Company Ltd", Country: "IN", Listings: []news.Listing{{Symbol: "SPARC", MIC: "XNSE"}}, Weight: secmaster.WeightSmall},
		secmaster.Company{Name: "Whirlpool of India Limited", Country: "IN", Listings: []news.Listing{{Symbol: "WHIRLPOOL", MIC: "XNSE"}}, Weight: secmaster.WeightMid},
		secmaster.Company{Name: "Santa Fe Gold Corp", Country: "US", Listings: []news.Listing{{Symbol: "SFEG", MIC: "OTCM"}}, Weight: secmaster.WeightMicro},
		secmaster.Company{Name: "Fullerton Technology Co., Ltd.", Country: "TW", Listings: []news.Listing{{Symbol: "6136", MIC: "XTAI"}}, Weight: secmaster.WeightSmall},
		secmaster.Company{Name: "iShares MSCI Emerging Markets ex China ETF", Country: "US", Listings: []news.Listing{{Symbol: "EMXC", MIC: "XNAS"}}, Weight: secmaster.WeightFund, Fund: true},
		secmaster.Company{Name: "Amplify Lithium ETF", Country: "US", Listings: []news.Listing{{Symbol: "LITX", MIC: "ARCX"}}, Weight: secmaster.WeightFund, Fund: true},
		secmaster.Company{Name: "SPDR Bloomberg 1-3 Month T-Bill ETF", Country: "US", Listings: []news.Listing{{Symbol: "BIL", MIC: "ARCX"}}, Weight: secmaster.WeightFund, Fund: true},
		secmaster.Company{Name: "BondAxis Holdings Inc.", Country: "US", Listings: []news.Listing{{Symbol: "BDAX", MIC: "XNAS"}}, Weight: secmaster.WeightMid},
		secmaster.Company{Name: "Tamarack Industries, Inc.", Country: "US", Listings: []news.Listing{{Symbol: "TMRK", MIC: "XNYS"}}, Weight: secmaster.WeightSmall},
		secmaster.Company{Name: "Kalvista Pharmaceuticals, Inc.", Country: "US", Listings: []news.Listing{{Symbol: "KALV", MIC: "XNAS"}}, Aliases: []string{"Carbylan Therapeutics"}, Weight: secmaster.WeightSmall},
	)
	m := secmaster.New(cos)
	tg := New(m)
	tests := []struct {
		rule, text string
		want       []string
	}{
		{"short name in a headline with context", "Sangamo shares rise on gene therapy deal", []string{"SGMO.XNAS"}},
		{"short name without context", "Sangamo is a word here", []string{}},
		{"common headline word", "Outlook raised for the year; shares rise", []string{}},
		{"descriptor dropped", "Kansai Nerolac Q1 net up 19 per cent", []string{"KANSAINER.XNSE"}},
		{"namesake in an Indian story", "Whirlpool Q3 net up 49% to Rs 24 cr", []string{"WHIRLPOOL.XNSE"}},
		{"namesake elsewhere", "Whirlpool shares rise after earnings", []string{"WHR.XNYS"}},
		{"short name abroad", "Fullerton shares rise on new orders", []string{"6136.XTAI"}},
		{"short name of a foreign company in a story quoting rupees", "Fullerton India plans Rs 450 crore debenture issue", []string{}},
		{"short form of an imported alias", "Carbylan Therapeutics shares rise on merger", []string{"KALV.XNAS"}},
		{"a fund by its name without its kind", "Analyst upgrades iShares MSCI Emerging Markets ex China Index Fund to Buy", []string{"EMXC.XNAS"}},
		{"a fund name of two words is too plain alone", "Amplify Lithium output, shares rise", []string{}},
		{"a fund by its full name", "Amplify Lithium ETF shares rise", []string{"LITX.ARCX"}},
		{"initials in parentheses behind angle brackets are no ticker", "Acme sold its stake to <Bay Investments Ltd>, (BIL), for 20 mln dlrs", []string{}},
		{"a one-word name with an inner capital in a long text", "Yields rose 2% on Monday, according to data from BondAxis. " + strings.Repeat("Filler words about the weather. ", 20), []string{"BDAX.XNAS"}},
		{"a one-word name introduced by its kind in a long text", "Prices rose at the boat-maker Tamarack and elsewhere. " + strings.Repeat("Filler words about the weather. ", 20), []string{"TMRK.XNYS"}},
		{"a kind word ending the sentence before introduces nothing", "Prices rose at the company. Tamarack trees grew. " + strings.Repeat("Filler words about the weather. ", 20), []string{}},
		{"a plain one-word name in a long text still wants more", "Prices rose at Tamarack. " + strings.Repeat("Filler words about the weather. ", 20), []string{}},
		{"curated beats imported prefix", "Sun Pharma shares fall 9% on USFDA alert", []string{"SUNPHARMA.XNSE"}},
		{"one-word short name in a long text wants a plain mention", "Sangamo shares rose. " + strings.Repeat("Filler words about the weather. ", 20), []string{}},
		{"one-word short name in a long text after the full name", "Sangamo Therapeutics Inc. said Sangamo shares rose. " + strings.Repeat("Filler words about the weather. ", 20), []string{"SGMO.XNAS"}},
	}
	for _, tt := range tests {
		cs, _ := tg.Find(tt.text, len(tt.text))
		if diff := cmp.Diff(tt.want, primaries(cs)); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.rule, tt.text, diff)
		}
	}
}

// TestPublishedYear checks that a ticker in dated news names only a company
// listed by then, or the symbol's former holder.
func TestPublishedYear(t *testing.T) {
	cos := append(secmaster.Curated(),
		secmaster.Company{Name: "Rocket Robotics Corp.", Country: "US", Listings: []news.Listing{{Symbol: "RBX", MIC: "XNAS"}}, Weight: secmaster.WeightSmall, Listed: 2024},
		secmaster.Company{Name: "Cobalt Bank", Country: "US", Listings: []news.Listing{{Symbol: "CBK", MIC: "XNYS"}}, Weight: secmaster.WeightMid, Listed: 2021},
		secmaster.Company{Name: "Blue Cobalt Holdings", Country: "US", Listings: []news.Listing{{Symbol: "BCH", MIC: "XNAS"}}, Weight: secmaster.WeightSmall, Former: []news.Listing{{Symbol: "CBK", MIC: "XNAS"}}},
	)
	tg := New(secmaster.New(cos))
	tests := []struct {
		rule string
		year int
		want []string
	}{
		{"undated news", 0, []string{"AAPL.XNAS", "CBK.XNYS", "RBX.XNAS"}},
		{"listed by then", 2025, []string{"AAPL.XNAS", "CBK.XNYS", "RBX.XNAS"}},
		{"before the listings: the symbol's former holder", 2011, []string{"AAPL.XNAS", "BCH.XNAS"}},
	}
	text := "Stocks hitting highs (AAPL, RBX, CBK)"
	for _, tt := range tests {
		var published time.Time
		if tt.year > 0 {
			published = time.Date(tt.year, 4, 28, 9, 0, 0, 0, time.UTC)
		}
		cs, _ := tg.FindPublished(text, len(text), published)
		if diff := cmp.Diff(tt.want, primaries(cs)); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.rule, diff)
		}
	}
	// the former holder shows its old symbol as a delisted listing
	cs, _ := tg.FindPublished(text, len(text), time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC))
	want := []news.Listing{{Symbol: "BCH", MIC: "XNAS"}, {Symbol: "CBK", MIC: "XNAS", Delisted: true}}
	for _, c := range cs {
		if c.Name == "Blue Cobalt Holdings" && !cmp.Equal(c.Listings, want) {
			t.Errorf("listings of the former holder = %v, want %v", c.Listings, want)
		}
	}
}

func TestInnerCapital(t *testing.T) {
	for w, want := range map[string]bool{"MarketAxess": true, "JetBlue": true, "McDonald": false, "MacArthur": false,
		"LaSalle": false, "DeWalt": false, "Apple": false, "APPLE": false, "apple": false} {
		if got := innerCapital(w); got != want {
			t.Errorf("innerCapital(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestBrandSince checks that a brand that was a company of its own stands
// for its parent only in news from the year it joined.
func TestBrandSince(t *testing.T) {
	text := "LinkedIn outage hits users"
	tests := []struct {
		rule string
		year int
		want []string
	}{
		{"undated news", 0, []string{"MSFT.XNAS"}},
		{"after the purchase", 2024, []string{"MSFT.XNAS"}},
		{"before the purchase: its own company then", 2014, []string{}},
		{"an exchange before its operator bought it", 2010, []string{}},
		{"an exchange after its operator bought it", 2014, []string{"ICE.XNYS"}},
	}
	for _, tt := range tests {
		var published time.Time
		if tt.year > 0 {
			published = time.Date(tt.year, 6, 1, 0, 0, 0, 0, time.UTC)
		}
		text := text
		if strings.Contains(tt.rule, "exchange") {
			text = "NYSE tests its systems"
		}
		cs, _ := tagger().FindPublished(text, len(text), published)
		if diff := cmp.Diff(tt.want, primaries(cs)); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.rule, diff)
		}
	}
}
