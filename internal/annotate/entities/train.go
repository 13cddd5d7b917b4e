package entities

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
)

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs int     // passes over the data (default 8)
	Seed   uint64  // shuffling seed, for reproducible models
	Prune  float32 // drop averaged weights whose magnitude is below this
	Log    io.Writer
}

// labeled is one training sentence: tokens and gold labels.
type labeled struct {
	toks   []token
	labels []int
}

// ReadCoNLL reads sentences from CoNLL-2003 text ("token POS chunk NER"
// lines, blank lines between sentences, IOB2 or IOB1 tags).
func readCoNLL(r io.Reader) ([]labeled, error) {
	label := map[string]int{}
	for i, n := range labelNames {
		label[n] = i
	}
	var out []labeled
	var cur labeled
	text := 0
	flush := func() {
		if len(cur.toks) > 0 {
			out = append(out, cur)
		}
		cur = labeled{}
		text = 0
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			continue
		}
		tag := f[len(f)-1]
		l, ok := label[tag]
		if !ok {
			return nil, fmt.Errorf("line %d: unknown tag %q", line, tag)
		}
		// IOB1 starts entities with I-; make them B- (IOB2).
		if isInside(l) {
			if n := len(cur.labels); n == 0 || !allowed(cur.labels[n-1], l) {
				l--
			}
		}
		cur.toks = append(cur.toks, token{start: text, end: text + len(f[0]), text: plain(f[0])})
		cur.labels = append(cur.labels, l)
		text += len(f[0]) + 1
	}
	flush()
	return out, sc.Err()
}

// trainer holds an averaged perceptron being trained.
type trainer struct {
	w     map[uint32]*trainWeights
	clock int
}

type trainWeights struct {
	w, total [nLabels]float64
	stamp    [nLabels]int
}

func (t *trainer) scores(fs []uint32) weights {
	var sc weights
	for _, f := range fs {
		if tw, ok := t.w[f]; ok {
			for l := range sc {
				sc[l] += float32(tw.w[l])
			}
		}
	}
	return sc
}

func (t *trainer) update(fs []uint32, label int, delta float64) {
	for _, f := range fs {
		tw := t.w[f]
		if tw == nil {
			tw = &trainWeights{}
			t.w[f] = tw
		}
		tw.total[label] += float64(t.clock-tw.stamp[label]) * tw.w[label]
		tw.stamp[label] = t.clock
		tw.w[label] += delta
	}
}

// average returns the averaged weights, dropping small ones.
func (t *trainer) average(prune float32) *model {
	m := &model{w: make(map[uint32]weights, len(t.w))}
	for f, tw := range t.w {
		var ws weights
		keep := false
		for l := range ws {
			total := tw.total[l] + float64(t.clock-tw.stamp[l])*tw.w[l]
			ws[l] = float32(total / float64(t.clock))
			if float32(math.Abs(float64(ws[l]))) >= prune && ws[l] != 0 {
				keep = true
			}
		}
		if keep {
			m.w[f] = ws
		}
	}
	return m
}

func lowerTexts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = strings.ToLower(t.text)
	}
	return out
}

// commonWords are the words the training text writes in lower case more
// often than capitalised inside a sentence.
func commonWords(data []labeled) map[uint32]bool {
	lower, upper := map[string]int{}, map[string]int{}
	for _, d := range data {
		for i, t := range d.toks {
			w := strings.ToLower(t.text)
			switch {
			case t.text == w:
				lower[w]++
			case i > 0 && startsUpper(t.text):
				upper[w]++
			}
		}
	}
	common := map[uint32]bool{}
	for w, n := range lower {
		if n > upper[w] {
			common[uint32(feat(0).str(w))] = true
		}
	}
	return common
}

// Train trains the entity tagger on CoNLL-2003 formatted text and writes the
// model file (the format that the package embeds as model.bin.gz).
func Train(conll io.Reader, out io.Writer, opts TrainOptions) error {
	if opts.Epochs <= 0 {
		opts.Epochs = 8
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	g, err := loadGazetteer()
	if err != nil {
		return err
	}
	data, err := readCoNLL(conll)
	if err != nil {
		return fmt.Errorf("reading training data: %w", err)
	}
	if len(data) == 0 {
		return fmt.Errorf("no training sentences")
	}
	// Each sentence also in Title Case, as headlines are written, which
	// CoNLL-2003 (mostly sentence case and some capitals) lacks.
	var sents []*sentence
	var golds [][]int
	for _, d := range data {
		sents = append(sents, newSentence(g, d.toks))
		golds = append(golds, d.labels)
		if tc := titleCased(d.toks); len(d.toks) >= 4 && isTitleCase(tc, lowerTexts(tc)) {
			sents = append(sents, newSentence(g, tc))
			golds = append(golds, d.labels)
		}
	}
	t := &trainer{w: map[uint32]*trainWeights{}}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7e11))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	fs := make([]uint32, 0, 40)
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, k := range order {
			s, gold := sents[k], golds[k]
			prev, prev2 := lO, lO
			for i := range s.toks {
				t.clock++
				fs = s.features(fs[:0], i, prev, prev2)
				sc := t.scores(fs)
				guess := best(&sc, prev)
				if guess != gold[i] {
					t.update(fs, gold[i], 1)
					t.update(fs, guess, -1)
					errs++
				}
				n++
				prev2, prev = prev, guess
			}
		}
		fmt.Fprintf(opts.Log, "epoch %d: token error %.4f\n", epoch, float64(errs)/float64(n))
	}
	m := t.average(opts.Prune)
	m.common = commonWords(data)
	fmt.Fprintf(opts.Log, "features kept: %d of %d\n", len(m.w), len(t.w))
	return m.write(out)
}
