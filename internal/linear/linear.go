// Package linear holds sparse linear models over hashed features, as the
// annotators use them: feature hashing, scoring, training by AdaGrad with a
// softmax (one label of several) or sigmoid (several yes/no labels) loss, and
// a compact encoding (32-bit keys, int8 weights, gzip) for embedding.
package linear

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// Hash names a feature by the 64-bit FNV-1a hash of its parts, with a zero
// byte between parts. It does not allocate.
func Hash(parts ...string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i, p := range parts {
		if i > 0 {
			h *= prime // a zero byte between parts
		}
		for j := 0; j < len(p); j++ {
			h ^= uint64(p[j])
			h *= prime
		}
	}
	return h
}

// key folds a feature hash to the 32-bit key a model stores.
func key(h uint64) uint32 { return uint32(h ^ h>>32) }

// Model is a linear model with K outputs over hashed features.
type Model struct {
	k     int
	index map[uint32]int32 // key -> offset of its K weights in w
	w     []float32
}

// New returns an empty model with k outputs.
func New(k int) *Model { return &Model{k: k, index: map[uint32]int32{}} }

// Outputs is the number of outputs K.
func (m *Model) Outputs() int { return m.k }

// Len is the number of features with weights.
func (m *Model) Len() int { return len(m.index) }

// Score adds the weights of the features to z, which has one entry per output.
func (m *Model) Score(feats []uint64, z []float64) {
	for _, f := range feats {
		if off, ok := m.index[key(f)]; ok {
			for c, w := range m.w[off : int(off)+m.k] {
				z[c] += float64(w)
			}
		}
	}
}

// Weights returns the weights of feature h (a slice into the model), or nil.
func (m *Model) Weights(h uint64) []float32 {
	off, ok := m.index[key(h)]
	if !ok {
		return nil
	}
	return m.w[off : int(off)+m.k]
}

// Add adds w to the weights of feature h, creating it when absent.
func (m *Model) Add(h uint64, w []float32) {
	k := key(h)
	off, ok := m.index[k]
	if !ok {
		off = int32(len(m.w))
		m.index[k] = off
		m.w = append(m.w, make([]float32, m.k)...)
	}
	for c := range m.k {
		m.w[int(off)+c] += w[c]
	}
}

// Delete removes feature h.
func (m *Model) Delete(h uint64) { delete(m.index, key(h)) }

// Prune removes the features whose weights are all smaller than eps.
func (m *Model) Prune(eps float32) {
	for k, off := range m.index {
		small := true
		for _, w := range m.w[off : int(off)+m.k] {
			small = small && abs32(w) < eps
		}
		if small {
			delete(m.index, k)
		}
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// Encode writes the model: gzip of magic, K, the weight scale, the count,
// then per feature (sorted by key) the key's delta as a uvarint and its K
// weights quantised to int8 by the scale.
func (m *Model) Encode(w io.Writer, magic string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	keys := make([]uint32, 0, len(m.index))
	var top float32
	for k, off := range m.index {
		keys = append(keys, k)
		for _, v := range m.w[off : int(off)+m.k] {
			top = max(top, abs32(v))
		}
	}
	slices.Sort(keys)
	scale := top / 127
	if scale == 0 {
		scale = 1
	}
	binary.Write(bw, binary.LittleEndian, uint32(m.k))
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	var prev uint32
	var buf [binary.MaxVarintLen32]byte
	for _, k := range keys {
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(k-prev))])
		prev = k
		off := m.index[k]
		for _, v := range m.w[off : int(off)+m.k] {
			bw.WriteByte(byte(int8(math.Round(float64(v / scale)))))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by Encode with the same magic.
func Decode(r io.Reader, magic string) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return nil, errors.New("not a model of this kind")
	}
	var k, n uint32
	var scale float32
	for _, v := range []any{&k, &scale, &n} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, err
		}
	}
	if k == 0 || k > 64 {
		return nil, fmt.Errorf("model has %d outputs", k)
	}
	m := &Model{k: int(k), index: make(map[uint32]int32, min(n, 1<<22)), w: make([]float32, 0, min(n, 1<<22)*k)}
	var prev uint32
	q := make([]byte, k)
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		prev += uint32(d)
		if _, err := io.ReadFull(br, q); err != nil {
			return nil, err
		}
		m.index[prev] = int32(len(m.w))
		for _, b := range q {
			m.w = append(m.w, float32(int8(b))*scale)
		}
	}
	return m, nil
}

