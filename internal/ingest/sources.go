package ingest

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Source kinds.
const (
	SourceFeed = "feed" // RSS, Atom or JSON Feed
	SourcePage = "page" // a web page
)

// DefaultInterval is how often a source is polled unless it says otherwise.
const DefaultInterval = 15 * time.Minute

//go:embed default-sources.txt
var defaultSources []byte

// DefaultSources is the curated list of public financial news feeds that
// `serve --sources default` starts with.
func DefaultSources() []news.Source {
	srcs, _ := ParseSourceList(defaultSources)
	return srcs
}

// ParseSourceList reads an OPML document or a list of URLs, one a line
// (blank lines and lines starting with # are skipped; a line may add a name
// after the URL). URLs must be http or https.
func ParseSourceList(raw []byte) ([]news.Source, error) {
	if t := bytes.TrimSpace(raw); bytes.HasPrefix(t, []byte("<")) {
		return parseOPML(t)
	}
	var out []news.Source
	var bad []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		s, err := newSource(fields[0], strings.Join(fields[1:], " "), "")
		if err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", n, err))
			continue
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return out, err
	}
	if len(bad) > 0 {
		return out, fmt.Errorf("%d bad line(s), first: %s", len(bad), bad[0])
	}
	return out, nil
}

func newSource(rawURL, name, kind string) (news.Source, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return news.Source{}, fmt.Errorf("%q is not an http(s) URL", rawURL)
	}
	if kind == "" {
		kind = SourceFeed
	}
	if name == "" {
		name = u.Host
	}
	return news.Source{Kind: kind, URL: u.String(), Name: name, Interval: DefaultInterval}, nil
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Children []opmlOutline `xml:"outline"`
}

func parseOPML(raw []byte) ([]news.Source, error) {
	var doc opmlDoc
	if err := xml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("invalid OPML: %w", err)
	}
	var out []news.Source
	var bad []string
	var walk func([]opmlOutline)
	walk = func(outlines []opmlOutline) {
		for _, o := range outlines {
			if o.XMLURL != "" {
				name := o.Title
				if name == "" {
					name = o.Text
				}
				s, err := newSource(o.XMLURL, name, SourceFeed)
				if err != nil {
					bad = append(bad, err.Error())
				} else {
					out = append(out, s)
				}
			}
			walk(o.Children)
		}
	}
	walk(doc.Body)
	if len(bad) > 0 {
		return out, fmt.Errorf("%d bad outline(s), first: %s", len(bad), bad[0])
	}
	return out, nil
}

// ExportOPML writes the feed sources as an OPML 2.0 document.
func ExportOPML(sources []news.Source) ([]byte, error) {
	doc := opmlDoc{Version: "2.0", Title: "tickerwire sources"}
	for _, s := range sources {
		doc.Body = append(doc.Body, opmlOutline{Text: s.Name, Title: s.Name, Type: "rss", XMLURL: s.URL})
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}
