package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/pipeline"
	"github.com/tickerwire/tickerwire/internal/jsonl"
)

func init() {
	register(&command{
		Name:    "annotate",
		Summary: "annotate JSON Lines articles: companies with listings, organisations, and more",
		Help: `Usage: tickerwire annotate [flags] [FILE]

Reads JSON Lines {"id", "title"?, "text"?, "published"?, "source"?} from FILE or
standard input and writes one annotation per line, in input order, with the
input's id: companies (name, country, listings primary first, match_score,
mentions as byte offsets into title + "\n\n" + text), organisations and the
other annotations. A bad line gets {"id", "error"} and the run goes on.

It uses the security master stored under --data (see 'tickerwire secmaster
import'), or the embedded default when none was imported; it never creates
the data directory. --reference DIR imports DIR first.`,
		Run: runAnnotate,
	})
}

type annotateInput struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
}

func runAnnotate(env *Env, args []string) error {
	fs := env.FlagSet("annotate")
	data := fs.String("data", defaultDataDir, "data directory holding the imported security master")
	ref := fs.String("reference", "", "import the security-master reference files in this directory first")
	workers := fs.Int("workers", runtime.NumCPU(), "articles annotated in parallel")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	m, err := loadMaster(env, *data, *ref)
	if err != nil {
		return err
	}
	in, closeIn, err := env.Input(fs.Args())
	if err != nil {
		return err
	}
	defer closeIn()
	a := pipeline.New(m)
	stats, err := jsonl.Process(in, env.Stdout, *workers, func(line []byte) (any, error) {
		var x annotateInput
		if err := json.Unmarshal(line, &x); err != nil {
			return nil, fmt.Errorf("bad input: %v", err)
		}
		d := annotate.NewDocument(x.Title, x.Text)
		d.Source = x.Source
		d.Published = parseTime(x.Published)
		return a.Annotate(d), nil
	})
	env.Log.Debug("annotated", "lines", stats.Lines, "errors", stats.Errors)
	return err
}

// parseTime reads the time formats article inputs use; zero when it cannot.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
