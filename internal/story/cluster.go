package story

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Clusterer assigns arriving articles to stories online: each article is
// decided when it arrives and never moved. It finds candidate stories through
// an inverted index (term → stories whose centroid holds the term), scores
// them by the cosine of TF-IDF vectors, and joins the best one above
// the story's threshold; a near-duplicate of a recent article of a candidate
// story (see Fingerprint) joins that article's story directly. Stories whose
// last article left the sliding window are evicted, so memory is bounded by
// the window. For the same input order the result is the same.
//
// A story's id is the id of the article that started it: stable, unique as
// long as article ids are, and rebuildable from stored articles.
//
// A Clusterer is not safe for concurrent use; callers serialise Assign.
type Clusterer struct {
	cfg Config
	tok *Tokenizer
	df  []uint32 // hashed document frequencies
	n   int      // articles counted in df

	now     time.Time // the latest article time seen
	seq     uint64    // arrivals so far
	nextNum uint32    // number of the next story

	docs      map[string]*docState
	queue     []*docState   // articles in the window, in arrival order
	head      int           // first live entry of queue
	slots     []*storyState // stories by slot; nil for a free slot
	free      []uint32      // slots ready for reuse
	released  []uint32      // slots of stories evicted since the last sweep
	live      int           // stories in the window
	storyByID map[string]*storyState
	postings  map[uint32][]uint32 // term → story slots, oldest first

	// scratch space reused between calls
	terms []string
	vec   []termWeight
	acc   []float32 // by slot
	hit   []uint32  // slots with a non-zero acc
	cands []candidate
}

// Assignment is the decision for one article.
type Assignment struct {
	Story string // the story id
	New   bool   // the article started the story
	// Duplicate is the id of an earlier article in the window that this one
	// near-duplicates, or "".
	Duplicate string
	// Score is the similarity to the story joined (1 for a duplicate, 0 for
	// a new story).
	Score float64
}

type termWeight struct {
	term uint32
	w    float32
}

type docState struct {
	id    string
	title string
	story *storyState
	vec   []termWeight // sorted by term, unit length
	fp    Fingerprint
	at    time.Time
	seq   uint64
}

type storyState struct {
	id       string
	num      uint32 // creation number
	slot     uint32
	title    string
	centroid map[uint32]float32
	norm2    float64
	members  []*docState // in the window, in arrival order
	sketches []sketch    // the members' fingerprint sketches, side by side
	count    int         // every article ever assigned
	first    time.Time
	last     time.Time
}

type candidate struct {
	s     *storyState
	score float32
}

const (
	dfBuckets = 1 << 20
	// minDuplicateTerms is the fewest terms an article needs for its
	// fingerprint to decide a duplicate; shorter texts are clustered by
	// similarity alone.
	minDuplicateTerms = 8
	// dupStories is how many of the best candidate stories are searched
	// for a near-duplicate, and dupScan how many of their latest articles.
	dupStories = 3
	dupScan    = 128
)

// NewClusterer returns an empty Clusterer.
func NewClusterer(cfg Config) *Clusterer {
	return &Clusterer{
		cfg:       cfg.withDefaults(),
		tok:       NewTokenizer(),
		df:        make([]uint32, dfBuckets),
		docs:      make(map[string]*docState),
		storyByID: make(map[string]*storyState),
		postings:  make(map[uint32][]uint32),
	}
}

// Assign decides the story of an arriving article and records it. An article
// whose id is already in the window keeps the story it has.
func (c *Clusterer) Assign(d Doc) Assignment {
	if old, ok := c.docs[d.ID]; ok {
		return Assignment{Story: old.story.id}
	}
	doc := c.prepare(d)
	if s, ok := c.storyByID[d.ID]; ok {
		// The first article of an open story, back after it left the window.
		c.join(doc, s)
		return Assignment{Story: s.id}
	}
	c.rankCandidates(doc.vec, c.cfg.Candidates)
	if !doc.fp.IsZero() {
		if dup := c.findDuplicate(doc); dup != nil {
			c.join(doc, dup.story)
			return Assignment{Story: dup.story.id, Duplicate: dup.id, Score: 1}
		}
	}
	best, score := c.bestStory(doc.vec)
	if best == nil {
		s := c.newStory(d.ID, doc)
		c.join(doc, s)
		return Assignment{Story: s.id, New: true}
	}
	c.join(doc, best)
	return Assignment{Story: best.id, Score: score}
}

