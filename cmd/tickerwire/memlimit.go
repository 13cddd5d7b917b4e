package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
)

// defaultMemoryLimitMiB is serve's soft limit on the Go runtime's memory:
// above the live heap of a full security master, the annotator and both
// caches at their default sizes (~230 MiB), so it only makes the collector
// run sooner when garbage would otherwise double that.
const defaultMemoryLimitMiB = 320

// setMemoryLimit sets the Go runtime's soft memory limit to mib MiB
// (debug.SetMemoryLimit); 0 leaves it unset. A GOMEMLIMIT in the
// environment wins over the flag's default, not over an explicit flag.
func setMemoryLimit(fs *flag.FlagSet, name string, mib int) error {
	if mib < 0 {
		return fmt.Errorf("--%s %d: want MiB ≥ 0", name, mib)
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == name })
	if !explicit && os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	if mib > 0 {
		debug.SetMemoryLimit(int64(mib) << 20)
	}
	return nil
}
