package language

import "github.com/tickerwire/tickerwire/internal/annotate"

// Step is the annotate step that sets Ann.Language. It is stateless and
// safe for concurrent use.
type Step struct{}

// New returns the language step.
func New() Step { return Step{} }

// Name names the step.
func (Step) Name() string { return "language" }

// Annotate sets d.Ann.Language, empty when the text shows no language.
func (Step) Annotate(d *annotate.Document) { d.Ann.Language = Detect(d.Body) }
