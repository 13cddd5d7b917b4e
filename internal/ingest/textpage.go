package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextPage is a plain-text news page as a site shows it: an optional
// headline, the article's paragraphs, and under them a block of other
// headlines, one short line each.
type TextPage struct {
	Title      string
	Paragraphs []string
	Headlines  []string
}

// Text is the article body: its paragraphs separated by blank lines.
func (p TextPage) Text() string { return strings.Join(p.Paragraphs, "\n\n") }

// maxHeadlineBytes is the longest line taken for a headline.
const maxHeadlineBytes = 200

// ParseTextPage splits a plain-text page into its title, paragraphs and
// trailing headline list. Every non-blank line is a paragraph, except:
//   - a first line that reads as a headline (short, no final full stop)
//     followed by at least one paragraph is the title;
//   - the trailing run of headline-like lines is the headline list, when it
//     has at least two lines or is set off from the article by a blank line.
func ParseTextPage(content string) TextPage {
	content = strings.TrimPrefix(content, "\ufeff")
	content = strings.ReplaceAll(content, "\r\n", "\n")
	type line struct {
		text       string
		blankAbove bool
	}
	var lines []line
	blank := false
	for _, raw := range strings.Split(content, "\n") {
		t := strings.TrimSpace(raw)
		if t == "" {
			blank = true
			continue
		}
		lines = append(lines, line{text: t, blankAbove: blank})
		blank = false
	}

	// The trailing headline block.
	start := len(lines)
	for start > 0 && isHeadlineLike(lines[start-1].text) {
		start--
	}
	var page TextPage
	if n := len(lines) - start; n > 0 && start > 0 && (n >= 2 || lines[start].blankAbove) {
		for _, l := range lines[start:] {
			page.Headlines = append(page.Headlines, l.text)
		}
		lines = lines[:start]
	}

	if len(lines) >= 2 && isHeadlineLike(lines[0].text) && !isHeadlineLike(lines[1].text) {
		page.Title = lines[0].text
		lines = lines[1:]
	}
	for _, l := range lines {
		page.Paragraphs = append(page.Paragraphs, l.text)
	}
	return page
}

// isHeadlineLike reports whether a line reads as a headline: short, starting
// with a capital letter or digit, not ending like a sentence.
func isHeadlineLike(s string) bool {
	if len(s) > maxHeadlineBytes || len(strings.Fields(s)) < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '$' && first != '‘' && first != '"' && first != '\'' {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', ',', ';', ':', '…':
		return strings.HasSuffix(s, "Inc.") || strings.HasSuffix(s, "Co.") || strings.HasSuffix(s, "Corp.") || strings.HasSuffix(s, "Ltd.")
	}
	return true
}
