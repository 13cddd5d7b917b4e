package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPruneBoilerplate(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"scripts, comments and navigation go",
			`<nav><a href="/">Home</a></nav><script>x()</script><!-- c --><p>Text</p><footer>© Site</footer>`,
			`<html><head></head><body><p>Text</p></body></html>`},
		{"JSON-LD stays",
			`<script type="application/ld+json">{}</script><p>Text</p>`,
			`<html><head><script type="application/ld+json">{}</script></head><body><p>Text</p></body></html>`},
		{"a form holding the article stays, its buttons go",
			`<form><p>Text</p><button>Send</button></form>`,
			`<html><head></head><body><form><p>Text</p></form></body></html>`},
		{"lists and blocks of links go, a list with other text stays",
			`<div class="related"><a href="/1">One</a> <a href="/2">Two</a></div><ul><li><a href="/x">X</a></li></ul><p>Text</p><ul><li>Step <a href="/s">one</a></li></ul>`,
			`<html><head></head><body><p>Text</p><ul><li>Step <a href="/s">one</a></li></ul></body></html>`},
		{"a header without a paragraph goes, one with a paragraph stays",
			`<header><h1>Site</h1></header><article><header><p>Lead</p></header><p>Text</p></article>`,
			`<html><head></head><body><article><header><p>Lead</p></header><p>Text</p></article></body></html>`},
	}
	for _, tt := range tests {
		doc := parse(t, tt.page)
		before := render(t, doc)
		restore := pruneBoilerplate(doc)
		if got := render(t, doc); got != tt.want {
			t.Errorf("%s: pruned\n%s\nwant\n%s", tt.name, got, tt.want)
		}
		restore()
		if got := render(t, doc); got != before {
			t.Errorf("%s: restored\n%s\nwant\n%s", tt.name, got, before)
		}
	}
}

// TestDocumentLeavesTree checks that Document, which works on the caller's
// tree, finds what HTML finds and leaves the tree as it was, for a long
// article and for a short one (trafilatura then reads the whole page).
func TestDocumentLeavesTree(t *testing.T) {
	for _, name := range []string{"cp1252.html", "short-note.html"} {
		page, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		const url = "https://news.example/story"
		want, err := HTML(page, url)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		utf, err := ToUTF8(page, "")
		if err != nil {
			t.Fatal(err)
		}
		doc := parse(t, string(utf))
		before := render(t, doc)
		got, err := Document(doc, url)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: Document differs from HTML (-HTML +Document):\n%s", name, diff)
		}
		if after := render(t, doc); after != before {
			t.Errorf("%s: Document changed the tree", name)
		}
	}
}

func TestShortArticle(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "short-note.html"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := HTML(page, "https://news.example/port")
	if err != nil {
		t.Fatal(err)
	}
	want := "The port reopened on Tuesday morning after the storm had closed it for two days.\n\n" +
		"Pilots resumed work at six; the first container ship docked an hour later."
	if got.Text != want || got.Title != "Port reopens after storm" {
		t.Errorf("got title %q text\n%s\nwant\n%s", got.Title, got.Text, want)
	}
}