// Add records an article whose story was decided before (replaying stored
// articles at start, in the order they arrived). The story is created when
// it is not in the window.
func (c *Clusterer) Add(d Doc, storyID string) {
	if _, ok := c.docs[d.ID]; ok {
		return
	}
	doc := c.prepare(d)
	s := c.storyByID[storyID]
	if s == nil {
		s = c.newStory(storyID, doc)
	}
	c.join(doc, s)
}

// prepare advances the clock, evicts what left the window, counts the
// article's terms and builds its vector and fingerprint.
func (c *Clusterer) prepare(d Doc) *docState {
	c.seq++
	if d.Published.After(c.now) {
		c.now = d.Published
	}
	c.evict()

	c.terms = c.tok.Terms(c.terms[:0], d.Title)
	titleTerms := len(c.terms)
	c.terms = c.tok.Terms(c.terms, d.Text)
	doc := &docState{id: d.ID, title: d.Title, at: c.now, seq: c.seq}
	// Syndicated copies keep the body and rewrite the headline, so the
	// fingerprint is of the body when there is one.
	switch {
	case len(c.terms)-titleTerms >= minDuplicateTerms:
		doc.fp = FingerprintOf(c.terms[titleTerms:])
	case len(c.terms) >= minDuplicateTerms:
		doc.fp = FingerprintOf(c.terms)
	}

	vec := c.vec[:0]
	for i, t := range c.terms {
		w := float32(1)
		if i < titleTerms {
			w = float32(c.cfg.TitleWeight)
		}
		vec = append(vec, termWeight{termID("w", t), w})
	}
	if c.cfg.CompanyWeight > 0 {
		for _, k := range d.Companies {
			vec = append(vec, termWeight{termID("c", k), float32(c.cfg.CompanyWeight)})
		}
	}
	if c.cfg.EventWeight > 0 {
		for _, e := range d.Events {
			vec = append(vec, termWeight{termID("e", e), float32(c.cfg.EventWeight)})
		}
	}
	vec = mergeTerms(vec)
	c.vec = vec

	c.n++
	var norm float64
	out := make([]termWeight, len(vec))
	for i, tw := range vec {
		b := tw.term & (dfBuckets - 1)
		c.df[b]++
		idf := math.Log(float64(c.n+1)/float64(c.df[b])) + 1
		w := float64(tw.w) * idf
		out[i] = termWeight{tw.term, float32(w)}
		norm += w * w
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range out {
			out[i].w *= inv
		}
	}
	doc.vec = out
	return doc
}

// mergeTerms sorts v by term and sums the weights of equal terms.
func mergeTerms(v []termWeight) []termWeight {
	slices.SortFunc(v, func(a, b termWeight) int { return cmp.Compare(a.term, b.term) })
	out := v[:0]
	for _, tw := range v {
		if n := len(out); n > 0 && out[n-1].term == tw.term {
			out[n-1].w += tw.w
			continue
		}
		out = append(out, tw)
	}
	return out
}

// termID hashes a term of a kind (word, company, event) to a 32-bit id. The
// lowest bit tells words (0) from annotation features (1).
func termID(kind, term string) uint32 {
	h := uint32(mix64(fnvString(fnvString(fnvOffset, kind), term)))
	if kind == "w" {
		return h &^ 1
	}
	return h | 1
}

// isWord reports whether a term id is of a word.
func isWord(term uint32) bool { return term&1 == 0 }

