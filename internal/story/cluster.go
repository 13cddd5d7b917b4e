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
// Config.Threshold; a near-duplicate of a recent article (same SimHash up to
// DuplicateDistance bits) joins that article's story directly. Stories whose
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
	queue     []*docState // articles in the window, in arrival order
	head      int         // first live entry of queue
	stories   map[uint32]*storyState
	storyByID map[string]*storyState
	postings  map[uint32][]uint32         // term → story numbers, oldest first
	bands     map[uint64][]*docState      // fingerprint band → articles
	dead      int                         // stories evicted since the last sweep

	// scratch space reused between calls
	terms []string
	vec   []termWeight
	acc   map[uint32]float64
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
	num      uint32
	title    string
	centroid map[uint32]float32
	norm2    float64
	members  []*docState // in the window, in arrival order
	count    int         // every article ever assigned
	first    time.Time
	last     time.Time
}

type candidate struct {
	num   uint32
	score float64
}

const (
	dfBuckets = 1 << 20
	// minDuplicateTerms is the fewest terms an article needs for its
	// fingerprint to decide a duplicate; shorter texts are clustered by
	// similarity alone.
	minDuplicateTerms = 8
	// maxBandScan bounds the articles read from one fingerprint band.
	maxBandScan = 64
)

// NewClusterer returns an empty Clusterer.
func NewClusterer(cfg Config) *Clusterer {
	return &Clusterer{
		cfg:       cfg.withDefaults(),
		tok:       NewTokenizer(),
		df:        make([]uint32, dfBuckets),
		docs:      make(map[string]*docState),
		stories:   make(map[uint32]*storyState),
		storyByID: make(map[string]*storyState),
		postings:  make(map[uint32][]uint32),
		bands:     make(map[uint64][]*docState),
		acc:       make(map[uint32]float64),
	}
}

