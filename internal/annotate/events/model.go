package events

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/linear"
	"github.com/tickerwire/tickerwire/internal/news"
)

// learntTypes are the event types the model decides, in output order.
var learntTypes = []string{news.EventEarnings, news.EventMergerAcquisition}

// Model is a logistic regression per learnt event type over a document's
// title and lead words and its cue scores.
type Model struct {
	lin *linear.Model
}

// leadWords is how many words of the text the model reads.
const leadWords = 150

// features returns the hashed features of a document analysed as a.
func features(a *analysis) []uint64 {
	out := make([]uint64, 0, 4*leadWords)
	out = append(out, linear.Hash("bias"))
	seen := 0
	// Without a title the first sentence stands for it, as the model only
	// ever saw titled newswire.
	titled := len(a.sents) > 0 && a.sents[0].title
	for i, s := range a.sents {
		kind, bigram := "w", "wb"
		if s.title || !titled && i == 0 {
			kind, bigram = "t", "tb"
		} else if seen >= leadWords {
			break
		}
		prev := "<s>"
		for _, w := range s.words {
			if isNumber(w) {
				w = "<num>"
			}
			out = append(out, linear.Hash(kind, w), linear.Hash(bigram, prev, w))
			prev = w
			if !s.title {
				seen++
			}
		}
	}
	for _, typ := range news.EventTypes {
		if sc := a.score[typ]; sc > 0 {
			out = append(out, linear.Hash("cue", typ, strconv.Itoa(min(int(sc/0.5), 8))))
		}
		if b, ok := a.best[typ]; ok && a.sents[b.sentence].title {
			out = append(out, linear.Hash("cue-title", typ))
		}
	}
	return out
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// predict returns the probability of each learnt type.
func (m *Model) predict(a *analysis) map[string]float64 {
	z := make([]float64, len(learntTypes))
	m.lin.Score(features(a), z)
	linear.Sigmoid.Probabilities(z)
	out := make(map[string]float64, len(z))
	for i, typ := range learntTypes {
		out[typ] = z[i]
	}
	return out
}

// Example is one document for training: its title and text and the learnt
// event types it has.
type Example struct {
	Title, Text string
	Types       []string
}

// TrainOptions are the options the committed model is trained with.
func TrainOptions() linear.Options {
	return linear.Options{Epochs: 10, LearningRate: 0.1, L2: 1e-5, MinCount: 2, Seed: 1, Bags: 1}
}

// Train fits the model to the examples.
func Train(examples []Example, opt linear.Options) *Model {
	exs := make([]linear.Example, len(examples))
	for i, e := range examples {
		a := analyse(annotate.NewDocument(e.Title, e.Text))
		exs[i].Features = features(a)
		exs[i].Targets = make([]float64, len(learntTypes))
		for k, typ := range learntTypes {
			for _, t := range e.Types {
				if t == typ {
					exs[i].Targets[k] = 1
				}
			}
		}
	}
	lin := linear.Train(exs, len(learntTypes), linear.Sigmoid, opt)
	lin.Prune(1e-3)
	return &Model{lin: lin}
}

const modelMagic = "TWEVENT1\n"

// Encode writes the model compactly (see linear.Model.Encode).
func (m *Model) Encode(w io.Writer) error { return m.lin.Encode(w, modelMagic) }

// DecodeModel reads a model written by Encode.
func DecodeModel(r io.Reader) (*Model, error) {
	lin, err := linear.Decode(r, modelMagic)
	if err != nil {
		return nil, fmt.Errorf("event model: %w", err)
	}
	if lin.Outputs() != len(learntTypes) {
		return nil, fmt.Errorf("event model: %d outputs, want %d", lin.Outputs(), len(learntTypes))
	}
	return &Model{lin: lin}, nil
}

//go:generate go run ./train -out model.bin.gz

//go:embed model.bin.gz
var embeddedModel []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return DecodeModel(bytes.NewReader(embeddedModel))
})

// DefaultModel returns the model embedded in the binary, trained by
// `go generate ./internal/annotate/events`.
func DefaultModel() (*Model, error) { return defaultModel() }
