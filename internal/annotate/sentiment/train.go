package sentiment

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tickerwire/tickerwire/internal/linear"
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
	// training, to trade one class's recall for another's; HeadlinePrior is
	// added on top for headlines, SentencePrior for sentences. They are
	// tuned by cross-validation.
	Prior, SentencePrior, HeadlinePrior [numClasses]float64

	Seed uint64 // shuffling seed: the same seed gives the same model
	// Lexicon maps a lower-case word to its Loughran–McDonald categories. Its
	// weights are folded into the words' own weights, so the model carries
	// what it learnt from the lists and not the lists.
	Lexicon map[string][]string
}

// DefaultTrainOptions are the options the committed model is trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 16, LearningRate: 0.015, L2: 1e-5, MinCount: 2, Seed: 1, Bags: 5,
		// By 5-fold cross-validation on the PhraseBank development half.
		SentencePrior: [numClasses]float64{classNegative: 0.30, classPositive: 0.15}}
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

// Train fits a model to the examples by multinomial logistic regression
// (linear.Train). It is deterministic for a given Seed.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	exs := make([]linear.Example, len(examples))
	for i, e := range examples {
		y, err := classOf(e.Label)
		if err != nil {
			return nil, fmt.Errorf("example %d: %w", i, err)
		}
		exs[i].Features, _ = extractor{lm: opt.Lexicon, domain: e.Domain}.features(e.Text)
		exs[i].Targets = make([]float64, numClasses)
		exs[i].Targets[y] = 1
	}
	lin := linear.Train(exs, numClasses, linear.Softmax, linear.Options{
		Epochs: opt.Epochs, LearningRate: opt.LearningRate, L2: opt.L2,
		MinCount: opt.MinCount, Seed: opt.Seed, Bags: opt.Bags,
	})
	m := &Model{lin: lin}
	m.foldLexicon(opt.Lexicon)
	lin.Prune(1e-3)
	for _, p := range []struct {
		feature uint64
		prior   [numClasses]float64
	}{
		{featureHash(fBias), opt.Prior},
		{featureHash(fBias) ^ domainSalts[Sentence], opt.SentencePrior},
		{featureHash(fBias) ^ domainSalts[Headline], opt.HeadlinePrior},
	} {
		if p.prior == ([numClasses]float64{}) {
			continue
		}
		w := make([]float32, numClasses)
		for c := range w {
			w[c] = float32(p.prior[c])
		}
		lin.Add(p.feature, w)
	}
	return m, nil
}

// foldLexicon adds the weights of each Loughran–McDonald category feature
// (plain and per domain) to the words of that category and removes the
// category features: the model then scores the same without the lists.
func (m *Model) foldLexicon(lex map[string][]string) {
	if lex == nil {
		return
	}
	salts := append([]uint64{0}, domainSalts[:]...)
	for word, cats := range lex {
		for _, pair := range [][2]string{{fLM, fUnigram}, {fLMNegated, fNegated}} {
			for _, salt := range salts {
				sum := make([]float32, numClasses)
				found := false
				for _, cat := range cats {
					if cw := m.lin.Weights(featureHash(pair[0], cat) ^ salt); cw != nil {
						found = true
						for c := range sum {
							sum[c] += cw[c]
						}
					}
				}
				if found {
					m.lin.Add(featureHash(pair[1], word)^salt, sum)
				}
			}
		}
	}
	for _, cat := range lexiconCategories {
		for _, kind := range []string{fLM, fLMNegated} {
			for _, salt := range salts {
				m.lin.Delete(featureHash(kind, cat) ^ salt)
			}
		}
	}
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
