package entities

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger is a greedy averaged-perceptron sequence tagger over BIO
// labels of the four CoNLL-2003 entity types. Features are hashed to 32 bits
// (FNV-1a), so the model is a table from feature hash to one weight per label.

// Labels, in model order.
const (
	lO = iota
	lBPer
	lIPer
	lBLoc
	lILoc
	lBOrg
	lIOrg
	lBMisc
	lIMisc
	nLabels
)

var labelNames = [nLabels]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// Entity types, as CoNLL names them.
const (
	typePER  = "PER"
	typeLOC  = "LOC"
	typeORG  = "ORG"
	typeMISC = "MISC"
)

func labelType(l int) string {
	if l == lO {
		return ""
	}
	return labelNames[l][2:]
}

func isInside(l int) bool { return l != lO && l%2 == 0 }

// allowed reports whether label l may follow label prev (I-X only after B-X or I-X).
func allowed(prev, l int) bool {
	if !isInside(l) {
		return true
	}
	return prev == l || prev == l-1
}

type weights [nLabels]float32

// model maps feature hashes to label weights.
type model struct {
	w      map[uint32]weights // while writing and training
	table  *weightTable       // for tagging
	common map[uint32]bool    // hashes of words the training text writes in lower case
}

// isCommon reports whether the lower-cased word is an everyday word, one
// the training text often writes in lower case ("outlook", "will").
func (m *model) isCommon(lower string) bool { return m.common[uint32(feat(0).str(lower))] }

// weightTable is an open-addressing hash table from feature hash to
// quantised weights, much faster to probe than a Go map for this read-only
// use: a key and its weights share a slot, so a probe touches one cache line.
type weightTable struct {
	slots []slot
	shift uint
	// seen has a bit set for every stored key (by another hash), a small
	// filter that answers most lookups of absent features from cache.
	seen []uint64
}

const seenBits = 20

type slot struct {
	key uint32 // 0 marks an empty slot; key 0 is stored as 1
	w   [nLabels]int16
}

func newWeightTable(m map[uint32][nLabels]int16) *weightTable {
	bits := uint(1)
	for 1<<bits < len(m)*3/2 { // a load of at most two thirds
		bits++
	}
	t := &weightTable{slots: make([]slot, 1<<bits), shift: 32 - bits, seen: make([]uint64, 1<<seenBits/64)}
	for k, v := range m {
		k = tableKey(k)
		b := seenBit(k)
		t.seen[b/64] |= 1 << (b % 64)
		i := t.slot(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & uint32(len(t.slots)-1)
		}
		t.slots[i] = slot{key: k, w: v}
	}
	return t
}

func tableKey(k uint32) uint32 {
	if k == 0 {
		return 1
	}
	return k
}

func (t *weightTable) slot(k uint32) uint32 { return (k * 2654435769) >> t.shift }

func seenBit(k uint32) uint32 { return (k * 0x85ebca6b) >> (32 - seenBits) }

func (t *weightTable) get(k uint32) *[nLabels]int16 {
	k = tableKey(k)
	if b := seenBit(k); t.seen[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	mask := uint32(len(t.slots) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case k:
			return &t.slots[i].w
		case 0:
			return nil
		}
	}
}

// span is an entity found at tokens [from, to).
type span struct {
	from, to int
	typ      string
}

// sentence is a token sequence prepared for feature extraction.
type sentence struct {
	toks     []token
	lower    []string
	shape    []string
	gaz      []string // gazetteer reading per token ("B-country", "I-place", "" …)
	first    []bool   // given name
	allUpper bool     // a headline in capitals
	title    bool     // a headline in Title Case
	matches  []placeMatch
}

