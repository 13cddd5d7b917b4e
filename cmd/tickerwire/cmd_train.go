package main

import (
	"fmt"
	"io"

	"github.com/tickerwire/tickerwire/internal/annotate/events"
	"github.com/tickerwire/tickerwire/internal/annotate/sentiment"
	"github.com/tickerwire/tickerwire/internal/devdata"
)

func init() {
	register(&command{
		Name:    "train",
		Summary: "train the sentiment or event model from the development data",
		Help: `Usage: tickerwire train sentiment|events [--shared DIR] [--out FILE]

Trains a model as 'go generate ./internal/annotate/sentiment' (or .../events)
does and writes it to --out (default: MODEL-model.bin.gz); copying the file
over internal/annotate/MODEL/model.bin.gz and rebuilding ships it. The same
data and options give the same bytes.

  sentiment  Financial PhraseBank and SEntFiN development halves, with the
             Loughran–McDonald word lists (data/eval, data/reference)
  events     the Reuters-21578 ModApte training split (data/eval)

--shared is the shared data directory (default: ../shared beside the
repository).`,
		Run: runTrain,
	})
}

// trainers train each model from the shared directory.
var trainers = map[string]func(shared string) (func(io.Writer) error, error){
	"sentiment": func(shared string) (func(io.Writer) error, error) {
		m, err := sentiment.TrainDev(shared)
		if err != nil {
			return nil, err
		}
		return m.Encode, nil
	},
	"events": func(shared string) (func(io.Writer) error, error) {
		m, err := events.TrainDev(shared)
		if err != nil {
			return nil, err
		}
		return m.Encode, nil
	},
}

func runTrain(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		return env.Parse(env.FlagSet("train"), []string{"-h"})
	}
	model, args := args[0], args[1:]
	train, ok := trainers[model]
	if !ok {
		return fmt.Errorf("unknown model %q (want sentiment or events)", model)
	}
	fs := env.FlagSet("train " + model)
	shared := fs.String("shared", devdata.SharedDir(), "the shared data directory")
	out := fs.String("out", model+"-model.bin.gz", "write the model here")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	encode, err := train(*shared)
	if err != nil {
		return err
	}
	if err := devdata.WriteFile(*out, encode); err != nil {
		return err
	}
	env.Log.Info("trained", "model", model, "out", *out)
	return nil
}
