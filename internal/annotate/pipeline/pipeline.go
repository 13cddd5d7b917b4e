// Package pipeline assembles the full annotate pipeline from the step
// packages. It lives apart from package annotate because the step packages
// import annotate for Document and Step.
package pipeline

import (
	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/company"
	"github.com/tickerwire/tickerwire/internal/annotate/entities"
	"github.com/tickerwire/tickerwire/internal/annotate/events"
	"github.com/tickerwire/tickerwire/internal/annotate/facts"
	"github.com/tickerwire/tickerwire/internal/annotate/language"
	"github.com/tickerwire/tickerwire/internal/annotate/sentiment"
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

// New returns the full annotator over the security master m (the embedded
// default when nil). Company tagging runs first, as later steps (people's
// companies, events, sentiment) read what it found; then language, people
// and places, facts, sentiment (of the article and of each company) and
// events.
func New(m *secmaster.Master) *annotate.Annotator {
	if m == nil {
		m = secmaster.Default()
	}
	return annotate.New(
		companyStep{company.New(m)},
		language.New(),
		entities.MustNew(),
		facts.New(),
		sentimentStep,
		eventStep,
	)
}

// The model steps are shared: their models are embedded, immutable and safe
// for concurrent use. A model that does not load is a broken build, caught
// by this package's tests.
var (
	eventStep     = must(events.NewDefault())
	sentimentStep = must(sentiment.NewDefault())
)

func must[S annotate.Step](s S, err error) S {
	if err != nil {
		panic("embedded model: " + err.Error())
	}
	return s
}

// companyStep runs the company tagger as a pipeline step: it fills
// Ann.Companies and Ann.Organizations.
type companyStep struct{ t *company.Tagger }

func (s companyStep) Name() string { return "company" }

func (s companyStep) Annotate(d *annotate.Document) {
	d.Ann.Companies, d.Ann.Organizations = s.t.FindPublished(d.Body, d.TitleEnd, d.Published)
}
