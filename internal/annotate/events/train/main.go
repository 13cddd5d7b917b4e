// Command train trains the event model on the Reuters-21578 ModApte training
// split in ../shared (topics earn and acq) and writes it, or measures the
// event step by k-fold cross-validation. Run it with
// `go generate ./internal/annotate/events`.
//
//	train -out model.bin.gz           train on everything, write the model
//	train -cv 5 -pred reuters.jsonl   cross-validate, write out-of-fold
//	                                  predictions for score_reuters_events.py
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/events"
	"github.com/tickerwire/tickerwire/internal/linear"
	"github.com/tickerwire/tickerwire/internal/news"
)

// topicTypes maps Reuters topics to the event types the model learns.
var topicTypes = map[string]string{"earn": news.EventEarnings, "acq": news.EventMergerAcquisition}

type doc struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Text   string   `json:"text"`
	Topics []string `json:"topics"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	shared := flag.String("shared", defaultShared(), "the shared data directory (../shared)")
	out := flag.String("out", "", "write the trained model here")
	folds := flag.Int("cv", 0, "cross-validate with this many folds instead of writing a model")
	pred := flag.String("pred", "", "with -cv: write out-of-fold predictions here")
	opt := events.TrainOptions()
	flag.IntVar(&opt.Epochs, "epochs", opt.Epochs, "training epochs")
	flag.Float64Var(&opt.LearningRate, "lr", opt.LearningRate, "AdaGrad learning rate")
	flag.Float64Var(&opt.L2, "l2", opt.L2, "L2 regularisation")
	flag.Parse()
	if *out == "" && *folds == 0 {
		return errors.New("give -out FILE or -cv N")
	}
	docs, err := load(filepath.Join(*shared, "data/eval/reuters21578-modapte-train.jsonl"))
	if err != nil {
		return err
	}
	if *folds > 0 {
		return crossValidate(docs, *folds, opt, *pred)
	}
	m := events.Train(examples(docs, -1, 0), opt)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// examples returns the training examples of docs outside fold (all when k < 0).
func examples(docs []doc, k, fold int) []events.Example {
	var exs []events.Example
	for i, d := range docs {
		if k > 0 && i%k == fold {
			continue
		}
		e := events.Example{Title: d.Title, Text: d.Text}
		for _, t := range d.Topics {
			if typ, ok := topicTypes[t]; ok {
				e.Types = append(e.Types, typ)
			}
		}
		exs = append(exs, e)
	}
	return exs
}

func crossValidate(docs []doc, k int, opt linear.Options, predPath string) error {
	w := bufio.NewWriter(os.Stdout)
	if predPath != "" {
		f, err := os.Create(predPath)
		if err != nil {
			return err
		}
		defer f.Close()
		w = bufio.NewWriter(f)
	}
	defer w.Flush()
	for fold := range k {
		step := events.New(events.Train(examples(docs, k, fold), opt))
		for i, d := range docs {
			if i%k != fold {
				continue
			}
			doc := annotate.NewDocument(d.Title, d.Text)
			step.Annotate(doc)
			b, err := json.Marshal(map[string]any{"id": d.ID, "events": doc.Ann.Events})
			if err != nil {
				return err
			}
			w.Write(append(b, '\n'))
		}
	}
	return nil
}

func load(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// defaultShared finds ../shared beside the repository: TICKERWIRE_SHARED, or
// the directory next to the one holding go.mod.
func defaultShared() string {
	if d := os.Getenv("TICKERWIRE_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return "../shared"
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared"
		}
		dir = parent
	}
}
