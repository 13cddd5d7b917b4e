package bench

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/secmaster"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// cpuTime is the CPU time (user and system) the process has used: on a
// shared machine throughput per CPU second is the figure for one core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchDir is where built stores and indexes are kept between runs.
func benchDir(b *testing.B) string {
	dir := os.Getenv("BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tickerwire-bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// large says whether the 1,000,000-article figures are wanted.
func large() bool { return os.Getenv("BENCH_LARGE") == "1" }

type article struct{ title, text string }

var (
	reutersOnce sync.Once
	reutersArts []article
	reutersErr  error
)

// reuters returns the Reuters-21578 training articles.
func reuters(b *testing.B) []article {
	path := testutil.SharedFile(b, "data/eval/reuters21578-modapte-train.jsonl")
	reutersOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			reutersErr = err
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				reutersErr = err
				return
			}
			reutersArts = append(reutersArts, article{a.Title, a.Text})
		}
		reutersErr = sc.Err()
	})
	if reutersErr != nil {
		b.Fatal(reutersErr)
	}
	return reutersArts
}

func words(a article) int { return len(strings.Fields(a.title)) + len(strings.Fields(a.text)) }

var (
	masterOnce sync.Once
	master     *secmaster.Master
	masterErr  error
)

// fullMaster returns the full security master (the reference files imported
// over the embedded default), imported once and cached in benchDir.
func fullMaster(b *testing.B) *secmaster.Master {
	ref := testutil.SharedFile(b, "data/reference")
	cache := filepath.Join(benchDir(b), "master.bin")
	masterOnce.Do(func() {
		if enc, err := os.ReadFile(cache); err == nil {
			if master, masterErr = secmaster.Decode(enc); masterErr == nil {
				return
			}
		}
		master, _, masterErr = secmaster.ImportDir(ref, secmaster.Curated())
		if masterErr != nil {
			return
		}
		enc, err := master.Encode()
		if err == nil {
			err = os.WriteFile(cache, enc, 0o644)
		}
		masterErr = err
	})
	if masterErr != nil {
		b.Fatal(masterErr)
	}
	return master
}
