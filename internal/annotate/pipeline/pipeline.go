// Package pipeline assembles the full annotate pipeline from the step
// packages. It lives apart from package annotate because every step package
// imports annotate for Document and Step.
package pipeline

import (
	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/entities"
	"github.com/tickerwire/tickerwire/internal/annotate/facts"
	"github.com/tickerwire/tickerwire/internal/annotate/language"
)

// Default returns the annotator with every step in order: the steps given
// first (company tagging, which fills Companies and Organizations), then
// language, people and places, and facts.
func Default(first ...annotate.Step) *annotate.Annotator {
	steps := append([]annotate.Step{}, first...)
	steps = append(steps, language.New(), entities.MustNew(), facts.New())
	return annotate.New(steps...)
}
