// Package annotate turns an article's text into data: the companies it is
// about, the organisations, people and places it names, what happened
// (events), the numbers it states (facts) and how it reads (sentiment).
//
// Each annotator is a Step that reads a Document and adds to its Annotation;
// an Annotator runs the steps in order, so later steps (events, sentiment)
// can use what earlier ones (companies) found. Everything here is pure: no
// database, no network, no global mutable state.
package annotate

import (
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Document is one article being annotated.
type Document struct {
	Title     string
	Text      string
	Body      string    // news.Body(Title, Text); every offset points into it
	TitleEnd  int       // byte offset where the title ends in Body (0 when there is no title)
	Published time.Time // zero when unknown
	Source    string
	Ann       news.Annotation
}

// NewDocument prepares a document for annotation.
func NewDocument(title, text string) *Document {
	d := &Document{Title: title, Text: text, Body: news.Body(title, text)}
	if title != "" {
		d.TitleEnd = len(title)
	}
	return d
}

// Step is one annotator.
type Step interface {
	// Name names the step in logs and benchmarks.
	Name() string
	// Annotate adds what the step finds to d.Ann.
	Annotate(d *Document)
}

// Annotator runs a fixed sequence of steps. It is safe for concurrent use
// when its steps are.
type Annotator struct {
	steps []Step
}

// New returns an Annotator that runs steps in order.
func New(steps ...Step) *Annotator {
	return &Annotator{steps: steps}
}

// Annotate runs every step over d and returns its annotation, with empty
// lists rather than nil ones so that JSON shows [] instead of null.
func (a *Annotator) Annotate(d *Document) news.Annotation {
	for _, s := range a.steps {
		s.Annotate(d)
	}
	ann := d.Ann
	if ann.Companies == nil {
		ann.Companies = []news.Company{}
	}
	if ann.Organizations == nil {
		ann.Organizations = []news.Organization{}
	}
	if ann.People == nil {
		ann.People = []news.Person{}
	}
	if ann.Places == nil {
		ann.Places = []news.Place{}
	}
	if ann.Events == nil {
		ann.Events = []news.Event{}
	}
	if ann.Facts == nil {
		ann.Facts = []news.Fact{}
	}
	if ann.Sentiment.Label == "" {
		ann.Sentiment = news.SentimentOf(0)
	}
	return ann
}
