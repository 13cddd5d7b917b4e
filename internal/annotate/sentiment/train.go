package sentiment

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/tickerwire/tickerwire/internal/news"
)

// Example is one labelled text for training: a sentence, or the part of a
// headline about one entity.
type Example struct {
	Text   string
	Label  string // news.Positive, news.Neutral or news.Negative
	Domain int    // Sentence or Headline
}

// TrainOptions tune Train. The zero value is not useful; start from
// DefaultTrainOptions.
type TrainOptions struct {
	Epochs       int
	LearningRate float64
	L2           float64
	MinCount     int // features seen in fewer examples are dropped
	Bags         int // models trained with different seeds and averaged
	// Prior is added to the class scores (negative, neutral, positive) after
	// training, to trade one class's recall for another's.
	Prior [numClasses]float64
	Seed  uint64 // shuffling seed: the same seed gives the same model
	// Lexicon maps a lower-case word to its Loughran–McDonald categories. Its
	// weights are folded into the words' own weights, so the model carries
	// what it learnt from the lists and not the lists.
	Lexicon map[string][]string
}

// DefaultTrainOptions are the options the committed model is trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 16, LearningRate: 0.015, L2: 1e-5, MinCount: 2, Seed: 1, Bags: 5}
}

func classOf(label string) (int, error) {
	switch label {
	case news.Negative:
		return classNegative, nil
	case news.Neutral:
		return classNeutral, nil
	case news.Positive:
		return classPositive, nil
	}
	return 0, fmt.Errorf("unknown sentiment label %q", label)
}

// Train fits a model to the examples by multinomial logistic regression with
// AdaGrad. It is deterministic for a given Seed.
func Train(examples []Example, opt TrainOptions) (*Model, error) {

	feats := make([][]uint64, len(examples))
	ys := make([]int, len(examples))
	df := map[uint64]int{}
	for i, e := range examples {
		y, err := classOf(e.Label)
		if err != nil {
			return nil, fmt.Errorf("example %d: %w", i, err)
		}
		ys[i] = y
		feats[i] = extractor{lm: opt.Lexicon, domain: e.Domain}.features(e.Text)
		seen := map[uint64]bool{}
		for _, f := range feats[i] {
			if !seen[f] {
				seen[f] = true
				df[f]++
			}
		}
	}
	keep := func(f uint64) bool { return df[f] >= opt.MinCount }
	for i, fs := range feats {
		kept := fs[:0]
		for _, f := range fs {
			if keep(f) {
				kept = append(kept, f)
			}
		}
		feats[i] = kept
	}

	w := map[uint64]*[numClasses]float64{}
	for f, n := range df {
		if n >= opt.MinCount {
			w[f] = new([numClasses]float64)
		}
	}
	for bag := range max(opt.Bags, 1) {
		trainBag(w, feats, ys, opt, opt.Seed+uint64(bag))
	}
	m := &Model{weights: make(map[uint32][numClasses]float32, len(w))}
	for f, wf := range w {
		n := float64(max(opt.Bags, 1))
		m.addWeights(f, [numClasses]float32{float32(wf[0] / n), float32(wf[1] / n), float32(wf[2] / n)}, 0)
	}
	m.foldLexicon(opt.Lexicon)
	m.prune(1e-3)
	var prior [numClasses]float32
	for c := range prior {
		prior[c] = float32(opt.Prior[c])
	}
	m.addWeights(featureHash(fBias), prior, 0)
	return m, nil
}

// trainBag runs AdaGrad epochs from zero weights with its own seed and adds
// the resulting weights to sum.
func trainBag(sum map[uint64]*[numClasses]float64, feats [][]uint64, ys []int, opt TrainOptions, seed uint64) {
	w := map[uint64]*[numClasses]float64{}
	g2 := map[uint64]*[numClasses]float64{}
	for f := range sum {
		w[f] = new([numClasses]float64)
		g2[f] = new([numClasses]float64)
	}
	order := make([]int, len(feats))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x5e17))
	for range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			var z [numClasses]float64
			for _, f := range feats[i] {
				for c := range z {
					z[c] += w[f][c]
				}
			}
			p := softmax(z)
			for _, f := range feats[i] {
				wf, gf := w[f], g2[f]
				for c := range p {
					g := p[c]
					if c == ys[i] {
						g--
					}
					g += opt.L2 * wf[c]
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

// foldLexicon adds the weight of each Loughran–McDonald category feature to
// the words of that category and removes the category features, which gives
// the same scores without the lists.
func (m *Model) foldLexicon(lex map[string][]string) {
	if lex == nil {
		return
	}
	for word, cats := range lex {
		for _, pair := range [][2]string{{fLM, fUnigram}, {fLMNegated, fNegated}} {
			var sum [numClasses]float32
			any := false
			for _, cat := range cats {
				if cw, ok := m.weights[keyOf(featureHash(pair[0], cat))]; ok {
					any = true
					for c := range sum {
						sum[c] += cw[c]
					}
				}
			}
			if !any {
				continue
			}
			m.addWeights(featureHash(pair[1], word), sum, 0)
			for _, salt := range domainSalts {
				var dsum [numClasses]float32
				for _, cat := range cats {
					if cw, ok := m.weights[keyOf(featureHash(pair[0], cat)^salt)]; ok {
						for c := range dsum {
							dsum[c] += cw[c]
						}
					}
				}
				m.addWeights(featureHash(pair[1], word), dsum, salt)
			}
		}
	}
	for _, cat := range lexiconCategories {
		for _, kind := range []string{fLM, fLMNegated} {
			delete(m.weights, keyOf(featureHash(kind, cat)))
			for _, salt := range domainSalts {
				delete(m.weights, keyOf(featureHash(kind, cat)^salt))
			}
		}
	}
}

// addWeights adds w to the weights of feature h^salt.
func (m *Model) addWeights(h uint64, w [numClasses]float32, salt uint64) {
	if w == ([numClasses]float32{}) {
		return
	}
	k := keyOf(h ^ salt)
	ww := m.weights[k]
	for c := range ww {
		ww[c] += w[c]
	}
	m.weights[k] = ww
}

// prune drops features whose weights are all below eps in size.
func (m *Model) prune(eps float32) {
	for f, w := range m.weights {
		if abs32(w[0]) < eps && abs32(w[1]) < eps && abs32(w[2]) < eps {
			delete(m.weights, f)
		}
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// lexiconCategories are the Loughran–McDonald lists read by LoadLexicon, by
// the category name used in features.
var lexiconCategories = []string{"negative", "positive", "uncertainty", "litigious", "modalstrong", "modalweak"}

// LoadLexicon reads the Loughran–McDonald word lists
// (LoughranMcDonald_<Category>.csv, one WORD,year a line) from dir.
func LoadLexicon(dir string) (map[string][]string, error) {
	lex := map[string][]string{}
	for _, cat := range lexiconCategories {
		name := "LoughranMcDonald_" + strings.ToUpper(cat[:1]) + cat[1:] + ".csv"
		if strings.HasPrefix(cat, "modal") {
			name = "LoughranMcDonald_Modal" + strings.ToUpper(cat[5:6]) + cat[6:] + ".csv"
		}
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			word, _, _ := strings.Cut(sc.Text(), ",")
			word = strings.ToLower(strings.TrimSpace(word))
			if word != "" {
				lex[word] = append(lex[word], cat)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return lex, nil
}
