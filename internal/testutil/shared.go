// Package testutil helps tests find the project's shared data, which lives in
// ../shared beside the repository (in CI and on developers' machines) and is
// never copied into it.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod, searching up from the
// working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// SharedDir returns the path of ../shared beside the repository, or the value
// of TICKERWIRE_SHARED when set. It skips the test with a clear message when
// the directory is missing (CI always has it).
func SharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("TICKERWIRE_SHARED")
	if dir == "" {
		dir = filepath.Join(RepoRoot(t), "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not found at %s (set TICKERWIRE_SHARED): %v", dir, err)
	}
	return dir
}

// SharedFile returns the path of a file under the shared directory, skipping
// the test when it is missing.
func SharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared file %s missing: %v", p, err)
	}
	return p
}
