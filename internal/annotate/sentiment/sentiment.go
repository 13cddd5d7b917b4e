// Package sentiment reads how an article, and each company in it, reads for
// shareholders. A compact multinomial logistic regression (model.bin.gz,
// trained by `go generate`) scores sentences from words, bigrams, negation,
// hedges, results against estimates and finance-aware direction features:
// a direction word applied to the item it modifies ("loss narrowed" and
// "costs fell" are good, "profit fell" is bad).
package sentiment

import (
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/text"
)

// Step is the sentiment annotator. It sets Ann.Sentiment and the Sentiment
// of every company in Ann.Companies, so it runs after the company tagger.
// It is safe for concurrent use.
type Step struct {
	model *Model
}

// New returns a sentiment step using m.
func New(m *Model) *Step { return &Step{model: m} }

// NewDefault returns a sentiment step using the embedded model.
func NewDefault() (*Step, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return New(m), nil
}

// Name implements annotate.Step.
func (*Step) Name() string { return "sentiment" }

// titleWeight is how much more the title counts than a sentence of the text.
const titleWeight = 2

// leadSentences is how many sentences of the text count for the article's
// sentiment: news puts what matters first.
const leadSentences = 6

// Annotate implements annotate.Step.
func (s *Step) Annotate(d *annotate.Document) {
	sents := sentences(d)
	// Sentences are scored when first needed: the article's sentiment reads
	// the title and the lead, each company's the sentences naming it.
	probs := make([][numClasses]float64, len(sents))
	scored := make([]bool, len(sents))
	probOf := func(i int) [numClasses]float64 {
		if !scored[i] {
			sp := sents[i]
			probs[i] = s.model.classify(withoutLists(d.Body[sp.Start:sp.End]), domainAt(d, sp.Start))
			scored[i] = true
		}
		return probs[i]
	}

	var acc accumulator
	textSeen := 0
	for i, sp := range sents {
		if sp.Start < d.TitleEnd {
			acc.add(probOf(i), titleWeight)
			continue
		}
		if textSeen < leadSentences {
			acc.add(probOf(i), 1)
		}
		textSeen++
	}
	d.Ann.Sentiment = acc.sentiment()

	for ci := range d.Ann.Companies {
		c := &d.Ann.Companies[ci]
		var cacc accumulator
		done := map[string]bool{}
		for _, m := range c.Mentions {
			si := sentenceOf(sents, m.Start)
			if si < 0 {
				continue
			}
			w := 1.0
			if sents[si].Start < d.TitleEnd {
				w = titleWeight
			}
			mention := text.Span{Start: m.Start, End: m.End}
			others := otherMentions(d.Ann.Companies, ci, sents[si])
			if IsAnalyst(d.Body, sents[si], mention, others) {
				// The broker that rates a company says nothing of itself.
				cacc.add(neutralProbs, w)
				continue
			}
			about := EntityText(d.Body, sents[si], mention, others)
			if done[about] {
				continue
			}
			done[about] = true
			cacc.add(s.model.classify(about, domainAt(d, sents[si].Start)), w)
		}
		if cacc.weight == 0 {
			c.Sentiment = d.Ann.Sentiment
			continue
		}
		c.Sentiment = cacc.sentiment()
	}
}

// neutralProbs are the class probabilities of a text known to be neutral.
var neutralProbs = [numClasses]float64{classNeutral: 1}

// sentences returns the spans of d's sentences. The title is one span
// however many dots it holds ("Q1 Adj. EPS $0.56 Misses $0.76 Est.").
func sentences(d *annotate.Document) []text.Span {
	sents := text.Sentences(d.Body)
	if d.TitleEnd == 0 || len(sents) == 0 || sents[0].Start >= d.TitleEnd {
		return sents
	}
	title := sents[0]
	rest := sents[1:]
	for len(rest) > 0 && rest[0].Start < d.TitleEnd {
		title.End = max(title.End, rest[0].End)
		rest = rest[1:]
	}
	return append([]text.Span{title}, rest...)
}

// Classify returns the sentiment of one sentence (domain Sentence) or
// headline (domain Headline).
func (m *Model) Classify(s string, domain int) news.Sentiment {
	return fromProbs(m.classify(s, domain))
}

