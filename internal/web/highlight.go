package web

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/news"
)

// segment is a run of an article's text: plain, or a company mention
// linked to the company's page.
type segment struct {
	Text    string
	Company string       // the company's name, for a mention
	Listing news.Listing // its primary listing, for a mention
	Tone    string
}

// mark is a company mention to highlight.
type mark struct {
	start, end int
	company    news.Company
}

// marks returns the company mentions of ann that can be highlighted in
// body: inside it, on character boundaries, not overlapping an earlier one,
// ordered by position.
func marks(body string, ann news.Annotation) []mark {
	var all []mark
	for _, c := range ann.Companies {
		if c.PrimaryListing().Symbol == "" {
			continue
		}
		for _, m := range c.Mentions {
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End ||
				!utf8.RuneStart(body[m.Start]) || (m.End < len(body) && !utf8.RuneStart(body[m.End])) {
				continue
			}
			all = append(all, mark{m.Start, m.End, c})
		}
	}
	slices.SortStableFunc(all, func(a, b mark) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
	var out []mark
	for _, m := range all {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}

// paragraphs cuts body[from:to] into paragraphs at line breaks, each a list
// of segments with the marks inside the range highlighted. Blank
// paragraphs are dropped.
func paragraphs(body string, ms []mark, from, to int) [][]segment {
	var out [][]segment
	var cur []segment
	flush := func() {
		for _, s := range cur {
			if strings.TrimSpace(s.Text) != "" {
				out = append(out, cur)
				break
			}
		}
		cur = nil
	}
	plain := func(text string) {
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				flush()
			}
			if line != "" {
				cur = append(cur, segment{Text: line})
			}
		}
	}
	pos := from
	for _, m := range ms {
		if m.start < from || m.end > to {
			continue
		}
		plain(body[pos:m.start])
		cur = append(cur, segment{Text: body[m.start:m.end], Company: m.company.Name,
			Listing: m.company.PrimaryListing(), Tone: tone(m.company.Sentiment)})
		pos = m.end
	}
	plain(body[pos:to])
	flush()
	return out
}

// highlighted is an article's title and text with company mentions marked.
type highlighted struct {
	Title []segment
	Text  [][]segment
}

// highlight marks the company mentions of a, whose offsets point into
// news.Body(a.Title, a.Text).
func highlight(a *news.Article) highlighted {
	body := news.Body(a.Title, a.Text)
	ms := marks(body, a.Annotation)
	var h highlighted
	textFrom := 0
	if a.Title != "" {
		for _, p := range paragraphs(body, ms, 0, len(a.Title)) {
			h.Title = append(h.Title, p...)
		}
		textFrom = min(len(a.Title)+2, len(body))
	}
	if a.Text != "" {
		h.Text = paragraphs(body, ms, textFrom, len(body))
	}
	return h
}
