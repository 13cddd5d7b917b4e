// Command train trains the sentiment model from the development data in
// ../shared (Financial PhraseBank and SEntFiN development halves, the
// Loughran–McDonald lists) and writes it, or measures it by k-fold
// cross-validation. Run it with `go generate ./internal/annotate/sentiment`;
// `tickerwire train sentiment` runs the same training.
//
//	train -out model.bin.gz            train on everything, write the model
//	train -cv 5 -pred pb.jsonl         cross-validate, write out-of-fold predictions
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tickerwire/tickerwire/internal/annotate/sentiment"
	"github.com/tickerwire/tickerwire/internal/devdata"
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
	flag.Float64Var(&opt.SentencePrior[2], "sentence-prior-pos", opt.SentencePrior[2], "added to the positive class score of sentences")
	flag.Float64Var(&opt.SentencePrior[0], "sentence-prior-neg", opt.SentencePrior[0], "added to the negative class score of sentences")
	flag.Float64Var(&opt.HeadlinePrior[2], "headline-prior-pos", opt.HeadlinePrior[2], "added to the positive class score of headlines")
	flag.Float64Var(&opt.HeadlinePrior[0], "headline-prior-neg", opt.HeadlinePrior[0], "added to the negative class score of headlines")
	flag.Parse()
	if *out == "" && *folds == 0 {
		return errors.New("give -out FILE or -cv N")
	}
	dev, err := sentiment.DevTrainOptions(*shared)
	if err != nil {
		return err
	}
	opt.Lexicon = dev.Lexicon
	items, err := sentiment.LoadDevData(*shared, strings.Split(*sources, ",")...)
	if err != nil {
		return err
	}
	if *folds > 0 {
		return crossValidate(items, *folds, opt, *pred)
	}
	m, err := sentiment.TrainItems(items, opt)
	if err != nil {
		return err
	}
	return devdata.WriteFile(*out, m.Encode)
}

// crossValidate prints the cross-validated accuracies and writes the
// PhraseBank predictions to predPath when given.
func crossValidate(items []sentiment.Item, k int, opt sentiment.TrainOptions, predPath string) error {
	var pred io.Writer
	if predPath != "" {
		f, err := os.Create(predPath)
		if err != nil {
			return err
		}
		defer f.Close()
		pred = f
	}
	acc, err := sentiment.CrossValidate(items, k, opt, pred)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(acc))
	for key := range acc {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		fmt.Printf("%-20s accuracy %.4f (%d)\n", key, acc[key].Value(), acc[key].Total)
	}
	return nil
}
