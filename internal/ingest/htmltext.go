package ingest

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// blockTags end a paragraph when converting HTML to text.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "tr": true, "blockquote": true, "section": true, "article": true,
}

// HTMLToText turns a feed's HTML fragment into plain text: tags dropped
// (scripts and styles with their content), entities decoded, block elements
// as line breaks, runs of spaces folded. Plain text passes through with its
// entities decoded.
func HTMLToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(html.UnescapeString(s))
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return foldSpaces(b.String())
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style":
				skip++
			case blockTags[tag]:
				b.WriteByte('\n')
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case (tag == "script" || tag == "style") && skip > 0:
				skip--
			case blockTags[tag]:
				b.WriteByte('\n')
			}
		}
	}
}

// foldSpaces trims each line, folds runs of spaces, and drops empty lines.
func foldSpaces(s string) string {
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}
