// Command evalsignals runs the sentiment and event steps over labelled JSON
// Lines and writes `tickerwire annotate`-style output for the scoring scripts
// in ../shared/eval. It stands in for the company tagger with the gold
// companies (-oracle), so that sentiment and events are measured on their
// own; `tickerwire annotate` measures the whole pipeline.
//
//	evalsignals -oracle gold-companies-dev.jsonl > pred.jsonl
//	evalsignals -sentfin sentfin-dev.jsonl      (prints entity accuracy)
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/events"
	"github.com/tickerwire/tickerwire/internal/annotate/sentiment"
	"github.com/tickerwire/tickerwire/internal/news"
)

// item is one input line: an article, with gold companies when labelled.
type item struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Companies []struct {
		Mention  string         `json:"mention"`
		Company  string         `json:"company"`
		Listings []news.Listing `json:"listings"`
	} `json:"companies"`
	Entities map[string]string `json:"entities"` // SEntFiN
}

func main() {
	oracle := flag.Bool("oracle", false, "use the gold companies (mention and listings) as the company tagger's output")
	sentfin := flag.Bool("sentfin", false, "the input is SEntFiN: print entity sentiment accuracy")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: evalsignals [-oracle | -sentfin] FILE.jsonl")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *oracle, *sentfin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "evalsignals:", err)
		os.Exit(1)
	}
}

func run(path string, oracle, sentfin bool, out io.Writer) error {
	sent, err := sentiment.NewDefault()
	if err != nil {
		return err
	}
	ev, err := events.NewDefault()
	if err != nil {
		return err
	}
	pipeline := annotate.New(sent, ev)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(out)
	defer w.Flush()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	right, total := 0, 0
	for n := 1; sc.Scan(); n++ {
		var it item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		d := annotate.NewDocument(it.Title, it.Text)
		switch {
		case sentfin:
			// The headline with its entities as companies, as the
			// sentiment model's cross-validation reads it.
			d = sentiment.EntityDocument(it.Text, it.Entities)
		case oracle:
			for _, c := range it.Companies {
				if m := mentionsOf(d.Body, c.Mention); len(m) > 0 {
					d.Ann.Companies = append(d.Ann.Companies, news.Company{Name: c.Company, Listings: c.Listings, Mentions: m})
				}
			}
		}
		ann := pipeline.Annotate(d)
		if sentfin {
			for _, c := range ann.Companies {
				total++
				if c.Sentiment.Label == it.Entities[c.Name] {
					right++
				}
			}
			continue
		}
		b, err := json.Marshal(struct {
			ID string `json:"id"`
			news.Annotation
		}{it.ID, ann})
		if err != nil {
			return err
		}
		w.Write(append(b, '\n'))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if sentfin {
		fmt.Fprintf(w, "{\"entities\": %d, \"accuracy\": %.4f}\n", total, float64(right)/float64(max(total, 1)))
	}
	return nil
}

// mentionsOf finds every occurrence of name in body (case-insensitively
// when it does not occur as written).
func mentionsOf(body, name string) []news.Mention {
	if name == "" {
		return nil
	}
	hay := body
	if !strings.Contains(body, name) {
		hay, name = strings.ToLower(body), strings.ToLower(name)
	}
	var out []news.Mention
	for off := 0; ; {
		k := strings.Index(hay[off:], name)
		if k < 0 {
			return out
		}
		start := off + k
		out = append(out, news.Mention{Start: start, End: start + len(name), Text: body[start : start+len(name)]})
		off = start + len(name)
	}
}