func newSentence(g *gazetteer, toks []token) *sentence {
	n := len(toks)
	strs := make([]string, 3*n)
	s := &sentence{toks: toks, lower: strs[:n:n], shape: strs[n : 2*n : 2*n], gaz: strs[2*n:], first: make([]bool, n)}
	letters, upper := 0, 0
	for i, t := range toks {
		if isLowerASCII(t.text) {
			s.lower[i], s.shape[i] = t.text, "x"
		} else {
			s.lower[i] = strings.ToLower(t.text)
			s.shape[i] = wordShape(t.text)
		}
		s.first[i] = g.firstNames[s.lower[i]]
		for _, r := range t.text {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	s.allUpper = letters > 8 && upper*10 >= letters*9
	s.title = !s.allUpper && isTitleCase(toks, s.lower)
	s.matches = g.match(toks, s.lower)
	for _, m := range s.matches {
		for k := m.from; k < m.to; k++ {
			if k == m.from {
				s.gaz[k] = gazB[m.place.kind]
			} else {
				s.gaz[k] = gazI[m.place.kind]
			}
		}
	}
	return s
}

var (
	gazB = map[string]string{kindCountry: "B-country", kindPlace: "B-place", kindRegion: "B-region", kindDemonym: "B-demonym"}
	gazI = map[string]string{kindCountry: "I-country", kindPlace: "I-place", kindRegion: "I-region", kindDemonym: "I-demonym"}
)

// isLowerASCII reports whether w is a word in lower-case ASCII letters.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// smallWords stay lower-case in Title Case headlines.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "as": true,
	"but": true, "from": true, "vs": true, "nor": true, "per": true, "via": true,
}

// isTitleCase reports whether a sentence capitalises (nearly) every word
// that is not a small word, as Title Case headlines do.
// lower holds the tokens lower-cased.
func isTitleCase(toks []token, lower []string) bool {
	// A lower-case word of five letters or more is no small word; when more
	// than a tenth of the tokens are such, no need to look further.
	long := 0
	for _, t := range toks {
		if c := t.text[0]; c >= 'a' && c <= 'z' && len(t.text) > 4 {
			long++
		}
	}
	if long*10 > len(toks) {
		return false
	}
	words, upper := 0, 0
	for i, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.text)
		if !unicode.IsLetter(r) || smallWords[lower[i]] || t.text == "'s" {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return words >= 4 && upper*10 >= words*9
}

// titleCased returns the tokens as a Title Case headline would write them.
func titleCased(toks []token) []token {
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = t
		r, n := utf8.DecodeRuneInString(t.text)
		if i == 0 || !smallWords[strings.ToLower(t.text)] {
			out[i].text = string(unicode.ToUpper(r)) + t.text[n:]
		}
	}
	return out
}

// wordShape maps letters to X/x and digits to d, collapsing repeats: "Nissan" → "Xx", "U.S." → "X.X.".
func wordShape(w string) string {
	var b []byte
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c != last {
			b = append(b, c)
			last = c
		}
		if len(b) >= 8 {
			break
		}
	}
	return string(b)
}

// hasher folds feature parts into a 32-bit FNV-1a hash.
type hasher uint32

func feat(template byte) hasher {
	return (hasher(2166136261) ^ hasher(template)) * 16777619
}

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * 16777619
	}
	return (h ^ 0xff) * 16777619
}

func (h hasher) num(n int) hasher { return (h ^ hasher(n+1)) * 16777619 }

func (s *sentence) word(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s.toks):
		return "</s>"
	}
	return s.lower[i]
}

func (s *sentence) shapeAt(i int) string {
	if i < 0 || i >= len(s.toks) {
		return "<>"
	}
	return s.shape[i]
}

func (s *sentence) gazAt(i int) string {
	if i < 0 || i >= len(s.toks) {
		return "<>"
	}
	return s.gaz[i]
}

func prefix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[:n]
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// features appends the feature hashes of token i, given the two labels before it.
func (s *sentence) features(fs []uint32, i, prev, prev2 int) []uint32 {
	w := s.lower[i]
	sh := s.shape[i]
	add := func(h hasher) { fs = append(fs, uint32(h)) }
	add(feat(1))
	add(feat(2).str(w))
	add(feat(3).str(s.word(i - 1)))
	add(feat(4).str(s.word(i + 1)))
	add(feat(5).str(s.word(i - 2)))
	add(feat(6).str(s.word(i + 2)))
	add(feat(7).str(sh))
	add(feat(8).str(s.shapeAt(i - 1)))
	add(feat(9).str(s.shapeAt(i + 1)))
	add(feat(10).str(prefix(w, 3)))
	add(feat(11).str(suffix(w, 3)))
	add(feat(12).str(suffix(w, 2)))
	add(feat(13).str(suffix(w, 4)))
	add(feat(14).str(prefix(w, 2)))
	add(feat(15).num(prev))
	add(feat(16).num(prev).num(prev2))
	add(feat(17).num(prev).str(w))
	add(feat(18).num(prev).str(sh))
	add(feat(19).str(s.word(i - 1)).str(w))
	add(feat(20).str(w).str(s.word(i + 1)))
	add(feat(21).str(s.shapeAt(i - 1)).str(sh).str(s.shapeAt(i + 1)))
	add(feat(22).str(s.gaz[i]))
	add(feat(23).str(s.gazAt(i - 1)))
	add(feat(24).str(s.gazAt(i + 1)))
	add(feat(25).str(s.gaz[i]).str(sh))
	if i == 0 {
		add(feat(26).str(sh))
	}
	if s.allUpper {
		add(feat(27).str(w))
	}
	add(feat(28).str(s.toks[i].text))
	if s.first[i] {
		add(feat(29))
	}
	if i > 0 && s.first[i-1] {
		add(feat(30).str(sh))
	}
	add(feat(31).num(prev).str(s.gaz[i]))
	if s.title {
		add(feat(32).str(w))
		add(feat(33).str(sh).num(prev))
		add(feat(34).str(s.word(i - 1)).str(w))
	}
	return fs
}

