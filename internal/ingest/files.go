package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
)

// MaxFileBytes is the largest file ingested (after decompression).
const MaxFileBytes = 256 << 20

// FileReport says what ingesting one file did.
type FileReport struct {
	Path  string
	Items int   // articles and headline items found
	New   int   // of those, newly stored
	Err   error // why the file (or some of its items) could not be ingested
}

// Candidate is one article read from a file, with the headline items listed
// under it on the same page.
type Candidate struct {
	Article   news.Article
	Headlines []news.Article
}

// HTMLExtractor turns a page's raw bytes into an article.
type HTMLExtractor func(raw []byte, pageURL string) (news.Article, error)

// FileReader reads news files. Extract handles HTML files; without it they
// are reported as unsupported.
type FileReader struct {
	Extract HTMLExtractor
}

// Walk calls fn for every regular file under path (path itself when it is a
// file), in lexical order. Errors reaching a file are passed to fn.
func Walk(path string, fn func(file string, err error)) {
	info, err := os.Stat(path)
	if err != nil {
		fn(path, err)
		return
	}
	if !info.IsDir() {
		fn(path, nil)
		return
	}
	_ = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fn(p, err)
			return nil
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			fn(p, nil)
		}
		return nil
	})
}

// Read parses one file into candidates by its extension (.txt, .html, .htm,
// .json, .jsonl, .ndjson, each optionally .gz), or by sniffing its content
// when the extension says nothing.
func (r FileReader) Read(path string) ([]Candidate, error) {
	raw, err := readFile(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	return r.Parse(raw, filepath.Ext(strings.ToLower(strings.TrimSuffix(path, ".gz"))), pageURL)
}

// Parse reads raw content of the given kind (a file extension such as
// ".txt", ".html", ".json" or ".jsonl"; anything else is sniffed from the
// content) fetched from pageURL into candidates.
func (r FileReader) Parse(raw []byte, kind, pageURL string) ([]Candidate, error) {
	switch kind {
	case ".txt", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml":
	default:
		kind = sniff(raw)
	}
	switch kind {
	case ".txt", ".text":
		return []Candidate{textCandidate(string(raw), pageURL)}, nil
	case ".json":
		return jsonCandidates(raw)
	case ".jsonl", ".ndjson":
		return jsonLinesCandidates(raw)
	case ".html", ".htm", ".xhtml":
		if r.Extract == nil {
			return nil, fmt.Errorf("HTML is not supported by this reader")
		}
		a, err := r.Extract(raw, pageURL)
		if err != nil {
			return nil, err
		}
		if a.URL == "" {
			a.URL = pageURL
		}
		return []Candidate{{Article: a}}, nil
	}
	return nil, fmt.Errorf("unrecognised content (want text, HTML, JSON or JSON Lines)")
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		defer gz.Close()
		r = gz
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxFileBytes {
		return nil, fmt.Errorf("larger than %d MiB", MaxFileBytes>>20)
	}
	return raw, nil
}

func sniff(raw []byte) string {
	t := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	switch {
	case len(t) == 0:
		return ".txt"
	case t[0] == '[':
		return ".json"
	case t[0] == '{':
		if i := bytes.IndexByte(t, '\n'); i > 0 && json.Valid(bytes.TrimSpace(t[:i])) {
			return ".jsonl"
		}
		return ".json"
	case t[0] == '<':
		return ".html"
	}
	if bytes.IndexByte(t, 0) >= 0 {
		return ""
	}
	return ".txt"
}

func textCandidate(content, pageURL string) Candidate {
	page := ParseTextPage(content)
	c := Candidate{Article: news.Article{
		Kind:  news.KindArticle,
		URL:   pageURL,
		Title: page.Title,
		Text:  page.Text(),
	}}
	for i, h := range page.Headlines {
		item := news.Article{Kind: news.KindHeadline, Title: h}
		if pageURL != "" {
			item.URL = fmt.Sprintf("%s#headline-%d", pageURL, i+1)
		}
		c.Headlines = append(c.Headlines, item)
	}
	return c
}

// jsonArticle is an article as JSON files give it. It accepts the batch
// commands' input fields and Marketaux's and common exports' names.
type jsonArticle struct {
	ID          json.RawMessage `json:"id"`
	UUID        string          `json:"uuid"`
	Title       string          `json:"title"`
	Text        string          `json:"text"`
	Body        string          `json:"body"`
	Content     string          `json:"content"`
	Description string          `json:"description"`
	Summary     string          `json:"summary"`
	URL         string          `json:"url"`
	Link        string          `json:"link"`
	Author      string          `json:"author"`
	Source      json.RawMessage `json:"source"`
	Language    string          `json:"language"`
	Published   string          `json:"published"`
	PublishedAt string          `json:"published_at"`
	Date        string          `json:"date"`
}

func (j jsonArticle) article() (news.Article, error) {
	a := news.Article{
		Kind:        news.KindArticle,
		Title:       j.Title,
		Text:        firstNonEmpty(j.Text, j.Body, j.Content),
		Description: firstNonEmpty(j.Description, j.Summary),
		URL:         firstNonEmpty(j.URL, j.Link),
		Author:      j.Author,
		Language:    j.Language,
	}
	if a.Text == "" {
		a.Text = a.Description
	}
	if len(j.Source) > 0 {
		var s string
		if json.Unmarshal(j.Source, &s) == nil {
			a.Source = s
		}
	}
	if ts := firstNonEmpty(j.Published, j.PublishedAt, j.Date); ts != "" {
		t, err := ParseTime(ts)
		if err != nil {
			return a, fmt.Errorf("published %q: %w", ts, err)
		}
		a.Published = t
	}
	return a, nil
}

func firstNonEmpty(v ...string) string {
	for _, s := range v {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// timeLayouts are the date formats accepted in JSON inputs.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
}

// ParseTime reads a timestamp in RFC 3339 or a common variant of it; times
// without a zone are taken as UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date-time (want RFC 3339, e.g. 2025-01-31T09:30:00Z)")
}

func jsonCandidates(raw []byte) ([]Candidate, error) {
	raw = bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	var items []jsonArticle
	switch {
	case len(raw) > 0 && raw[0] == '[':
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
	default:
		var wrapper struct {
			Data    []jsonArticle `json:"data"`
			Results []jsonArticle `json:"results"`
			Items   []jsonArticle `json:"items"`
		}
		if err := json.Unmarshal(raw, &wrapper); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
		items = append(append(append(items, wrapper.Data...), wrapper.Results...), wrapper.Items...)
		if len(items) == 0 {
			var one jsonArticle
			if err := json.Unmarshal(raw, &one); err != nil {
				return nil, fmt.Errorf("invalid JSON: %w", err)
			}
			items = []jsonArticle{one}
		}
	}
	return toCandidates(items, func(i int) string { return fmt.Sprintf("item %d", i+1) })
}

func jsonLinesCandidates(raw []byte) ([]Candidate, error) {
	var items []jsonArticle
	var bad []string
	lineNos := []int{}
	for i, line := range bytes.Split(raw, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var j jsonArticle
		if err := json.Unmarshal(line, &j); err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", i+1, err))
			continue
		}
		items = append(items, j)
		lineNos = append(lineNos, i+1)
	}
	cands, err := toCandidates(items, func(i int) string { return fmt.Sprintf("line %d", lineNos[i]) })
	if err != nil {
		bad = append(bad, err.Error())
	}
	if len(bad) > 0 {
		return cands, fmt.Errorf("%d bad item(s), first: %s", len(bad), bad[0])
	}
	return cands, nil
}

