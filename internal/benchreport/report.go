// Package benchreport turns the output of `go test -bench` (and of the
// benchmark tools that print the same format) into the table of tickerwire's
// performance figures: the median of every run, the peer's figure from the
// same run, their ratio and the target.
package benchreport

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// Results holds every value measured, by benchmark name (without the -N
// GOMAXPROCS suffix) and unit.
type Results map[string]map[string][]float64

var procsSuffix = regexp.MustCompile(`-\d+$`)

// Parse reads benchmark output (several runs of the same benchmark give
// several values). Lines that are not results are skipped.
func Parse(r io.Reader, results Results) error {
	br := benchfmt.NewReader(r, "bench")
	for br.Scan() {
		res, ok := br.Result().(*benchfmt.Result)
		if !ok {
			continue
		}
		name := "Benchmark" + procsSuffix.ReplaceAllString(res.Name.String(), "")
		if results[name] == nil {
			results[name] = map[string][]float64{}
		}
		for _, v := range res.Values {
			unit, value := v.Unit, v.Value
			if v.OrigUnit != "" {
				unit, value = v.OrigUnit, v.OrigValue
			}
			results[name][unit] = append(results[name][unit], value)
		}
	}
	return br.Err()
}

// Median returns the median of the values of bench in unit, and how many
// runs there were (0 when none).
func (rs Results) Median(bench, unit string) (float64, int) {
	vs := slices.Clone(rs[bench][unit])
	if len(vs) == 0 {
		return math.NaN(), 0
	}
	slices.Sort(vs)
	m := vs[len(vs)/2]
	if len(vs)%2 == 0 {
		m = (vs[len(vs)/2-1] + m) / 2
	}
	return m, len(vs)
}

// Metric names one measured value.
type Metric struct {
	Bench string // benchmark name; a trailing "/*" stands for each sub-benchmark
	Unit  string
}

// Figure is one row of the table: a value of tickerwire and, optionally,
// the same value of a peer library.
type Figure struct {
	Name     string
	Ours     Metric
	PeerName string
	Peer     Metric // zero when there is no peer
	// Target, when set, says whether ours (and peer) meet the target Goal
	// describes.
	Goal   string
	Target func(ours, peer float64) bool
	// TargetFor, when set, is the only sub-benchmark the target is judged
	// on (such as "1000000" for a target at a million articles).
	TargetFor string
}

// Row is a figure with its values.
type Row struct {
	Name, Unit, PeerName string
	Ours, Peer, Ratio    float64 // NaN when not measured
	Runs                 int
	Goal, Verdict        string
}

// Rows computes the table rows of figures from results, expanding "/*"
// figures over their sub-benchmarks. Figures with no results are left out.
func Rows(figures []Figure, results Results) []Row {
	var rows []Row
	for _, f := range figures {
		for _, sub := range subs(f.Ours.Bench, results) {
			ours, runs := results.Median(expand(f.Ours.Bench, sub), f.Ours.Unit)
			if runs == 0 {
				continue
			}
			name := f.Name
			if sub != "" {
				name += " " + sub
			}
			row := Row{Name: name, Unit: f.Ours.Unit, PeerName: f.PeerName, Ours: ours, Runs: runs,
				Peer: math.NaN(), Ratio: math.NaN(), Goal: f.Goal}
			if f.Peer.Bench != "" {
				var peerRuns int
				row.Peer, peerRuns = results.Median(expand(f.Peer.Bench, sub), f.Peer.Unit)
				row.Ratio = ours / row.Peer
				if peerRuns == 0 {
					row.PeerName += " (not run)"
				}
			}
			if f.Target != nil && (f.TargetFor == "" || f.TargetFor == sub) {
				row.Verdict = "missed"
				if f.Target(ours, row.Peer) {
					row.Verdict = "met"
				}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

func expand(bench, sub string) string {
	if sub == "" {
		return bench
	}
	return strings.TrimSuffix(bench, "*") + sub
}

// subs lists the sub-benchmark names a "/*" pattern matches, or "" for a
// plain name.
func subs(bench string, results Results) []string {
	prefix, ok := strings.CutSuffix(bench, "/*")
	if !ok {
		return []string{""}
	}
	var out []string
	for name := range results {
		if sub, ok := strings.CutPrefix(name, prefix+"/"); ok {
			out = append(out, sub)
		}
	}
	sort.Strings(out)
	return out
}

// Markdown writes rows as a Markdown table.
func Markdown(w io.Writer, rows []Row) {
	fmt.Fprintln(w, "| figure | unit | tickerwire | peer | peer's figure | ratio | runs | target | verdict |")
	fmt.Fprintln(w, "|---|---|---:|---|---:|---:|---:|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %d | %s | %s |\n",
			r.Name, r.Unit, num(r.Ours), r.PeerName, num(r.Peer), ratio(r.Ratio), r.Runs, r.Goal, r.Verdict)
	}
}

func num(v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.3g", v)
}

func ratio(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return fmt.Sprintf("%.2f×", v)
}