// findDuplicate returns the article most similar to d, the earliest on a
// tie, among the latest articles of the best candidate stories (ranked by
// rankCandidates) whose fingerprint near-duplicates d's, or nil.
func (c *Clusterer) findDuplicate(d *docState) *docState {
	ds := d.fp.sketch()
	var best *docState
	var bestSim float64
	n := 0
	for _, cand := range c.cands {
		if n == dupStories {
			break
		}
		s := cand.s
		n++
		from := max(len(s.members)-dupScan, 0)
		for i, sk := range s.sketches[from:] {
			if sk.matches(ds) < sketchMatches {
				continue
			}
			m := s.members[from+i]
			sim := d.fp.Similarity(&m.fp)
			if sim >= DuplicateSimilarity && (best == nil || sim > bestSim || sim == bestSim && m.seq < best.seq) {
				best, bestSim = m, sim
			}
		}
	}
	return best
}

// bestStory returns the candidate story (ranked by rankCandidates) that vec
// passes the threshold of by the widest margin, with the similarity.
func (c *Clusterer) bestStory(vec []termWeight) (*storyState, float64) {
	var best *storyState
	var bestScore, bestMargin float64
	n := 0
	for _, cand := range c.cands {
		if n == c.cfg.Candidates {
			break
		}
		s := cand.s
		n++
		sim, shared := s.similarity(vec)
		if shared < c.cfg.MinSharedWords {
			continue
		}
		// Rank by the margin over the story's own threshold.
		if m := sim - c.threshold(s.count); m >= 0 && (best == nil || m > bestMargin) {
			best, bestScore, bestMargin = s, sim, m
		}
	}
	return best, bestScore
}

// rankCandidates fills c.cands with the k stories that share the most
// query-term weight with vec, best first (the older story on a tie).
func (c *Clusterer) rankCandidates(vec []termWeight, k int) {
	if len(c.acc) < len(c.slots) {
		c.acc = append(c.acc, make([]float32, len(c.slots)-len(c.acc))...)
	}
	c.hit = c.hit[:0]
	for _, tw := range c.queryTerms(vec) {
		list := c.postings[tw.term]
		if len(list) > c.cfg.PostingScan {
			list = list[len(list)-c.cfg.PostingScan:]
		}
		for _, slot := range list {
			if c.acc[slot] == 0 {
				c.hit = append(c.hit, slot)
			}
			c.acc[slot] += tw.w
		}
	}
	better := func(a, b candidate) bool {
		return a.score > b.score || a.score == b.score && a.s.num < b.s.num
	}
	top := c.cands[:0]
	for _, slot := range c.hit {
		cand := candidate{c.slots[slot], c.acc[slot]}
		c.acc[slot] = 0
		if cand.s == nil || len(top) == k && !better(cand, top[k-1]) {
			continue
		}
		if len(top) < k {
			top = append(top, cand)
		}
		i := len(top) - 1
		for ; i > 0 && better(cand, top[i-1]); i-- {
			top[i] = top[i-1]
		}
		top[i] = cand
	}
	c.cands = top
}

// queryTerms returns the QueryTerms highest-weighted terms of vec.
func (c *Clusterer) queryTerms(vec []termWeight) []termWeight {
	if len(vec) <= c.cfg.QueryTerms {
		return vec
	}
	q := append([]termWeight(nil), vec...)
	slices.SortFunc(q, func(a, b termWeight) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		return cmp.Compare(a.term, b.term)
	})
	return q[:c.cfg.QueryTerms]
}

// similarity is the cosine of vec (unit length) and the story's centroid,
// and the number of words the two share.
func (s *storyState) similarity(vec []termWeight) (float64, int) {
	if s.norm2 <= 0 {
		return 0, 0
	}
	var dot float64
	shared := 0
	for _, tw := range vec {
		if w, ok := s.centroid[tw.term]; ok {
			dot += float64(tw.w) * float64(w)
			if isWord(tw.term) {
				shared++
			}
		}
	}
	return dot / math.Sqrt(s.norm2), shared
}

// threshold is the least similarity for joining a story of n articles. A
// large story's centroid spreads over more words, so a member's cosine to it
// is lower; the threshold falls from Threshold for one article towards
// MinThreshold as 1/sqrt(n).
func (c *Clusterer) threshold(n int) float64 {
	lo, hi := c.cfg.MinThreshold, c.cfg.Threshold
	return lo + (hi-lo)/math.Sqrt(float64(n))
}