// scores adds up the label weights of the features.
func (m *model) scores(fs []uint32) weights {
	var sum [nLabels]int32
	for _, f := range fs {
		if w := m.table.get(f); w != nil {
			for l := range sum {
				sum[l] += int32(w[l])
			}
		}
	}
	var sc weights
	for l, x := range sum {
		sc[l] = float32(x)
	}
	return sc
}

// best returns the highest-scoring label allowed after prev.
func best(sc *weights, prev int) int {
	b := lO
	for l := 1; l < nLabels; l++ {
		if allowed(prev, l) && sc[l] > sc[b] {
			b = l
		}
	}
	return b
}

// tag labels the sentence greedily, left to right.
func (m *model) tag(s *sentence) []int {
	labels := make([]int, len(s.toks))
	fs := make([]uint32, 0, 40)
	prev, prev2 := lO, lO
	for i := range s.toks {
		if prev == lO && !s.allUpper && !s.title && s.plainWord(i) {
			labels[i] = lO // a lower-case word outside a name starts none
		} else {
			fs = s.features(fs[:0], i, prev, prev2)
			sc := m.scores(fs)
			labels[i] = best(&sc, prev)
		}
		prev2, prev = prev, labels[i]
	}
	return labels
}

// plainWord reports whether token i is written in lower-case ASCII
// letters only, or has no letter at all (punctuation, plain numbers).
func (s *sentence) plainWord(i int) bool {
	w := s.toks[i].text
	letters := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c >= 'a' && c <= 'z':
			letters = true
		case c >= 'A' && c <= 'Z' || c >= 0x80:
			return false
		}
	}
	return letters || len(w) > 0 && (w[0] < '0' || w[0] > '9')
}

// spans turns BIO labels into entity spans.
func spans(labels []int) []span {
	var out []span
	for i := 0; i < len(labels); i++ {
		if labels[i] == lO {
			continue
		}
		typ := labelType(labels[i])
		j := i + 1
		for j < len(labels) && isInside(labels[j]) && labelType(labels[j]) == typ {
			j++
		}
		out = append(out, span{i, j, typ})
		i = j - 1
	}
	return out
}

// The model file is gzip of: magic, scale (float32), count (uint32), then
// per feature its hash (uint32) and nLabels weights as int16 multiples of
// scale; then the count and hashes of the common words.
const modelMagic = "TWNER2\n"

func (m *model) write(w io.Writer) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	var maxAbs float32
	for _, ws := range m.w {
		for _, x := range ws {
			maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, uint32(len(m.w)))
	for _, h := range sortedKeys(m.w) {
		binary.Write(bw, binary.LittleEndian, h)
		var q [nLabels]int16
		for l, x := range m.w[h] {
			q[l] = int16(math.Round(float64(x / scale)))
		}
		binary.Write(bw, binary.LittleEndian, q[:])
	}
	common := make([]uint32, 0, len(m.common))
	for h := range m.common {
		common = append(common, h)
	}
	slices.Sort(common)
	binary.Write(bw, binary.LittleEndian, uint32(len(common)))
	binary.Write(bw, binary.LittleEndian, common)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("entity model: not a tagger model file")
	}
	var scale float32
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	q16 := make(map[uint32][nLabels]int16, n)
	for range n {
		var h uint32
		var q [nLabels]int16
		if err := binary.Read(br, binary.LittleEndian, &h); err != nil {
			return nil, fmt.Errorf("entity model: %w", err)
		}
		if err := binary.Read(br, binary.LittleEndian, q[:]); err != nil {
			return nil, fmt.Errorf("entity model: %w", err)
		}
		q16[h] = q
	}
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	common := make([]uint32, n)
	if err := binary.Read(br, binary.LittleEndian, common); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	m := &model{table: newWeightTable(q16), common: make(map[uint32]bool, n)}
	for _, h := range common {
		m.common[h] = true
	}
	return m, nil
}

func sortedKeys(m map[uint32]weights) []uint32 {
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
