// Command train trains the sentiment model from the development data in
// ../shared (Financial PhraseBank and SEntFiN development halves, the
// Loughran–McDonald lists) and writes it, or measures it by k-fold
// cross-validation. Run it with `go generate ./internal/annotate/sentiment`.
//
//	train -out model.bin.gz            train on everything, write the model
//	train -cv 5 -pred pb.jsonl         cross-validate, write out-of-fold predictions
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate/sentiment"
	"github.com/tickerwire/tickerwire/internal/text"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// item is one labelled text of the development data with the examples it
// gives and the fold it belongs to.
type item struct {
	id       string
	source   string // "phrasebank" or "sentfin"
	agree    int
	examples []sentiment.Example
}

func run() error {
	shared := flag.String("shared", defaultShared(), "the shared data directory (../shared)")
	out := flag.String("out", "", "write the trained model here")
	folds := flag.Int("cv", 0, "cross-validate with this many folds instead of writing a model")
	pred := flag.String("pred", "", "with -cv: write out-of-fold PhraseBank predictions here (score_sentiment.py format)")
	sources := flag.String("data", "phrasebank,sentfin", "training data: phrasebank, sentfin or both")
	opt := sentiment.DefaultTrainOptions()
	flag.IntVar(&opt.Epochs, "epochs", opt.Epochs, "training epochs")
	flag.Float64Var(&opt.LearningRate, "lr", opt.LearningRate, "AdaGrad learning rate")
	flag.Float64Var(&opt.L2, "l2", opt.L2, "L2 regularisation")
	flag.IntVar(&opt.MinCount, "min-count", opt.MinCount, "drop features seen in fewer examples")
	flag.IntVar(&opt.Bags, "bags", opt.Bags, "models trained with different seeds and averaged")
	flag.Float64Var(&opt.Prior[2], "prior-pos", opt.Prior[2], "added to the positive class score")
	flag.Float64Var(&opt.Prior[0], "prior-neg", opt.Prior[0], "added to the negative class score")
	flag.Parse()
	if *out == "" && *folds == 0 {
		return errors.New("give -out FILE or -cv N")
	}
	lex, err := sentiment.LoadLexicon(filepath.Join(*shared, "data/reference/loughran-mcdonald"))
	if err != nil {
		return err
	}
	var items []item
	for _, src := range strings.Split(*sources, ",") {
		var got []item
		switch src {
		case "phrasebank":
			got, err = loadPhraseBank(filepath.Join(*shared, "data/eval/phrasebank-dev.jsonl"))
		case "sentfin":
			got, err = loadSentFiN(filepath.Join(*shared, "data/eval/sentfin-dev.jsonl"))
		default:
			err = fmt.Errorf("unknown data %q", src)
		}
		if err != nil {
			return err
		}
		items = append(items, got...)
	}
	opt.Lexicon = lex
	if *folds > 0 {
		return crossValidate(items, *folds, opt, *pred)
	}
	var exs []sentiment.Example
	for _, it := range items {
		exs = append(exs, it.examples...)
	}
	m, err := sentiment.Train(exs, opt)
	if err != nil {
		return err
	}
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

// crossValidate trains on all folds but one and predicts the held-out one,
// for every fold; it prints accuracies and writes PhraseBank predictions.
func crossValidate(items []item, k int, opt sentiment.TrainOptions, predPath string) error {
	var w *bufio.Writer
	if predPath != "" {
		f, err := os.Create(predPath)
		if err != nil {
			return err
		}
		defer f.Close()
		w = bufio.NewWriter(f)
		defer w.Flush()
	}
	type tally struct{ ok, n int }
	scores := map[string]*tally{}
	count := func(key string, ok bool) {
		t := scores[key]
		if t == nil {
			t = &tally{}
			scores[key] = t
		}
		t.n++
		if ok {
			t.ok++
		}
	}
	for fold := range k {
		var train []sentiment.Example
		for i, it := range items {
			if i%k != fold {
				train = append(train, it.examples...)
			}
		}
		trained, err := sentiment.Train(train, opt)
		if err != nil {
			return err
		}
		// Measure the model as it is shipped: encoded and decoded.
		var buf bytes.Buffer
		if err := trained.Encode(&buf); err != nil {
			return err
		}
		m, err := sentiment.DecodeModel(&buf)
		if err != nil {
			return err
		}
		for i, it := range items {
			if i%k != fold {
				continue
			}
			for _, e := range it.examples {
				got := m.Classify(e.Text, e.Domain)
				count(it.source, got.Label == e.Label)
				if it.agree == 100 {
					count(it.source+"-agree100", got.Label == e.Label)
				}
				if w != nil && it.source == "phrasebank" {
					b, _ := json.Marshal(map[string]any{"id": it.id, "sentiment": got})
					w.Write(append(b, '\n'))
				}
			}
		}
	}
	for key, t := range scores {
		fmt.Printf("%-20s accuracy %.4f (%d)\n", key, float64(t.ok)/float64(t.n), t.n)
	}
	return nil
}

func loadPhraseBank(path string) ([]item, error) {
	var items []item
	err := readJSONL(path, func(line []byte) error {
		var r struct {
			ID    string `json:"id"`
			Text  string `json:"text"`
			Label string `json:"label"`
			Agree int    `json:"agree"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		items = append(items, item{id: r.ID, source: "phrasebank", agree: r.Agree,
			examples: []sentiment.Example{{Text: r.Text, Label: r.Label}}})
		return nil
	})
	return items, err
}

// loadSentFiN gives one example per entity: the part of the headline about
// it, cut as the annotator cuts sentences naming several companies.
func loadSentFiN(path string) ([]item, error) {
	var items []item
	err := readJSONL(path, func(line []byte) error {
		var r struct {
			ID       string            `json:"id"`
			Text     string            `json:"text"`
			Entities map[string]string `json:"entities"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		it := item{id: r.ID, source: "sentfin"}
		for _, e := range EntityTexts(r.Text, r.Entities) {
			it.examples = append(it.examples, e)
		}
		items = append(items, it)
		return nil
	})
	return items, err
}

// EntityTexts returns, for each entity of a headline, the segment about it
// labelled with its sentiment.
func EntityTexts(headline string, entities map[string]string) []sentiment.Example {
	spans := map[string]text.Span{}
	for name := range entities {
		if k := strings.Index(headline, name); k >= 0 {
			spans[name] = text.Span{Start: k, End: k + len(name)}
		} else if k := strings.Index(strings.ToLower(headline), strings.ToLower(name)); k >= 0 {
			spans[name] = text.Span{Start: k, End: k + len(name)}
		}
	}
	whole := text.Span{Start: 0, End: len(headline)}
	names := make([]string, 0, len(entities))
	for name := range entities {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []sentiment.Example
	for _, name := range names {
		label := entities[name]
		sp, ok := spans[name]
		seg := whole
		if ok {
			var others []text.Span
			for other, osp := range spans {
				if other != name {
					others = append(others, osp)
				}
			}
			if len(others) > 0 {
				seg = sentiment.Segment(headline, whole, sp, others)
			}
		}
		out = append(out, sentiment.Example{Text: headline[seg.Start:seg.End], Label: label, Domain: sentiment.Headline})
	}
	return out
}

func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
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
