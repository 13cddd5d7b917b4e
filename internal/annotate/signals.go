package annotate

import (
	"github.com/tickerwire/tickerwire/internal/annotate/entities"
	"github.com/tickerwire/tickerwire/internal/annotate/facts"
	"github.com/tickerwire/tickerwire/internal/annotate/language"
)

// LanguageStep sets Ann.Language (ISO 639-1, empty when the text shows none).
func LanguageStep() Step { return languageStep{} }

type languageStep struct{}

func (languageStep) Name() string { return "language" }

func (languageStep) Annotate(d *Document) { d.Ann.Language = language.Detect(d.Body) }

// EntitiesStep fills Ann.People and Ann.Places. It runs after the company
// step, whose companies and organisations are never people or places, and
// after LanguageStep.
func EntitiesStep(f *entities.Finder) Step { return entitiesStep{f} }

type entitiesStep struct{ f *entities.Finder }

func (entitiesStep) Name() string { return "entities" }

func (s entitiesStep) Annotate(d *Document) {
	people, places := s.f.Find(entities.Input{
		Body:          d.Body,
		Language:      d.Ann.Language,
		Companies:     d.Ann.Companies,
		Organizations: d.Ann.Organizations,
	})
	d.Ann.People = append(d.Ann.People, people...)
	d.Ann.Places = append(d.Ann.Places, places...)
}

// FactsStep fills Ann.Facts: money, percentages and counts.
func FactsStep() Step { return factsStep{} }

type factsStep struct{}

func (factsStep) Name() string { return "facts" }

func (factsStep) Annotate(d *Document) { d.Ann.Facts = append(d.Ann.Facts, facts.Find(d.Body)...) }
