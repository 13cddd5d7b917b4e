package story

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fixture is one line of testdata/stories.jsonl: an article and the story
// it belongs to.
type fixture struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Published time.Time `json:"published"`
	Companies []string  `json:"companies"`
	Events    []string  `json:"events"`
	Story     label     `json:"story"`
}

// label is a story label, written as a JSON string or number.
type label string

func (l *label) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = label(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*l = label(n)
	return nil
}

func (f fixture) doc() Doc {
	return Doc{ID: f.ID, Title: f.Title, Text: f.Text, Published: f.Published, Companies: f.Companies, Events: f.Events}
}

func readFixtures(t testing.TB, path string) []fixture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var fx fixture
		if err := json.Unmarshal(sc.Bytes(), &fx); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, fx)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// partition groups ids by label, as sorted groups in order of their first id.
func partition(ids, labels []string) [][]string {
	groups := map[string][]string{}
	var order []string
	for i, id := range ids {
		if _, ok := groups[labels[i]]; !ok {
			order = append(order, labels[i])
		}
		groups[labels[i]] = append(groups[labels[i]], id)
	}
	out := make([][]string, 0, len(order))
	for _, l := range order {
		g := groups[l]
		slices.Sort(g)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []string) int { return cmpStrings(a[0], b[0]) })
	return out
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestClustererStories(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	byStory := func(names ...string) []fixture {
		var out []fixture
		for _, f := range all {
			if slices.Contains(names, string(f.Story)) {
				out = append(out, f)
			}
		}
		return out
	}
	tests := []struct {
		name string
		in   []fixture
	}{
		{"everything in arrival order", all},
		{"wire copies from several sources", byStory("fed", "oil", "nissan-foxconn")},
		{"same company same day, different news", byStory("nissan-foxconn", "nissan-recall", "nissan-ceo")},
		{"same company without background", byStory("nissan-recall", "nissan-ceo", "apple")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClusterer(DefaultConfig())
			var ids, got, want []string
			for _, f := range tt.in {
				a := c.Assign(f.doc())
				ids = append(ids, f.ID)
				got = append(got, a.Story)
				want = append(want, string(f.Story))
			}
			if diff := cmp.Diff(partition(ids, want), partition(ids, got)); diff != "" {
				t.Errorf("stories (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAssignReportsNewAndDuplicate(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	c := NewClusterer(DefaultConfig())
	got := map[string]Assignment{}
	for _, f := range all {
		got[f.ID] = c.Assign(f.doc())
	}
	want := map[string]Assignment{
		"a-reuters": {Story: "a-reuters", New: true},
		"a-yahoo":   {Story: "a-reuters", Duplicate: "a-reuters", Score: 1},
		"b-recall":  {Story: "b-recall", New: true},
		"c-ceo":     {Story: "c-ceo", New: true},
	}
	for id, w := range want {
		if diff := cmp.Diff(w, got[id]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", id, diff)
		}
	}
}

func TestDeterministic(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	run := func() []Assignment {
		c := NewClusterer(DefaultConfig())
		var out []Assignment
		for _, f := range all {
			out = append(out, c.Assign(f.doc()))
		}
		return out
	}
	first := run()
	for range 3 {
		if diff := cmp.Diff(first, run()); diff != "" {
			t.Fatalf("second run differs (-first +again):\n%s", diff)
		}
	}
}

func TestRestoreRebuildsState(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	last := all[len(all)-1]
	live := NewClusterer(DefaultConfig())
	restored := NewClusterer(DefaultConfig())
	for _, f := range all[:len(all)-1] {
		a := live.Assign(f.doc())
		restored.Add(f.doc(), a.Story)
	}
	if diff := cmp.Diff(live.Stats(), restored.Stats()); diff != "" {
		t.Errorf("stats (-live +restored):\n%s", diff)
	}
	if diff := cmp.Diff(live.Assign(last.doc()), restored.Assign(last.doc())); diff != "" {
		t.Errorf("next assignment (-live +restored):\n%s", diff)
	}
}

func TestWindowEvictsOldStories(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	c := NewClusterer(Config{Window: 24 * time.Hour})
	for _, f := range all {
		c.Assign(f.doc())
	}
	a := all[5] // the first Nissan-Foxconn article
	later := a.doc()
	later.ID = "a-week-later"
	later.Published = a.Published.Add(7 * 24 * time.Hour)
	got := c.Assign(later)
	if diff := cmp.Diff(Assignment{Story: "a-week-later", New: true}, got); diff != "" {
		t.Errorf("a copy a week later (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Stats{Articles: 1, Stories: 1, Terms: len(c.postings)}, c.Stats()); diff != "" {
		t.Errorf("window after a week (-want +got):\n%s", diff)
	}
	if _, ok := c.Story("a-reuters"); ok {
		t.Error("evicted story a-reuters still described")
	}
}

func TestMaxArticlesBoundsUndatedStream(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	c := NewClusterer(Config{MaxArticles: 4})
	for _, f := range all {
		d := f.doc()
		d.Published = time.Time{}
		c.Assign(d)
		if n := c.Stats().Articles; n > 4 {
			t.Fatalf("after %s: %d articles in the window, want at most 4", f.ID, n)
		}
	}
}

func TestStoryAndSimilar(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	c := NewClusterer(DefaultConfig())
	for _, f := range all {
		c.Assign(f.doc())
	}
	info, ok := c.Story("a-reuters")
	if !ok {
		t.Fatal("story a-reuters not found")
	}
	wantInfo := StoryInfo{
		ID: "a-reuters", Title: all[5].Title, Count: 5,
		Members: []string{"a-reuters", "a-yahoo", "a-investing", "a-headline", "a-late"},
		First:   all[5].Published, Last: all[len(all)-1].Published,
	}
	if diff := cmp.Diff(wantInfo, info); diff != "" {
		t.Errorf("story (-want +got):\n%s", diff)
	}

	sim := c.Similar("a-reuters", 3)
	var ids []string
	for _, m := range sim {
		ids = append(ids, m.ID)
	}
	if diff := cmp.Diff([]string{"a-yahoo", "a-investing", "a-late"}, ids); diff != "" {
		t.Errorf("similar ids (-want +got):\n%s", diff)
	}
	if len(sim) > 0 && (!sim[0].Duplicate || sim[0].Story != "a-reuters") {
		t.Errorf("best match %+v: want a duplicate in story a-reuters", sim[0])
	}
	if got := c.Similar("no-such-article", 3); got != nil {
		t.Errorf("Similar of an unknown article = %v, want nil", got)
	}
}

func TestFirstArticleReturnsToItsOpenStory(t *testing.T) {
	all := readFixtures(t, "testdata/stories.jsonl")
	c := NewClusterer(Config{MaxArticles: 2})
	for _, f := range all[5:8] { // a-reuters and two copies; a-reuters leaves the window
		c.Assign(f.doc())
	}
	if _, ok := c.StoryOf("a-reuters"); ok {
		t.Fatal("a-reuters still in the window")
	}
	if diff := cmp.Diff(Assignment{Story: "a-reuters"}, c.Assign(all[5].doc())); diff != "" {
		t.Errorf("a-reuters again (-want +got):\n%s", diff)
	}
	if info, _ := c.Story("a-reuters"); info.Count != 4 {
		t.Errorf("story a-reuters has %d articles, want 4", info.Count)
	}
}
