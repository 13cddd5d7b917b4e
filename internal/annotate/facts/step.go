package facts

import "github.com/tickerwire/tickerwire/internal/annotate"

// Step is the annotate step that fills Ann.Facts. It is stateless and safe
// for concurrent use.
type Step struct{}

// New returns the facts step.
func New() Step { return Step{} }

// Name names the step.
func (Step) Name() string { return "facts" }

// Annotate adds the facts of d.Body to d.Ann.Facts.
func (Step) Annotate(d *annotate.Document) { d.Ann.Facts = append(d.Ann.Facts, Find(d.Body)...) }