// toCandidates converts items, keeping the good ones and reporting the bad.
func toCandidates(items []jsonArticle, where func(int) string) ([]Candidate, error) {
	var cands []Candidate
	var bad []string
	for i, j := range items {
		a, err := j.article()
		if err == nil && a.Title == "" && a.Text == "" {
			err = ErrEmpty
		}
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", where(i), err))
			continue
		}
		cands = append(cands, Candidate{Article: a})
	}
	if len(bad) > 0 {
		return cands, fmt.Errorf("%d bad item(s), first: %s", len(bad), bad[0])
	}
	return cands, nil
}

// IngestFile reads one file and adds its articles, and the headline items
// listed under them, through the pipeline.
func (p *Pipeline) IngestFile(ctx context.Context, r FileReader, path string) FileReport {
	rep := FileReport{Path: path}
	cands, readErr := r.Read(path)
	for _, res := range p.AddCandidates(ctx, cands, filepath.Base(path)) {
		if res.Err != nil {
			rep.Err = res.Err
			continue
		}
		rep.Items++
		if res.Created {
			rep.New++
		}
	}
	if readErr != nil && rep.Err == nil {
		rep.Err = readErr
	}
	return rep
}

// ItemResult is what became of one candidate article or headline item.
type ItemResult struct {
	UUID    string
	Kind    string
	Title   string
	Created bool
	Err     error
}

// AddCandidates adds each candidate and the headline items listed under it
// (linked to it), naming source where the candidate names none. It stops
// early only when ctx is done.
func (p *Pipeline) AddCandidates(ctx context.Context, cands []Candidate, source string) []ItemResult {
	var out []ItemResult
	add := func(a *news.Article) bool {
		if err := ctx.Err(); err != nil {
			out = append(out, ItemResult{Kind: a.Kind, Title: a.Title, Err: err})
			return false
		}
		created, err := p.Add(ctx, a)
		out = append(out, ItemResult{UUID: a.UUID, Kind: a.Kind, Title: a.Title, Created: created, Err: err})
		return err == nil
	}
	for _, c := range cands {
		a := c.Article
		if a.Source == "" {
			a.Source = source
		}
		if !add(&a) {
			continue
		}
		for _, h := range c.Headlines {
			h := h
			h.ParentUUID, h.Source, h.Published = a.UUID, a.Source, a.Published
			add(&h)
		}
	}
	return out
}

// Pusher stores pushed content (the push API) through a pipeline.
type Pusher struct {
	Pipeline *Pipeline
	Reader   FileReader
}

// Push reads body, of the given kind (a file extension, or "" to sniff)
// fetched from pageURL, and adds its articles and headline items. The error
// says what could not be read; the results say what became of the rest.
func (p Pusher) Push(ctx context.Context, body []byte, kind, pageURL string) ([]ItemResult, error) {
	cands, err := p.Reader.Parse(body, kind, pageURL)
	return p.Pipeline.AddCandidates(ctx, cands, "push"), err
}
