package story

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// TestGoogleNewsDev clusters the labelled GoogleNews story set in its file
// order and scores it with the project's scorer, score_clusters.py.
func TestGoogleNewsDev(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation run")
	}
	gold := testutil.SharedFile(t, "data/eval/googlenews-clusters-dev.jsonl")
	scorer := testutil.SharedFile(t, "eval/score_clusters.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found for the scorer")
	}
	c := NewClusterer(DefaultConfig())
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	f, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for _, fx := range readFixtures(t, gold) {
		a := c.Assign(fx.doc())
		if err := enc.Encode(map[string]string{"id": fx.ID, "story": a.Story}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, scorer, gold, pred).Output()
	if err != nil {
		t.Fatalf("scorer: %v", err)
	}
	var score struct {
		NMI      float64 `json:"nmi"`
		BCubedF1 float64 `json:"bcubed_f1"`
	}
	if err := json.Unmarshal(out, &score); err != nil {
		t.Fatalf("scorer output %q: %v", out, err)
	}
	t.Logf("score: %s", out)
	if score.NMI < 0.90 || score.BCubedF1 < 0.85 {
		t.Errorf("NMI %.4f, B-cubed F1 %.4f; want at least 0.90 and 0.85", score.NMI, score.BCubedF1)
	}
}