// classify returns the class probabilities of s.
func (m *Model) classify(s string, domain int) [numClasses]float64 {
	return m.probs(extractor{domain: domain}.features(s))
}

// domainAt tells whether offset off of d is in a headline: the title, or a
// document that is only a title-like line.
func domainAt(d *annotate.Document, off int) int {
	if off < d.TitleEnd || d.Title == "" && !strings.ContainsAny(strings.TrimSpace(d.Text), "\n") && !strings.HasSuffix(strings.TrimSpace(d.Text), ".") {
		return Headline
	}
	return Sentence
}

// accumulator averages class probabilities with weights.
type accumulator struct {
	sum    [numClasses]float64
	weight float64
}

func (a *accumulator) add(p [numClasses]float64, w float64) {
	for c := range p {
		a.sum[c] += w * p[c]
	}
	a.weight += w
}

func (a *accumulator) sentiment() news.Sentiment {
	if a.weight == 0 {
		return news.SentimentOf(0)
	}
	var p [numClasses]float64
	for c := range p {
		p[c] = a.sum[c] / a.weight
	}
	return fromProbs(p)
}

// fromProbs turns class probabilities into a Sentiment whose label is the
// most probable class and whose score, P(positive) - P(negative), is mapped
// into the band news.SentimentOf gives that label.
func fromProbs(p [numClasses]float64) news.Sentiment {
	raw := p[classPositive] - p[classNegative]
	switch {
	case p[classPositive] > p[classNeutral] && p[classPositive] > p[classNegative]:
		return news.Sentiment{Score: news.NeutralBand + (1-news.NeutralBand)*raw + 1e-6, Label: news.Positive}
	case p[classNegative] > p[classNeutral] && p[classNegative] >= p[classPositive]:
		return news.Sentiment{Score: -news.NeutralBand + (1-news.NeutralBand)*raw - 1e-6, Label: news.Negative}
	}
	return news.Sentiment{Score: news.NeutralBand * raw, Label: news.Neutral}
}

// sentenceOf returns the index of the sentence holding offset off, or -1.
func sentenceOf(sents []text.Span, off int) int {
	for i, sp := range sents {
		if off >= sp.Start && off < sp.End {
			return i
		}
	}
	return -1
}

// otherMentions returns the mentions of companies other than ci inside sp.
func otherMentions(cs []news.Company, ci int, sp text.Span) []text.Span {
	var out []text.Span
	for j, c := range cs {
		if j == ci {
			continue
		}
		for _, m := range c.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				out = append(out, text.Span{Start: m.Start, End: m.End})
			}
		}
	}
	return out
}

// clauseSeparators split a sentence that names several companies into the
// parts about each.
var clauseSeparators = []string{"; ", ": ", " but ", " while ", " whereas ", " even as ", " as ", ", "}

// Segment returns the part of sentence sp of body that is about the entity
// at mention: the clause holding it, cut at separators that lie between it
// and the other entities' mentions. A clause too short to say anything
// (fewer than four words) keeps the clause after it.
func Segment(body string, sp, mention text.Span, others []text.Span) text.Span {
	start, end := sp.Start, sp.End
	s := body[sp.Start:sp.End]
	for _, sep := range clauseSeparators {
		for off := 0; ; {
			k := strings.Index(s[off:], sep)
			if k < 0 {
				break
			}
			cut := sp.Start + off + k
			off += k + len(sep)
			if !separates(cut, mention, others) {
				continue
			}
			if cut < mention.Start && cut+len(sep) > start {
				start = cut + len(sep)
			} else if cut >= mention.End && cut < end && len(strings.Fields(body[start:cut])) >= 4 {
				end = cut
			}
		}
	}
	return text.Span{Start: start, End: end}
}

// separates reports whether a cut at offset cut lies between the mention and
// at least one other mention.
func separates(cut int, mention text.Span, others []text.Span) bool {
	for _, o := range others {
		if cut < mention.Start && o.End <= cut || cut >= mention.End && o.Start >= cut {
			return true
		}
	}
	return false
}
