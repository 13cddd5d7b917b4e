package extract

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func TestShortenPlain(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end." // 304 bytes
	stub := strings.TrimSpace(strings.Repeat("word ", 12))
	tests := []struct {
		name, body, want string
		whole            map[string]string
	}{
		{"a long plain paragraph is cut to its first words",
			`<div><p>` + long + `</p></div>`,
			`<div><p>` + stub + `</p></div>`,
			map[string]string{stub: long}},
		{"inline elements are plain",
			`<p><em>` + long + `</em></p>`,
			`<p>` + stub + `</p>`,
			map[string]string{stub: long}},
		{"a short paragraph stays",
			`<p>Short text.</p>`, `<p>Short text.</p>`, nil},
		{"a paragraph with a few links is cut, their text kept",
			`<p><a href="/w">word</a> ` + long[5:] + `</p>`,
			`<p>` + stub + `</p>`,
			map[string]string{stub: long}},
		{"a paragraph of links stays",
			`<p>` + long + `<a href="/x">` + long + `</a></p>`, `<p>` + long + `<a href="/x">` + long + `</a></p>`, nil},
		{"a paragraph with a class, or holding one, stays",
			`<p class="caption">` + long + `</p><p><span class="credit">` + long + `</span></p>`,
			`<p class="caption">` + long + `</p><p><span class="credit">` + long + `</span></p>`, nil},
		{"a paragraph of lines stays",
			`<p>` + long + `<br>` + long + `</p>`, `<p>` + long + `<br/>` + long + `</p>`, nil},
	}
	for _, tt := range tests {
		doc := parse(t, tt.body)
		whole, cut := shortenPlain(doc, 0)
		if diff := cmp.Diff(tt.whole, whole); diff != "" {
			t.Errorf("%s: whole texts (-want +got):\n%s", tt.name, diff)
		}
		if want := len(long) - len(stub); tt.whole != nil && cut != want {
			t.Errorf("%s: cut %d characters, want %d", tt.name, cut, want)
		}
		want := `<html><head></head><body>` + tt.want + `</body></html>`
		if got := render(t, doc); got != want {
			t.Errorf("%s: shortened\n%s\nwant\n%s", tt.name, got, want)
		}
	}
}

// TestShortenPlainLeavesText checks that shortenPlain stops before less
// than minLeft characters of paragraph text would stay.
func TestShortenPlainLeavesText(t *testing.T) {
	var body string
	for _, w := range []string{"one", "two", "six"} {
		body += "<p>" + w + strings.Repeat(" word", 59) + " end.</p>"
	}
	full := len("one" + strings.Repeat(" word", 59) + " end.")
	stub := len(prefixWords("one"+strings.Repeat(" word", 59), plainStub))
	for _, tt := range []struct{ minLeft, cuts int }{
		{0, 3}, {3 * full, 0}, {2*full + stub, 1}, {full + 2*stub, 2}, {full + 2*stub + 1, 1},
	} {
		if whole, _ := shortenPlain(parse(t, body), tt.minLeft); len(whole) != tt.cuts {
			t.Errorf("minLeft %d: %d paragraphs cut, want %d", tt.minLeft, len(whole), tt.cuts)
		}
	}
}

func TestRestorePlain(t *testing.T) {
	whole := map[string]string{"First words": "First words of a long paragraph."}
	got := restorePlain([]string{"Heading", "First words", "Other"}, whole)
	want := []string{"Heading", "First words of a long paragraph.", "Other"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("restorePlain (-want +got):\n%s", diff)
	}
}

func TestPrefixWords(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"one two three", 9, "one two"},
		{"one two three", 7, "one two"},
		{"one two three", 6, "one"},
		{"unbroken text", 3, "unbroken"},
		{"unbroken", 3, "unbroken"},
		{"два три четыре", 7, "два три"},
		{"два три четыре", 6, "два"},
	}
	for _, tt := range tests {
		if got := prefixWords(tt.s, tt.max); got != tt.want {
			t.Errorf("prefixWords(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}

// TestShortenedTrafilaturaKeepsArticle checks on the development pages
// that shortening the plain paragraphs for trafilatura changes nothing in
// what it finds, over readability's choice (the article text kept of that
// choice) and over the whole page.
func TestShortenedTrafilaturaKeepsArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("runs trafilatura four times over each development page")
	}
	opts := trafilaturaOptions(nil, htmldate.Result{})
	parsePage := func(page []byte) *html.Node {
		utf, err := ToUTF8(page, "")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(utf))
		if err != nil {
			t.Fatal(err)
		}
		pruneBoilerplate(doc)
		return doc
	}
	pick := func(page []byte) *html.Node {
		parser := newReadability()
		art, err := parser.ParseAndMutate(parsePage(page), nil)
		if err != nil || art.Node == nil || textLen(paragraphs(art.Node)) < minReadabilityText {
			return nil
		}
		return asDocument(art.Node)
	}
	type found struct {
		Text        []string
		Title, Lang string
		OK          bool
	}
	run := func(doc *html.Node, shorten bool, rd []string) found {
		tf, title, lang, ok := runTrafilatura(doc, opts, shorten)
		if rd != nil {
			tf = combine(tf, rd)
		}
		return found{tf, title, lang, ok}
	}
	shortened := 0
	for i, page := range devPages(t) {
		if doc := pick(page); doc != nil {
			rd := paragraphs(doc)
			if w, _ := shortenPlain(pick(page), 3*trafilatura.DefaultConfig().MinExtractedSize); len(w) > 0 {
				shortened++
			}
			if diff := cmp.Diff(run(doc, false, rd), run(pick(page), true, rd)); diff != "" {
				t.Errorf("page %d, readability's choice (-whole +shortened):\n%s", i, diff)
			}
		}
		if diff := cmp.Diff(run(parsePage(page), false, nil), run(parsePage(page), true, nil)); diff != "" {
			t.Errorf("page %d, whole page (-whole +shortened):\n%s", i, diff)
		}
	}
	if shortened == 0 {
		t.Error("no page had a paragraph to shorten")
	}
}
