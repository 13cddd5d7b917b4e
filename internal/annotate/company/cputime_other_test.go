//go:build !unix

package company

import "time"

// cpuTime is not measured on this system.
func cpuTime() time.Duration { return 0 }
