//go:build !unix

package story

import (
	"testing"
	"time"
)

// cpuTime is not measured on this system; the CPU-time rate is not reported.
func cpuTime(*testing.B) time.Duration { return 0 }
