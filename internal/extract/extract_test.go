package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestHTMLFixtures(t *testing.T) {
	published := time.Date(2024, 3, 5, 9, 30, 0, 0, time.FixedZone("", 3600))
	for _, name := range []string{"cp1252.html", "utf8-mislabelled.html", "utf8.html.gz"} {
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := HTML(page, "https://zeitung.example/wirtschaft/mueller-werke-chef?fbclid=x")
			if err != nil {
				t.Fatal(err)
			}
			want := Result{
				Title:        "Müller Werke beruft neuen Vorstandschef",
				Author:       "Jürgen Weiß",
				Language:     "de",
				CanonicalURL: "https://zeitung.example/wirtschaft/mueller-werke-chef",
			}
			if diff := cmp.Diff(want, got, cmpIgnoreBody); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
			if got.Published.Format("2006-01-02") != published.Format("2006-01-02") {
				t.Errorf("published = %v, want the day of %v", got.Published, published)
			}
			for _, s := range []string{"Aufsichtsrat der Müller Werke AG", "Süddeutschland"} {
				if !strings.Contains(got.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, got.Text)
				}
			}
			for _, s := range []string{"Alle Rechte vorbehalten", "Sport"} {
				if strings.Contains(got.Text, s) {
					t.Errorf("text keeps boilerplate %q:\n%s", s, got.Text)
				}
			}
			if strings.Count(got.Text, "\n\n") < 2 {
				t.Errorf("text has no paragraph breaks:\n%s", got.Text)
			}
		})
	}
}

var cmpIgnoreBody = cmp.FilterPath(func(p cmp.Path) bool {
	f := p.Last().String()
	return f == ".Text" || f == ".Published"
}, cmp.Ignore())

