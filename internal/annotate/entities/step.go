package entities

import "github.com/tickerwire/tickerwire/internal/annotate"

// Name names the annotate step.
func (*Finder) Name() string { return "entities" }

// Annotate adds the people and places of d to d.Ann. As a step it runs
// after the company step, whose companies and organisations are never
// people or places, and after the language step.
func (f *Finder) Annotate(d *annotate.Document) {
	people, places := f.Find(Input{
		Body:          d.Body,
		Language:      d.Ann.Language,
		Companies:     d.Ann.Companies,
		Organizations: d.Ann.Organizations,
	})
	d.Ann.People = append(d.Ann.People, people...)
	d.Ann.Places = append(d.Ann.Places, places...)
}
