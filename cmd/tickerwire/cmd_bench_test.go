package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

func TestBenchCorpusCommand(t *testing.T) {
	eval := testutil.SharedFile(t, "data/eval")
	data := t.TempDir() // no store: the embedded master
	args := []string{"bench", "corpus", "5", "--seed", "9", "--eval", eval, "--data", filepath.Join(data, "none")}
	code, out, stderr := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var a struct {
			ID, Title, Text string
			Companies       []struct{ Name string }
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil || a.ID == "" || a.Text == "" || len(a.Companies) == 0 {
			t.Errorf("bad article %s (%v)", l, err)
		}
	}
	if _, again, _ := runCLI(t, "", args...); again != out {
		t.Error("same seed, different corpus")
	}
	if code, _, _ := runCLI(t, "", "bench", "corpus", "--eval", eval, "many"); code == 0 {
		t.Error("bad count: exit 0")
	}
}

func TestBenchReportCommand(t *testing.T) {
	raw := filepath.Join(t.TempDir(), "raw.txt")
	out := filepath.Join(t.TempDir(), "RESULTS.md")
	os.WriteFile(raw, []byte("BenchmarkIngest\t1\t1 ns/op\t600 articles/s\nBenchmarkIngest\t1\t1 ns/op\t400 articles/s\nBenchmarkIngest\t1\t1 ns/op\t550 articles/s\n"), 0o644)
	code, stdout, stderr := runCLI(t, "", "bench", "report", "--commit", "abc1234", "--out", out, raw)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	written, err := os.ReadFile(out)
	if err != nil || string(written) != stdout {
		t.Fatalf("--out holds %q (%v), want what was printed", written, err)
	}
	for _, want := range []string{"commit: abc1234", "| ingest end to end, SQLite (wall) | articles/s | 550 |", "| met |"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
}
