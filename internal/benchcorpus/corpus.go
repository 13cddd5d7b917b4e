// Package benchcorpus makes realistic synthetic news articles for
// benchmarks: it recombines the sentences of real articles, names companies
// of the security master in them (with their listings) and spreads them
// over time. The same seed always gives the same articles.
package benchcorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

// Sources are the real texts the corpus is made from, under
// ../shared/data/eval: Reuters-21578 training articles and the gold articles.
var Sources = []string{"reuters21578-modapte-train.jsonl", "gold-articles-dev.jsonl"}

// Article is one generated article: what an ingest source would deliver,
// plus the companies it was written about (their names are in the text).
type Article struct {
	ID        string         `json:"id"`
	URL       string         `json:"url"`
	Title     string         `json:"title"`
	Text      string         `json:"text"`
	Published time.Time      `json:"published"`
	Source    string         `json:"source"`
	Companies []news.Company `json:"companies"`
}

// NewsArticle returns a as a news.Article whose annotation holds the
// companies it was written about (for filling a store without annotating).
func (a Article) NewsArticle() *news.Article {
	return &news.Article{
		URL: a.URL, Title: a.Title, Text: a.Text, Published: a.Published,
		Discovered: a.Published.Add(time.Minute), Source: a.Source, Language: "en",
		Annotation: news.Annotation{Language: "en", Companies: a.Companies},
	}
}

// doc is one source text split into sentences.
type doc struct {
	title     string
	sentences []string
}

// Generator makes articles; it is not safe for concurrent use.
type Generator struct {
	docs      []doc
	companies []secmaster.Company // best known first
	rng       *rand.Rand
	pick      *rand.Zipf
	start     time.Time
	span      time.Duration
	n, next   int
}

// Start is the date of the first generated article; they span two years.
var Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// Span is the time the n generated articles spread over.
const Span = 2 * 365 * 24 * time.Hour

// Texts are the source texts split into sentences.
type Texts struct{ docs []doc }

// Load reads the source texts from evalDir (../shared/data/eval).
func Load(evalDir string) (*Texts, error) {
	var docs []doc
	for _, name := range Sources {
		f, err := os.Open(evalDir + "/" + name)
		if err != nil {
			return nil, err
		}
		ds, err := readDocs(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, ds...)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no texts in %s", evalDir)
	}
	return &Texts{docs}, nil
}

func readDocs(r io.Reader) ([]doc, error) {
	var docs []doc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, err
		}
		ss := Sentences(a.Text)
		if len(ss) < 2 {
			continue
		}
		docs = append(docs, doc{title: a.Title, sentences: ss})
	}
	return docs, sc.Err()
}

var (
	space        = regexp.MustCompile(`\s+`)
	sentenceEnd  = regexp.MustCompile(`[.!?]["'’”)]?\s+[A-Z"“(]`)
	abbreviation = regexp.MustCompile(`(?:\b[A-Z][a-z]{0,3}|\b[A-Z]|\bU\.S|\bNo)\.$`)
)

// Sentences splits text into sentences of at least four words, with the
// source's line wrapping undone.
func Sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(space.ReplaceAllString(para, " "))
		from := 0
		for _, m := range sentenceEnd.FindAllStringIndex(para, -1) {
			end := m[0] + 1
			if abbreviation.MatchString(para[from:end]) {
				continue
			}
			out = appendSentence(out, para[from:end])
			from = m[1] - 1
		}
		out = appendSentence(out, para[from:])
	}
	return out
}

func appendSentence(out []string, s string) []string {
	s = strings.TrimSpace(s)
	if len(strings.Fields(s)) < 4 || strings.Contains(s, "Reuter") && len(s) < 12 {
		return out
	}
	return append(out, strings.TrimSuffix(s, " Reuter"))
}

