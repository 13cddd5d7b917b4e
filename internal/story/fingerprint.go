package story

import "math/bits"

// Fingerprint is a MinHash signature of a text's word shingles: the share of
// equal positions in two signatures estimates the Jaccard similarity of the
// two texts' shingle sets, so copies of one text with a changed headline,
// dateline or footer have very similar fingerprints.
type Fingerprint [FingerprintSize]uint32

const (
	// FingerprintSize is the number of hash functions in a signature.
	FingerprintSize = 32
	// ShingleSize is the number of consecutive terms in one shingle.
	ShingleSize = 3
	// DuplicateSimilarity is the least estimated Jaccard similarity of the
	// shingles of two near-duplicate texts.
	DuplicateSimilarity = 0.5
)

// FingerprintOf returns the MinHash signature of the terms' shingles, or the
// zero Fingerprint when there are no terms. Texts shorter than a shingle are
// one shingle.
func FingerprintOf(terms []string) Fingerprint {
	var fp Fingerprint
	if len(terms) == 0 {
		return fp
	}
	for i := range fp {
		fp[i] = ^uint32(0)
	}
	n := max(len(terms)-ShingleSize+1, 1)
	for i := range n {
		h := uint64(fnvOffset)
		for j := i; j < i+ShingleSize && j < len(terms); j++ {
			h = fnvString(h, terms[j])
			h = (h ^ ' ') * fnvPrime
		}
		for k := range fp {
			if v := uint32(mix64(h + uint64(k)*0x9e3779b97f4a7c15)); v < fp[k] {
				fp[k] = v
			}
		}
	}
	return fp
}

// IsZero reports whether the fingerprint is of an empty text.
func (f *Fingerprint) IsZero() bool { return *f == Fingerprint{} }

// Similarity estimates the Jaccard similarity of the shingle sets of the two
// texts, 0..1; it is 0 when either text is empty.
func (f *Fingerprint) Similarity(g *Fingerprint) float64 {
	if f.IsZero() || g.IsZero() {
		return 0
	}
	same := 0
	for i := range f {
		if f[i] == g[i] {
			same++
		}
	}
	return float64(same) / FingerprintSize
}

// NearDuplicate reports whether the two fingerprints are of near-duplicate
// texts.
func (f *Fingerprint) NearDuplicate(g *Fingerprint) bool {
	return f.Similarity(g) >= DuplicateSimilarity
}

// sketch is the low bytes of a fingerprint's first 16 values: a compact
// prefilter for near-duplicates, whose sketches share many bytes.
type sketch [2]uint64

// sketchMatches is the fewest equal bytes of the sketches of two
// near-duplicates: texts at DuplicateSimilarity share 8 of 16 on average and
// fewer than 4 with a chance of 1%; unrelated ones share 4 with a chance of
// about 1e-6.
const sketchMatches = 4

func (f *Fingerprint) sketch() sketch {
	var s sketch
	for i := range 16 {
		s[i/8] |= uint64(f[i]&0xff) << (8 * (i % 8))
	}
	return s
}

// matches counts the equal bytes of two sketches.
func (s sketch) matches(t sketch) int {
	return zeroBytes(s[0]^t[0]) + zeroBytes(s[1]^t[1])
}

// zeroBytes counts the zero bytes of x.
func zeroBytes(x uint64) int {
	const low7 = 0x7f7f7f7f7f7f7f7f
	y := (x&low7 + low7) | x // high bit set in every non-zero byte
	return 8 - bits.OnesCount64(y&^low7)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvString folds s into the FNV-1a hash h.
func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix64 is the SplitMix64 finaliser, spreading FNV's weak high bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
