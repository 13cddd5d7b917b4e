package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

func TestTrainRejectsUnknownModel(t *testing.T) {
	code, _, stderr := runCLI(t, "", "train", "weather", "--out", filepath.Join(t.TempDir(), "m.bin.gz"))
	if code == 0 || !strings.Contains(stderr, "unknown model") {
		t.Errorf("exit %d, stderr %q: want an error naming the unknown model", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "train", "events", "--shared", filepath.Join(t.TempDir(), "none"), "--out", filepath.Join(t.TempDir(), "m.bin.gz"))
	if code == 0 || !strings.Contains(stderr, "reuters21578") {
		t.Errorf("exit %d, stderr %q: want an error naming the missing data", code, stderr)
	}
}

// TestTrainReproducesCommittedModels retrains each model and compares it
// byte for byte with the one committed (and embedded).
func TestTrainReproducesCommittedModels(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the models")
	}
	shared := testutil.SharedDir(t)
	for _, model := range []string{"events", "sentiment"} {
		out := filepath.Join(t.TempDir(), model+".bin.gz")
		code, _, stderr := runCLI(t, "", "train", model, "--shared", shared, "--out", out)
		if code != 0 {
			t.Fatalf("train %s: exit %d: %s", model, code, stderr)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "internal/annotate", model, "model.bin.gz"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("train %s: %d bytes differ from the committed model (%d bytes); run go generate ./internal/annotate/%s", model, len(got), len(want), model)
		}
	}
}