// New returns a generator of n articles from docs naming companies of m
// (weighted towards the best known, as news is), seeded with seed.
func New(texts *Texts, m *secmaster.Master, n int, seed uint64) (*Generator, error) {
	var cs []secmaster.Company
	for _, c := range m.Companies() {
		if len(c.Listings) > 0 && c.Name != "" {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("security master has no listed companies")
	}
	slices.SortStableFunc(cs, func(a, b secmaster.Company) int { return b.Weight - a.Weight })
	rng := rand.New(rand.NewPCG(seed, 0x7469636b))
	// Zipf over the companies by renown: the best known is named in about
	// 2% of articles (as Apple is in financial news), most rarely.
	return &Generator{
		docs: texts.docs, companies: cs, rng: rng,
		pick:  rand.NewZipf(rng, 1.1, 20, uint64(len(cs)-1)),
		start: Start, span: Span, n: max(n, 1),
	}, nil
}

// Companies returns the companies articles name, best known first.
func (g *Generator) Companies() []secmaster.Company { return g.companies }

// Next returns the next article; articles come in order of publication.
func (g *Generator) Next() Article {
	i := g.next
	g.next++
	r := g.rng
	var named []secmaster.Company
	for range 1 + r.IntN(3) {
		c := g.companies[g.pick.Uint64()]
		if !slices.ContainsFunc(named, func(x secmaster.Company) bool { return x.Name == c.Name }) {
			named = append(named, c)
		}
	}
	base := g.docs[r.IntN(len(g.docs))]
	other := g.docs[r.IntN(len(g.docs))]
	// a run of sentences of one article, with some of another mixed in
	from := r.IntN(len(base.sentences))
	k := 3 + r.IntN(10)
	var ss []string
	for j := from; j < len(base.sentences) && len(ss) < k; j++ {
		ss = append(ss, base.sentences[j])
		if r.IntN(4) == 0 {
			ss = append(ss, other.sentences[r.IntN(len(other.sentences))])
		}
	}
	for len(ss) < 3 {
		ss = append(ss, other.sentences[r.IntN(len(other.sentences))])
	}
	lead := named[0]
	ss[0] = shortName(lead) + " (" + exchangeTag(lead.Listings[0]) + ") said " + lowerFirst(ss[0])
	for j, at := range r.Perm(len(ss) - 1)[:len(named)-1] {
		ss[at+1] = "Analysts said " + named[j+1].Name + " " + pick(r, verbs) + ": " + lowerFirst(ss[at+1])
	}
	title := headline(shortName(lead), ss[min(1, len(ss)-1)], r)
	when := g.start.Add(time.Duration(float64(g.span)*float64(i)/float64(g.n)) + time.Duration(r.Int64N(int64(time.Hour))))
	companies := make([]news.Company, len(named))
	for j, c := range named {
		companies[j] = news.Company{Name: c.Name, Country: c.Country, Listings: c.Listings,
			MatchScore: 1, Sentiment: news.SentimentOf(r.Float64()*2 - 1)}
	}
	src := pick(r, sources)
	return Article{
		ID:        fmt.Sprintf("bench-%d", i),
		URL:       fmt.Sprintf("https://%s/news/%d", src, i),
		Title:     title,
		Text:      strings.Join(ss, " "),
		Published: when,
		Source:    src,
		Companies: companies,
	}
}

var (
	verbs   = []string{"was also affected", "is expected to follow", "was not immediately available for comment", "declined to comment", "is a competitor", "also reported"}
	sources = []string{"wire.example.com", "markets.example.org", "business.example.net", "finance.example.com"}
)

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// headline makes a title from the lead company's name and the words of a sentence.
func headline(name, sentence string, r *rand.Rand) string {
	words := strings.Fields(sentence)
	n := min(len(words), 5+r.IntN(6))
	return name + ": " + strings.TrimRight(strings.Join(words[:n], " "), ",;:")
}

// shortName is the name news uses for c: its first alias when it has one.
func shortName(c secmaster.Company) string {
	for _, a := range c.Aliases {
		if len(a) > 2 && !slices.Contains(c.Ambiguous, a) {
			return a
		}
	}
	return c.Name
}

// newsPrefixes are the exchange prefixes news writes before symbols.
var newsPrefixes = map[string]string{
	"XNAS": "NASDAQ", "XNYS": "NYSE", "XASE": "NYSEAMERICAN", "OTCM": "OTC", "XTSE": "TSX",
	"XLON": "LON", "XPAR": "EPA", "XETR": "ETR", "XTKS": "TYO", "XSHG": "SS", "XSHE": "SZ",
	"XHKG": "HKG", "XTAI": "TPE", "XKRX": "KRX", "XNSE": "NSE", "XBOM": "BSE", "XASX": "ASX",
}

// exchangeTag writes a listing as news does, such as NASDAQ:AAPL.
func exchangeTag(l news.Listing) string {
	if p, ok := newsPrefixes[l.MIC]; ok {
		return p + ":" + l.Symbol
	}
	return l.Symbol
}

func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}