func TestHTMLBadInput(t *testing.T) {
	for name, page := range map[string][]byte{
		"empty":       nil,
		"broken gzip": {0x1f, 0x8b, 0x08, 0x00, 0x01},
		"no content":  []byte("<html><body></body></html>"),
	} {
		if _, err := HTML(page, ""); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name, contentType string
		in                []byte
		want              string
	}{
		{"valid utf-8 wins over a declaration", "", []byte(`<meta charset="iso-8859-1">Grüße`), `<meta charset="iso-8859-1">Grüße`},
		{"meta declaration", "", []byte("<meta charset=\"windows-1252\">Gr\xfc\xdfe \x80"), "<meta charset=\"windows-1252\">Grüße €"},
		{"declared utf-8 that is not", "", []byte("<meta charset=\"utf-8\">Gr\xfc\xdfe"), "<meta charset=\"utf-8\">Grüße"},
		{"content type", "text/html; charset=ISO-8859-15", []byte("caf\xe9 \xa4"), "café €"},
		{"utf-8 byte-order mark", "", []byte("\xef\xbb\xbfabc"), "abc"},
		{"utf-16 byte-order mark", "", []byte("\xff\xfea\x00b\x00"), "ab"},
		{"shift_jis", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`), 0x93, 0xfa, 0x96, 0x7b), `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">日本`},
	}
	for _, tt := range tests {
		got, err := ToUTF8(tt.in, tt.contentType)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Headline about markets today | Example News", "Example News", "", "Headline about markets today"},
		{"Example News - Headline about markets today", "", "www.examplenews.com", "Headline about markets today"},
		{"Stocks rally as inflation cools - Reuters", "", "www.reuters.com", "Stocks rally as inflation cools"},
		{"Stocks rally as inflation cools – Markets", "", "", "Stocks rally as inflation cools"},
		{"Q3 results: revenue up 10%", "", "", "Q3 results: revenue up 10%"},
		{"Apple - Samsung patent fight goes on", "", "", "Apple - Samsung patent fight goes on"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("stripSiteName(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestCleanAuthor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"ByJane Doe Thursday, November 9, 2023 4:41AM", "Jane Doe"},
		{"Von Max Mustermann am 3. Mai 2022", "Max Mustermann"},
		{"Autor: Erika Musterfrau | 12.03.2021", "Erika Musterfrau"},
		{"Posted by jdoe", "jdoe"},
		{"https://example.com/authors/jane", ""},
		{"Author", ""},
		{"Redaktion", "Redaktion"},
		{"Gabi sagt", ""},
		{"Jos&eacute; Garc&iacute;a", "José García"},
		{"Jane Doe, dpa", "Jane Doe"},
		{"Tennis Club 4. 2. 2022.", "Tennis Club"},
		{"Max Muster Alle Artikel", "Max Muster"},
		{"RedaktionPubliziert", "Redaktion"},
		{"责任编辑：孔德明", "孔德明"},
		{"Gespeichert von rasos am 24. Juli 2017", "rasos"},
	}
	for _, tt := range tests {
		if got := cleanAuthor(tt.in); got != tt.want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLDAuthorNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}`, []string{"Jane Doe"}},
		{`{"@graph":[{"@type":"Article","author":[{"name":"A B"},{"name":"C D"}]}]}`, []string{"A B; C D"}},
		{`{"author":"Max"}`, []string{"Max"}},
		{`{"@graph":[{"@type":"Article","author":{"@id":"https://x.example/#/p/1"}},{"@type":"Person","@id":"https://x.example/#/p/1","name":"Jane Doe"}]}`, []string{"Jane Doe"}},
		{`{"@type":"NewsArticle","image":{"@type":"ImageObject","author":"Photo Agency"},"author":{"@type":"Person","name":"Jane Doe"}}`, []string{"Jane Doe"}},
		{`{"@graph":[{"@type":"ImageObject","creator":{"name":"Photo Agency"}},{"@type":"Article","author":{"@type":"Person"}}]}`, nil},
		{`not json`, nil},
	}
	for _, tt := range tests {
		m := &pageMeta{}
		m.addJSONLD(tt.in)
		if diff := cmp.Diff(tt.want, m.ldAuthors); diff != "" {
			t.Errorf("ldAuthorNames(%s) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParagraphs(t *testing.T) {
	doc := parse(t, `<div><p>One <b>two</b>
	three</p><ul><li>four</li><li>five</li></ul>six<br>seven<script>x()</script></div>`)
	want := []string{"One two three", "four", "five", "six", "seven"}
	if diff := cmp.Diff(want, paragraphs(doc)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
}

func TestCombine(t *testing.T) {
	tf := []string{"Menu Home News", "First paragraph of the story.", "Second paragraph of the story.", "Related: other stories"}
	rd := []string{"First paragraph of the story.", "Second paragraph of the story."}
	if diff := cmp.Diff(rd, combine(tf, rd)); diff != "" {
		t.Errorf("combine (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tf, combine(tf, []string{"x"})); diff != "" {
		t.Errorf("combine with a failed readability (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(rd, combine(nil, rd)); diff != "" {
		t.Errorf("combine with a failed trafilatura (-want +got):\n%s", diff)
	}
}

func TestArticle(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "cp1252.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Article(page, "https://zeitung.example/a?utm_medium=x")
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://zeitung.example/a?utm_medium=x" || a.CanonicalURL != "https://zeitung.example/wirtschaft/mueller-werke-chef" ||
		a.Title != "Müller Werke beruft neuen Vorstandschef" || a.Language != "de" || a.Published.IsZero() || a.Text == "" {
		t.Errorf("Article = %+v", a)
	}
}

// FuzzHTML checks that no page makes HTML panic and that what it returns is
// valid UTF-8.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"cp1252.html", "utf8-mislabelled.html"} {
		page, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(page)
	}
	f.Add([]byte("<html><title>a | b</title><h1>a</h1><p>By X</p>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		r, err := HTML(page, "https://example.com/x")
		if err != nil {
			return
		}
		for _, s := range []string{r.Title, r.Text, r.Author} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
	})
}

func TestChooseTitle(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"heading without kicker", `<title>Acme posts record profit | Wire</title><h1><span class="kicker">Earnings</span> <span>Acme posts record profit</span></h1>`, "Acme posts record profit"},
		{"heading as written", `<title>ACME POSTS RECORD PROFIT - Wire News</title><h1>Acme posts record profit</h1>`, "Acme posts record profit"},
		{"logo heading ignored", `<title>Acme posts record profit in third quarter – Example Wire</title><h1>Example Wire</h1>`, "Acme posts record profit in third quarter"},
		{"og:title", `<meta property="og:title" content="Rates held steady"><meta property="og:site_name" content="Wire"><title>Wire: home</title>`, "Rates held steady"},
	}
	for _, tt := range tests {
		m := collectMeta(parse(t, tt.page), "wire.example")
		if got := chooseTitle(m, ""); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestChooseAuthor(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"json-ld first", `<script type="application/ld+json">{"author":{"name":"Jane Doe"}}</script><meta name="author" content="Other">`, "Jane Doe"},
		{"publisher named as author skipped", `<meta name="author" content="Wire Example"><meta property="og:site_name" content="Wire Example"><span class="byline">By John Roe</span>`, "John Roe"},
		{"comment authors ignored", `<div class="comment-author">Troll</div><p>Von: Erika Muster</p>`, "Erika Muster"},
		{"text byline", `<article><span>Posted by Konstantin</span><p>Body text.</p></article>`, "Konstantin"},
		{"lead-in in its own element", `<article><h5>Autor:</h5>Erika Muster<p>Body text.</p></article>`, "Erika Muster"},
		{"byline split over inline elements", `<article><address>By <a href="/a/jr">John Roe</a></address><p>Body text.</p></article>`, "John Roe"},
		{"lower-case user name after an explicit lead-in", `<div class="submitted">Gespeichert von <span>kmuster</span> am 24. Juli 2017</div>`, "kmuster"},
		{"a heading starting with Von is no byline", `<h3>Von Berlin nach Rom</h3><p>Body text.</p>`, ""},
		{"particle kept", `<span class="author">Jean Le Clerc</span>`, "Jean Le Clerc"},
		{"author field among others", `<div class="author-box">Datum: 19.11.2021 Autor: Erika Muster Quelle: Wire</div>`, "Erika Muster"},
		{"handle and obfuscated e-mail skipped", `<meta name="author" content="@wirenews"><meta name="dc.creator" content="jr[at]wire.example"><a rel="author" href="/u/jr">jroe</a>`, "jroe"},
		{"site part of a declared author dropped", `<meta name="author" content="Wire - Jane Doe">`, "Jane Doe"},
		{"none", `<p>No byline here.</p>`, ""},
	}
	for _, tt := range tests {
		doc := parse(t, tt.page)
		m := collectMeta(doc, "www.wire.example")
		m.lineBylines = lineBylines(doc)
		if got := chooseAuthor(m, ""); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestTidy(t *testing.T) {
	got := tidy([]string{"Acme buys Widget", "Acme agreed to buy Widget.", "Acme buys Widget Co"}, "Acme buys Widget")
	if diff := cmp.Diff([]string{"Acme agreed to buy Widget.", "Acme buys Widget Co"}, got); diff != "" {
		t.Errorf("tidy (-want +got):\n%s", diff)
	}
}

func TestFoldSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a  b ", "\ta\nb\r\n", "a\u00a0b", "\u2003x\u3000y ", "ä  ö", "a \xff b", "\xffa  ", "one two  three",
	} {
		if got, want := foldSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