func (c *Clusterer) newStory(id string, first *docState) *storyState {
	s := &storyState{
		id:       id,
		num:      c.nextNum,
		title:    first.title,
		centroid: make(map[uint32]float32, len(first.vec)),
		first:    first.at,
	}
	c.nextNum++
	if n := len(c.free); n > 0 {
		s.slot = c.free[n-1]
		c.free = c.free[:n-1]
	} else {
		s.slot = uint32(len(c.slots))
		c.slots = append(c.slots, nil)
	}
	c.slots[s.slot] = s
	c.live++
	c.storyByID[id] = s
	return s
}

// join adds the article to the story, its centroid and the indexes.
func (c *Clusterer) join(d *docState, s *storyState) {
	d.story = s
	for _, tw := range d.vec {
		old, had := s.centroid[tw.term]
		s.centroid[tw.term] = old + tw.w
		s.norm2 += 2*float64(old)*float64(tw.w) + float64(tw.w)*float64(tw.w)
		if !had {
			c.postings[tw.term] = append(c.postings[tw.term], s.slot)
		}
	}
	if len(s.centroid) > c.cfg.MaxStoryTerms {
		s.prune(c.cfg.MaxStoryTerms * 3 / 4)
	}
	s.members = append(s.members, d)
	s.sketches = append(s.sketches, d.fp.sketch())
	s.count++
	s.last = d.at
	c.docs[d.id] = d
	c.queue = append(c.queue, d)
}

// prune keeps the story's keep heaviest centroid terms.
func (s *storyState) prune(keep int) {
	tws := make([]termWeight, 0, len(s.centroid))
	for t, w := range s.centroid {
		tws = append(tws, termWeight{t, w})
	}
	slices.SortFunc(tws, func(a, b termWeight) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		return cmp.Compare(a.term, b.term)
	})
	clear(s.centroid)
	s.norm2 = 0
	for _, tw := range tws[:keep] {
		s.centroid[tw.term] = tw.w
		s.norm2 += float64(tw.w) * float64(tw.w)
	}
}

// evict forgets the articles that left the window, and the stories left
// without articles.
func (c *Clusterer) evict() {
	oldest := c.now.Add(-c.cfg.Window)
	for c.head < len(c.queue) {
		d := c.queue[c.head]
		if !d.at.Before(oldest) && len(c.queue)-c.head < c.cfg.MaxArticles {
			break
		}
		c.queue[c.head] = nil
		c.head++
		c.forget(d)
	}
	if c.head > len(c.queue)/2 && c.head > 1024 {
		c.queue = append(c.queue[:0], c.queue[c.head:]...)
		c.head = 0
	}
	if len(c.released) > 1024 && len(c.released) > c.live {
		c.sweep()
	}
}

// forget removes one article, the oldest of its story, from the window.
func (c *Clusterer) forget(d *docState) {
	if c.docs[d.id] == d {
		delete(c.docs, d.id)
	}
	s := d.story
	if len(s.members) > 0 && s.members[0] == d {
		s.members[0] = nil
		s.members = s.members[1:]
		s.sketches = s.sketches[1:]
	}
	if len(s.members) == 0 {
		s.members, s.sketches, s.centroid = nil, nil, nil
		c.slots[s.slot] = nil
		c.released = append(c.released, s.slot)
		c.live--
		if c.storyByID[s.id] == s {
			delete(c.storyByID, s.id)
		}
	}
}

// sweep drops evicted stories and repeated entries from every posting list,
// then frees the evicted stories' slots for reuse.
func (c *Clusterer) sweep() {
	seen := make(map[uint32]struct{})
	for t, list := range c.postings {
		clear(seen)
		out := list[:0]
		for _, slot := range list {
			s := c.slots[slot]
			if s == nil {
				continue
			}
			if _, dup := seen[slot]; dup {
				continue
			}
			if _, has := s.centroid[t]; !has {
				continue
			}
			seen[slot] = struct{}{}
			out = append(out, slot)
		}
		if len(out) == 0 {
			delete(c.postings, t)
		} else {
			c.postings[t] = slices.Clip(out)
		}
	}
	c.free = append(c.free, c.released...)
	c.released = c.released[:0]
}
