package company

import (
	"github.com/tickerwire/tickerwire/internal/secmaster"
)

// trie is a word-level automaton over names: each node is a sequence of
// folded words, and a text is matched by walking it from each word, so
// matching costs the number of words times the longest name's length (a
// small constant), whatever the number of names.
type trie struct {
	vocab map[string]int32 // folded word → word id
	next  map[uint64]int32 // node<<32 | word id → child node
	ends  [][]entry        // entries ending at each node
	depth int              // longest name in words
}

func newTrie() *trie {
	return &trie{vocab: map[string]int32{}, next: map[uint64]int32{}, ends: [][]entry{nil}}
}

func edge(node, word int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(word)) }

// add inserts the word sequence with its entry, ignoring an exact duplicate.
func (t *trie) add(words []string, e entry) {
	if len(words) == 0 {
		return
	}
	node := int32(0)
	for _, w := range words {
		id, ok := t.vocab[w]
		if !ok {
			id = int32(len(t.vocab))
			t.vocab[w] = id
		}
		k := edge(node, id)
		child, ok := t.next[k]
		if !ok {
			child = int32(len(t.ends))
			t.ends = append(t.ends, nil)
			t.next[k] = child
		}
		node = child
	}
	if len(words) > t.depth {
		t.depth = len(words)
	}
	for _, x := range t.ends[node] {
		if x.id == e.id && x.kind == e.kind {
			if e.flags < x.flags { // keep the stronger reading (fewer restricting flags)
				continue
			}
			return
		}
	}
	t.ends[node] = append(t.ends[node], e)
}

// word returns the id of a folded word, or -1.
func (t *trie) word(folded []byte) int32 {
	if id, ok := t.vocab[string(folded)]; ok {
		return id
	}
	return -1
}

// longest returns the end (exclusive, in tokens) and node of the longest
// name starting at token i, or ok=false.
func (t *trie) longest(toks []tok, i int) (end int, node int32, ok bool) {
	cur := int32(0)
	for j := i; j < len(toks) && j-i < t.depth; j++ {
		if toks[j].word < 0 || (j > i && !toks[j].joinable) {
			break
		}
		child, found := t.next[edge(cur, toks[j].word)]
		if !found {
			break
		}
		cur = child
		if len(t.ends[cur]) > 0 {
			end, node, ok = j+1, cur, true
		}
	}
	return end, node, ok
}

// tok is one word of the text being tagged.
type tok struct {
	secmaster.Token
	word     int32 // trie word id or -1
	joinable bool  // only spaces, hyphens or name punctuation separate it from the previous word
	hasDigit bool  // the word holds a digit ("Q3", "4G")
}