// Assign decides the story of an arriving article and records it. An article
// whose id is already in the window keeps the story it has.
func (c *Clusterer) Assign(d Doc) Assignment {
	if old, ok := c.docs[d.ID]; ok {
		return Assignment{Story: old.story.id}
	}
	doc, nterms := c.prepare(d)
	if nterms >= minDuplicateTerms {
		if dup := c.findDuplicate(doc.fp); dup != nil {
			c.join(doc, dup.story)
			return Assignment{Story: dup.story.id, Duplicate: dup.id, Score: 1}
		}
	}
	best, score := c.bestStory(doc.vec)
	if best == nil || score < c.cfg.Threshold {
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
	doc, _ := c.prepare(d)
	s := c.storyByID[storyID]
	if s == nil {
		s = c.newStory(storyID, doc)
	}
	c.join(doc, s)
}

// prepare advances the clock, evicts what left the window, counts the
// article's terms and builds its vector and fingerprint.
func (c *Clusterer) prepare(d Doc) (*docState, int) {
	c.seq++
	if d.Published.After(c.now) {
		c.now = d.Published
	}
	c.evict()

	c.terms = c.tok.Terms(c.terms[:0], d.Title)
	titleTerms := len(c.terms)
	c.terms = c.tok.Terms(c.terms, d.Text)
	doc := &docState{id: d.ID, title: d.Title, at: c.now, seq: c.seq}
	doc.fp = FingerprintOf(c.terms)

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
	return doc, len(c.terms)
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

// termID hashes a term of a kind (word, company, event) to a 32-bit id.
func termID(kind, term string) uint32 {
	h := fnvString(fnvString(fnvOffset, kind), term)
	return uint32(mix64(h))
}

// findDuplicate returns the earliest article in the window whose fingerprint
// near-duplicates fp, or nil.
func (c *Clusterer) findDuplicate(fp Fingerprint) *docState {
	var best *docState
	for _, b := range fp.bands() {
		list := c.bands[b]
		if len(list) > maxBandScan {
			list = list[len(list)-maxBandScan:]
		}
		for _, d := range list {
			if fp.NearDuplicate(d.fp) && (best == nil || d.seq < best.seq) {
				best = d
			}
		}
	}
	return best
}

// bestStory finds candidate stories through the inverted index and returns
// the one whose centroid is most similar to vec, with the similarity.
func (c *Clusterer) bestStory(vec []termWeight) (*storyState, float64) {
	query := c.queryTerms(vec)
	clear(c.acc)
	for _, tw := range query {
		list := c.postings[tw.term]
		if len(list) > c.cfg.PostingScan {
			list = list[len(list)-c.cfg.PostingScan:]
		}
		for _, num := range list {
			c.acc[num] += float64(tw.w)
		}
	}
	c.cands = c.cands[:0]
	for num, s := range c.acc {
		c.cands = append(c.cands, candidate{num, s})
	}
	slices.SortFunc(c.cands, func(a, b candidate) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.num, b.num)
	})
	var best *storyState
	bestScore := 0.0
	n := 0
	for _, cand := range c.cands {
		if n == c.cfg.Candidates {
			break
		}
		s := c.stories[cand.num]
		if s == nil {
			continue
		}
		n++
		if sim := s.similarity(vec); sim > bestScore {
			best, bestScore = s, sim
		}
	}
	return best, bestScore
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

// similarity is the cosine of vec (unit length) and the story's centroid.
func (s *storyState) similarity(vec []termWeight) float64 {
	if s.norm2 <= 0 {
		return 0
	}
	var dot float64
	for _, tw := range vec {
		dot += float64(tw.w) * float64(s.centroid[tw.term])
	}
	return dot / math.Sqrt(s.norm2)
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
	c.stories[s.num] = s
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
			c.postings[tw.term] = append(c.postings[tw.term], s.num)
		}
	}
	if len(s.centroid) > c.cfg.MaxStoryTerms {
		s.prune(c.cfg.MaxStoryTerms * 3 / 4)
	}
	s.members = append(s.members, d)
	s.count++
	s.last = d.at
	c.docs[d.id] = d
	c.queue = append(c.queue, d)
	if d.fp != 0 {
		for _, b := range d.fp.bands() {
			c.bands[b] = append(c.bands[b], d)
		}
	}
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
	if c.dead > 1024 && c.dead > len(c.stories) {
		c.sweep()
	}
}

// forget removes one article, the oldest of its story, from the window.
func (c *Clusterer) forget(d *docState) {
	if c.docs[d.id] == d {
		delete(c.docs, d.id)
	}
	if d.fp != 0 {
		for _, b := range d.fp.bands() {
			list := c.bands[b]
			if i := slices.Index(list, d); i >= 0 {
				list = slices.Delete(list, i, i+1)
			}
			if len(list) == 0 {
				delete(c.bands, b)
			} else {
				c.bands[b] = list
			}
		}
	}
	s := d.story
	if len(s.members) > 0 && s.members[0] == d {
		s.members[0] = nil
		s.members = s.members[1:]
	}
	if len(s.members) == 0 {
		delete(c.stories, s.num)
		if c.storyByID[s.id] == s {
			delete(c.storyByID, s.id)
		}
		c.dead++
	}
}

// sweep drops evicted stories and repeated entries from every posting list.
func (c *Clusterer) sweep() {
	seen := make(map[uint32]struct{})
	for t, list := range c.postings {
		clear(seen)
		out := list[:0]
		for _, num := range list {
			s := c.stories[num]
			if s == nil {
				continue
			}
			if _, dup := seen[num]; dup {
				continue
			}
			if _, has := s.centroid[t]; !has {
				continue
			}
			seen[num] = struct{}{}
			out = append(out, num)
		}
		if len(out) == 0 {
			delete(c.postings, t)
		} else {
			c.postings[t] = slices.Clip(out)
		}
	}
	c.dead = 0
}
