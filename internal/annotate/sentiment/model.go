package sentiment

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
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
	weights map[uint32][numClasses]float32
}

// keyOf folds a 64-bit feature hash to the 32-bit key the model stores.
func keyOf(h uint64) uint32 { return uint32(h ^ h>>32) }

// probs returns the class probabilities of a sentence's features.
func (m *Model) probs(feats []uint64) [numClasses]float64 {
	var z [numClasses]float64
	for _, f := range feats {
		if w, ok := m.weights[keyOf(f)]; ok {
			for c := range z {
				z[c] += float64(w[c])
			}
		}
	}
	return softmax(z)
}

func softmax(z [numClasses]float64) [numClasses]float64 {
	mx := max(z[0], z[1], z[2])
	var sum float64
	for c := range z {
		z[c] = math.Exp(z[c] - mx)
		sum += z[c]
	}
	for c := range z {
		z[c] /= sum
	}
	return z
}

// modelMagic starts an encoded model.
const modelMagic = "TWSENT2\n"

// Encode writes the model compactly: gzip of the magic, the weight scale,
// the count, and for each feature (sorted by key) the delta of its key as a
// uvarint and its three weights quantised to int8 by the scale.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	keys := make([]uint32, 0, len(m.weights))
	var top float32
	for k, w := range m.weights {
		keys = append(keys, k)
		top = max(top, abs32(w[0]), abs32(w[1]), abs32(w[2]))
	}
	slices.Sort(keys)
	scale := top / 127
	if scale == 0 {
		scale = 1
	}
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	var prev uint32
	var buf [binary.MaxVarintLen32]byte
	for _, k := range keys {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(k-prev))])
		prev = k
		for _, v := range m.weights[k] {
			bw.WriteByte(byte(int8(math.Round(float64(v / scale)))))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// DecodeModel reads a model written by Encode.
func DecodeModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("sentiment model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("sentiment model: not a tickerwire sentiment model")
	}
	var scale float32
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, fmt.Errorf("sentiment model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("sentiment model: %w", err)
	}
	m := &Model{weights: make(map[uint32][numClasses]float32, min(n, 1<<22))}
	var prev uint32
	var q [numClasses]byte
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("sentiment model: %w", err)
		}
		prev += uint32(d)
		if _, err := io.ReadFull(br, q[:]); err != nil {
			return nil, fmt.Errorf("sentiment model: %w", err)
		}
		m.weights[prev] = [numClasses]float32{float32(int8(q[0])) * scale, float32(int8(q[1])) * scale, float32(int8(q[2])) * scale}
	}
	return m, nil
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
