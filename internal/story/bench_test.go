package story

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// stream synthesises a realistic news stream from labelled story texts:
// stories start, gather articles for some hours and fade; each article
// rewrites texts of one labelled story (dropping and swapping words) and
// carries the names of its own synthetic story, so that stories far apart
// in time stay distinct as real ones do.
type stream struct {
	rng     *rand.Rand
	byStory [][]fixture // labelled articles grouped by story
	vocab   []string    // every word of the labelled texts
	active  []*synthStory
	now     time.Time
	step    time.Duration
	next    int
}

type synthStory struct {
	id    string
	base  []fixture
	names []string
	left  int
}

func newStream(t testing.TB, perDay int) *stream {
	t.Helper()
	all := readFixtures(t, testutil.SharedFile(t, "data/eval/googlenews-clusters-dev.jsonl"))
	groups := map[label][]fixture{}
	var order []label
	var vocab []string
	for _, f := range all {
		if _, ok := groups[f.Story]; !ok {
			order = append(order, f.Story)
		}
		groups[f.Story] = append(groups[f.Story], f)
		vocab = append(vocab, strings.Fields(f.Text)...)
	}
	s := &stream{
		rng:   rand.New(rand.NewPCG(1, 2)),
		vocab: vocab,
		now:   time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		step:  24 * time.Hour / time.Duration(perDay),
	}
	for _, k := range order {
		s.byStory = append(s.byStory, groups[k])
	}
	return s
}

// name is a made-up proper name, such as a company or a place.
func (s *stream) name() string {
	const letters = "bcdfghklmnprstvz"
	const vowels = "aeiou"
	var b strings.Builder
	for range 2 + s.rng.IntN(2) {
		b.WriteByte(letters[s.rng.IntN(len(letters))])
		b.WriteByte(vowels[s.rng.IntN(len(vowels))])
	}
	return b.String()
}

// rewrite keeps most words of text, drops some and swaps some for random
// words of the vocabulary, and adds the story's names.
func (s *stream) rewrite(text string, names []string) string {
	words := strings.Fields(text)
	out := make([]string, 0, len(words)+len(names))
	for _, w := range words {
		switch r := s.rng.Float64(); {
		case r < 0.15:
		case r < 0.3:
			out = append(out, s.vocab[s.rng.IntN(len(s.vocab))])
		default:
			out = append(out, w)
		}
	}
	for _, n := range names {
		out = append(out, n)
	}
	s.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return strings.Join(out, " ")
}

// doc returns the next article of the stream.
func (s *stream) doc() Doc {
	s.now = s.now.Add(s.step)
	if len(s.active) < 50 || s.rng.IntN(8) == 0 {
		g := s.byStory[s.rng.IntN(len(s.byStory))]
		st := &synthStory{id: fmt.Sprint("s", s.next), base: g, names: []string{s.name(), s.name()}, left: 1 + s.rng.IntN(16)}
		s.active = append(s.active, st)
	}
	i := s.rng.IntN(len(s.active))
	st := s.active[i]
	st.left--
	if st.left == 0 {
		s.active[i] = s.active[len(s.active)-1]
		s.active = s.active[:len(s.active)-1]
	}
	f := st.base[s.rng.IntN(len(st.base))]
	s.next++
	return Doc{
		ID:        fmt.Sprint("a", s.next),
		Title:     s.rewrite(f.Title, st.names[:1]),
		Text:      s.rewrite(f.Text, st.names),
		Published: s.now,
	}
}

// BenchmarkAssign assigns articles after a history of one million articles
// (about 33,000 a day over a month) with the default 72-hour window, and
// reports the rate, the window's size and the heap it retains.
func BenchmarkAssign(b *testing.B) {
	history := benchHistory
	s := newStream(b, 33_000)
	c := NewClusterer(DefaultConfig())
	start, startCPU := time.Now(), cpuTime(b)
	for range history {
		c.Assign(s.doc())
	}
	b.Logf("history: %d articles synthesised and assigned in %v (%v of CPU)", history,
		time.Since(start).Round(time.Millisecond), (cpuTime(b) - startCPU).Round(time.Millisecond))
	docs := make([]Doc, 20_000)
	for i := range docs {
		docs[i] = s.doc()
	}
	b.ReportAllocs()
	cpu0 := cpuTime(b)
	n := 0
	for b.Loop() {
		c.Assign(docs[n%len(docs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	// On a shared machine the wall-clock rate depends on the other load;
	// the rate per second of this process's CPU time does not.
	if cpu := cpuTime(b) - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
	st := c.Stats()
	b.ReportMetric(float64(history), "history-articles")
	b.ReportMetric(float64(st.Articles), "window-articles")
	b.ReportMetric(float64(st.Stories), "window-stories")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB")
	runtime.KeepAlive(c)
}

// benchHistory is the number of articles streamed before measuring.
var benchHistory = envInt("STORY_BENCH_HISTORY", 1_000_000)

// envInt reads an integer from the environment, or returns def.
func envInt(name string, def int) int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(name), &n); err != nil || n <= 0 {
		return def
	}
	return n
}
