package sentiment

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/tickerwire/tickerwire/internal/linear"
)

// Classes of the model, in the order of its weight vectors.
const (
	classNegative = iota
	classNeutral
	classPositive
	numClasses
)

// Model is a multinomial logistic regression over hashed sentence features.
type Model struct {
	lin *linear.Model
}

// probs returns the class probabilities of a sentence's features and rule
// boost, which is added to the class scores.
func (m *Model) probs(feats []uint64, boost [numClasses]float64) [numClasses]float64 {
	var z [numClasses]float64
	m.lin.Score(feats, z[:])
	for c := range z {
		z[c] += boost[c]
	}
	linear.Softmax.Probabilities(z[:])
	return z
}

// modelMagic starts an encoded sentiment model.
const modelMagic = "TWSENT3\n"

// Encode writes the model compactly (see linear.Model.Encode).
func (m *Model) Encode(w io.Writer) error { return m.lin.Encode(w, modelMagic) }

// DecodeModel reads a model written by Encode.
func DecodeModel(r io.Reader) (*Model, error) {
	lin, err := linear.Decode(r, modelMagic)
	if err != nil {
		return nil, fmt.Errorf("sentiment model: %w", err)
	}
	if lin.Outputs() != numClasses {
		return nil, fmt.Errorf("sentiment model: %d classes, want %d", lin.Outputs(), numClasses)
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
// `go generate ./internal/annotate/sentiment`.
func DefaultModel() (*Model, error) { return defaultModel() }