// Loss is how outputs turn into probabilities.
type Loss int

// Losses.
const (
	Softmax Loss = iota // the outputs are exclusive classes
	Sigmoid             // each output is its own yes/no
)

// Probabilities turns scores into probabilities in place.
func (l Loss) Probabilities(z []float64) {
	if l == Sigmoid {
		for c := range z {
			z[c] = 1 / (1 + math.Exp(-z[c]))
		}
		return
	}
	mx := slices.Max(z)
	var sum float64
	for c := range z {
		z[c] = math.Exp(z[c] - mx)
		sum += z[c]
	}
	for c := range z {
		z[c] /= sum
	}
}

// Example is one training example: its features (with repeats) and the
// target of each output (one-hot for Softmax, 0 or 1 for Sigmoid).
type Example struct {
	Features []uint64
	Targets  []float64
}

// Options tune Train.
type Options struct {
	Epochs       int
	LearningRate float64
	L2           float64
	MinCount     int    // features seen in fewer examples are dropped
	Seed         uint64 // the same seed gives the same model
	Bags         int    // models trained with different seeds and averaged
}

// Train fits a model with k outputs by AdaGrad. It is deterministic for a
// given seed.
func Train(exs []Example, k int, loss Loss, opt Options) *Model {
	df := map[uint64]int{}
	for _, e := range exs {
		seen := map[uint64]bool{}
		for _, f := range e.Features {
			if !seen[f] {
				seen[f] = true
				df[f]++
			}
		}
	}
	feats := make([][]uint64, len(exs))
	for i, e := range exs {
		for _, f := range e.Features {
			if df[f] >= opt.MinCount {
				feats[i] = append(feats[i], f)
			}
		}
	}
	sum := map[uint64][]float64{}
	for f, n := range df {
		if n >= opt.MinCount {
			sum[f] = make([]float64, k)
		}
	}
	bags := max(opt.Bags, 1)
	for bag := range bags {
		trainBag(sum, feats, exs, k, loss, opt, opt.Seed+uint64(bag))
	}
	m := New(k)
	w := make([]float32, k)
	for f, s := range sum {
		for c := range w {
			w[c] = float32(s[c] / float64(bags))
		}
		m.Add(f, w)
	}
	return m
}

// trainBag runs the epochs from zero weights and adds the result to sum.
func trainBag(sum map[uint64][]float64, feats [][]uint64, exs []Example, k int, loss Loss, opt Options, seed uint64) {
	w := make(map[uint64][]float64, len(sum))
	g2 := make(map[uint64][]float64, len(sum))
	for f := range sum {
		w[f] = make([]float64, k)
		g2[f] = make([]float64, k)
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x5e17))
	z := make([]float64, k)
	for range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			clear(z)
			for _, f := range feats[i] {
				for c, v := range w[f] {
					z[c] += v
				}
			}
			loss.Probabilities(z)
			for _, f := range feats[i] {
				wf, gf := w[f], g2[f]
				for c := range z {
					g := z[c] - exs[i].Targets[c] + opt.L2*wf[c]
					gf[c] += g * g
					wf[c] -= opt.LearningRate * g / (math.Sqrt(gf[c]) + 1e-8)
				}
			}
		}
	}
	for f, wf := range w {
		for c := range wf {
			sum[f][c] += wf[c]
		}
	}
}
