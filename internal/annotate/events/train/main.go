// Command train trains the event model on the Reuters-21578 ModApte training
// split in ../shared (topics earn and acq) and writes it, or measures the
// event step by k-fold cross-validation. Run it with
// `go generate ./internal/annotate/events`; `tickerwire train events` runs
// the same training.
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

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/annotate/events"
	"github.com/tickerwire/tickerwire/internal/devdata"
	"github.com/tickerwire/tickerwire/internal/linear"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	shared := flag.String("shared", devdata.SharedDir(), "the shared data directory (../shared)")
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
	docs, err := events.LoadDevDocs(*shared)
	if err != nil {
		return err
	}
	if *folds > 0 {
		return crossValidate(docs, *folds, opt, *pred)
	}
	return devdata.WriteFile(*out, events.Train(examples(docs, -1, 0), opt).Encode)
}

// examples returns the training examples of docs outside fold (all when k < 0).
func examples(docs []events.DevDoc, k, fold int) []events.Example {
	var exs []events.Example
	for i, d := range docs {
		if k > 0 && i%k == fold {
			continue
		}
		exs = append(exs, d.Example())
	}
	return exs
}

func crossValidate(docs []events.DevDoc, k int, opt linear.Options, predPath string) error {
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
