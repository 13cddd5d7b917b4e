package benchreport

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// Machine describes the machine the benchmarks ran on: cores, CPU model
// and memory (from /proc on Linux) and the load average when they ran.
func Machine() string {
	model := procField("/proc/cpuinfo", "model name")
	mem := procField("/proc/meminfo", "MemTotal")
	load, _ := os.ReadFile("/proc/loadavg")
	return fmt.Sprintf("%d cores (nproc), %s, %s memory, %s/%s; load average at report time: %s",
		runtime.NumCPU(), orUnknown(model), orUnknown(mem), runtime.GOOS, runtime.GOARCH,
		orUnknown(strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " ")))
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
