// Command train trains the entity tagger of package entities on the
// CoNLL-2003 English training split and writes model.bin.gz:
//
//	go generate ./internal/annotate/entities
//
// runs it with the settings of the committed model.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tickerwire/tickerwire/internal/annotate/entities"
)

func main() {
	in := flag.String("conll", "", "CoNLL-2003 training file (train.txt)")
	out := flag.String("out", "model.bin.gz", "model file to write")
	epochs := flag.Int("epochs", 8, "training passes")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	prune := flag.Float64("prune", 1, "drop averaged weights smaller than this")
	flag.Parse()
	if err := run(*in, *out, entities.TrainOptions{Epochs: *epochs, Seed: *seed, Prune: float32(*prune), Log: os.Stderr}); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(in, out string, opts entities.TrainOptions) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	tmp := out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := entities.Train(f, w, opts); err != nil {
		w.Close()
		os.Remove(tmp)
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
