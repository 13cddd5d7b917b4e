package story

import "github.com/tickerwire/tickerwire/internal/news"

// DocOf is the article as the clusterer sees it: its UUID, title, text,
// time (published, else discovered), the primary listing of each company and
// the event types of its annotation.
func DocOf(a *news.Article) Doc {
	d := Doc{ID: a.UUID, Title: a.Title, Text: a.Text, Published: a.When()}
	d.Companies, d.Events = Features(a.Annotation)
	return d
}

// Features are the annotations the clusterer uses: the primary listing key
// of each company and the event types.
func Features(ann news.Annotation) (companies, events []string) {
	for _, c := range ann.Companies {
		if l := c.PrimaryListing(); l.Symbol != "" {
			companies = append(companies, l.Key())
		}
	}
	for _, e := range ann.Events {
		events = append(events, e.Type)
	}
	return companies, events
}
