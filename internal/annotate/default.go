package annotate

import (
	"github.com/tickerwire/tickerwire/internal/annotate/company"
	"github.com/tickerwire/tickerwire/internal/annotate/entities"
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

// Default builds the full annotation pipeline over the security master m
// (secmaster.Default() when nil): companies first, as later steps (events,
// sentiment) read what it found.
func Default(m *secmaster.Master) *Annotator {
	if m == nil {
		m = secmaster.Default()
	}
	return New(
		CompanyStep(company.New(m)),
		LanguageStep(),
		EntitiesStep(entities.MustNew()),
		FactsStep(),
	)
}

// CompanyStep runs a company tagger as a pipeline step: it fills
// Ann.Companies and Ann.Organizations.
func CompanyStep(t *company.Tagger) Step { return companyStep{t} }

type companyStep struct{ t *company.Tagger }

func (s companyStep) Name() string { return "company" }

func (s companyStep) Annotate(d *Document) {
	d.Ann.Companies, d.Ann.Organizations = s.t.Find(d.Body, d.TitleEnd)
}
