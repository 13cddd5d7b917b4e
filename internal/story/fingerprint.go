package story

// Fingerprint is a 64-bit SimHash of a text's word shingles: texts that share
// most of their shingles have fingerprints that differ in few bits.
type Fingerprint uint64

// ShingleSize is the number of consecutive terms in one shingle.
const ShingleSize = 3

// DuplicateDistance is the largest Hamming distance between the fingerprints
// of two near-duplicate texts.
const DuplicateDistance = 3

// Fingerprint returns the SimHash of the terms' shingles, or 0 when there
// are no terms.
func FingerprintOf(terms []string) Fingerprint {
	if len(terms) == 0 {
		return 0
	}
	var counts [64]int
	n := len(terms) - ShingleSize + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		h := uint64(fnvOffset)
		for j := i; j < i+ShingleSize && j < len(terms); j++ {
			h = fnvString(h, terms[j])
			h = (h ^ ' ') * fnvPrime
		}
		h = mix64(h)
		for b := range counts {
			if h&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	var fp Fingerprint
	for b, c := range counts {
		if c > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

// Distance is the number of bits in which two fingerprints differ.
func (f Fingerprint) Distance(g Fingerprint) int {
	x := uint64(f ^ g)
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

// NearDuplicate reports whether two fingerprints are of near-duplicate texts.
// The zero fingerprint (an empty text) is no one's duplicate.
func (f Fingerprint) NearDuplicate(g Fingerprint) bool {
	return f != 0 && g != 0 && f.Distance(g) <= DuplicateDistance
}

// bands splits a fingerprint into DuplicateDistance+1 bands: by the pigeonhole
// principle two near-duplicates agree on at least one whole band, so an index
// of bands finds every near-duplicate candidate.
func (f Fingerprint) bands() [DuplicateDistance + 1]uint64 {
	var out [DuplicateDistance + 1]uint64
	for i := range out {
		out[i] = uint64(i)<<56 | (uint64(f)>>(16*i))&0xffff
	}
	return out
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
