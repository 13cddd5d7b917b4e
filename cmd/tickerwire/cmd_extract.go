package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/tickerwire/tickerwire/internal/extract"
	"github.com/tickerwire/tickerwire/internal/jsonl"
)

func init() {
	register(&command{
		Name:    "extract",
		Summary: "extract title, text, author, date, language and canonical URL from web pages",
		Help: `Usage: tickerwire extract [flags] [FILE]
       tickerwire extract --html PAGE.html [--url URL]

Reads JSON Lines {"id", "url"?, "html"} or {"id", "url"?, "path"} from FILE or
standard input; "path" names a file of raw page bytes in any charset
(gunzipped when it ends in .gz). Writes one line per input line, in input
order: {"id", "title", "text", "author", "published", "language",
"canonical_url"}, published as RFC 3339 or null when the page gives no date.
A bad line gets {"id", "error"} and the run goes on.

With --html it extracts one page and writes one object.`,
		Run: runExtract,
	})
}

type extractInput struct {
	URL  string  `json:"url"`
	HTML *string `json:"html"`
	Path string  `json:"path"`
}

type extractOutput struct {
	Title        string  `json:"title"`
	Text         string  `json:"text"`
	Author       string  `json:"author"`
	Published    *string `json:"published"`
	Language     string  `json:"language"`
	CanonicalURL string  `json:"canonical_url"`
}

func runExtract(env *Env, args []string) error {
	fs := env.FlagSet("extract")
	page := fs.String("html", "", "extract this one HTML file (raw bytes, any charset, .gz allowed)")
	pageURL := fs.String("url", "", "with --html: the address the page was fetched from")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages extracted in parallel")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	if *page != "" {
		if fs.NArg() > 0 {
			return errors.New("--html takes no FILE argument")
		}
		out, err := extractFile(*page, *pageURL)
		if err != nil {
			return err
		}
		return json.NewEncoder(env.Stdout).Encode(out)
	}
	in, closeIn, err := env.Input(fs.Args())
	if err != nil {
		return err
	}
	defer closeIn()
	stats, err := jsonl.Process(in, env.Stdout, *workers, func(line []byte) (any, error) {
		var x extractInput
		if err := json.Unmarshal(line, &x); err != nil {
			return nil, fmt.Errorf("bad input: %v", err)
		}
		switch {
		case x.HTML != nil && x.Path != "":
			return nil, errors.New(`bad input: give "html" or "path", not both`)
		case x.HTML != nil:
			return extractPage([]byte(*x.HTML), x.URL)
		case x.Path != "":
			return extractFile(x.Path, x.URL)
		}
		return nil, errors.New(`bad input: no "html" and no "path"`)
	})
	env.Log.Debug("extracted", "lines", stats.Lines, "errors", stats.Errors)
	return err
}

// maxPageFile is the largest page file extract reads.
const maxPageFile = 64 << 20

func extractFile(path, pageURL string) (extractOutput, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return extractOutput{}, err
	}
	if fi.Size() > maxPageFile {
		return extractOutput{}, fmt.Errorf("%s: %d bytes, more than %d", path, fi.Size(), maxPageFile)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return extractOutput{}, err
	}
	return extractPage(raw, pageURL)
}

// extractPage extracts one page; raw may be gzip-compressed (extract
// recognises it by its magic bytes, whatever the file is called).
func extractPage(raw []byte, pageURL string) (extractOutput, error) {
	r, err := extract.HTML(raw, pageURL)
	if err != nil && !errors.Is(err, extract.ErrNoContent) {
		return extractOutput{}, err
	}
	out := extractOutput{
		Title: r.Title, Text: r.Text, Author: r.Author,
		Language: r.Language, CanonicalURL: r.CanonicalURL,
	}
	if !r.Published.IsZero() {
		s := r.Published.Format(time.RFC3339)
		out.Published = &s
	}
	return out, nil
}
