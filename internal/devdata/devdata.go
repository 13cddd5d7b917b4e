// Package devdata finds the shared development data (../shared beside the
// repository: reference lists and labelled evaluation sets) and reads its
// JSON Lines files, for the commands that train the annotators' models.
package devdata

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// SharedDir returns the shared data directory: TICKERWIRE_SHARED when set,
// else the directory "shared" beside the module root above the working
// directory, else "../shared".
func SharedDir() string {
	if d := os.Getenv("TICKERWIRE_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return "../shared"
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared"
		}
		dir = parent
	}
}

// ReadJSONL calls fn with every non-blank line of the JSON Lines file at
// path, in order, and stops at the first error, which it returns with the
// file name and line number.
func ReadJSONL(path string, fn func(line []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// WriteFile creates the file at path and fills it with write (a model's
// Encode); the file is complete only when it returns nil.
func WriteFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
