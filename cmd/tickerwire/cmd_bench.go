package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/benchcorpus"
	"github.com/tickerwire/tickerwire/internal/benchreport"
	"github.com/tickerwire/tickerwire/internal/loadgen"
)

func init() {
	register(&command{
		Name:    "bench",
		Summary: "benchmark helpers: a synthetic corpus, a filled store, an HTTP load, the results table",
		Help: `Usage:
  tickerwire bench corpus [--seed S] [--eval DIR] [--data DIR] N
      Writes N realistic articles as JSON Lines ({"id","url","title","text",
      "published","source","companies"}): sentences of the Reuters and gold
      articles in --eval recombined, naming companies of the security master
      (the one stored in --data, else the embedded default), best known most
      often, published over two years. The same seed gives the same articles.
  tickerwire bench fill [--seed S] [--eval DIR] [--data DIR] [--reference DIR] N
      Saves the corpus of N articles (with their companies as annotation) into
      the store in --data, topping up a store filled before.
  tickerwire bench load [--concurrency C] [--duration D] [--name NAME] [--server-pid PID]
                        [--push FILE --push-rate R [--push-url URL]] URL...
      Requests the URLs in turn from C clients for D and prints requests/s and
      latency percentiles (and, given the server's PID, requests per second of
      its CPU time) as a 'go test -bench' line. With --push it writes to the
      server meanwhile: the articles of FILE (JSON Lines, such as 'bench
      corpus' writes) are POSTed one at a time, R a second, to --push-url
      (default: /v1/articles on the first URL's host), each once.
  tickerwire bench report [--commit C] [--out FILE] [FILE...]
      Reads benchmark output ('go test -bench', 'bench load') and prints the
      table of figures (median of the runs, the peer's figure and the ratio,
      the target), also written to --out.`,
		Run: runBench,
	})
}

func runBench(env *Env, args []string) error {
	subs := map[string]func(*Env, []string) error{
		"corpus": runBenchCorpus, "fill": runBenchFill, "load": runBenchLoad, "report": runBenchReport,
	}
	if len(args) == 0 || subs[args[0]] == nil {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			env.FlagSet("bench").Usage()
			return nil
		}
		return errors.New("want 'bench corpus', 'bench fill', 'bench load' or 'bench report' (see tickerwire bench -h)")
	}
	return subs[args[0]](env, args[1:])
}

// corpusFlags are the flags that choose the corpus.
type corpusFlags struct {
	seed       *uint64
	eval, data *string
}

func addCorpusFlags(fs *flag.FlagSet) corpusFlags {
	return corpusFlags{
		seed: fs.Uint64("seed", 1, "random seed: the same seed gives the same articles"),
		eval: fs.String("eval", "../shared/data/eval", "directory of the real texts (Reuters-21578 and gold articles)"),
		data: fs.String("data", defaultDataDir, "data directory whose security master names the companies"),
	}
}

// generator returns the corpus generator of n articles the flags describe.
func (f corpusFlags) generator(env *Env, n int) (*benchcorpus.Generator, error) {
	texts, err := benchcorpus.Load(*f.eval)
	if err != nil {
		return nil, err
	}
	m, err := loadMaster(env, *f.data, "")
	if err != nil {
		return nil, err
	}
	return benchcorpus.New(texts, m, n, *f.seed)
}

// parseInterleaved parses flags that may come after the arguments
// ("corpus 1000 --seed 2") and returns the arguments.
func parseInterleaved(env *Env, fs *flag.FlagSet, args []string) ([]string, error) {
	if err := env.Parse(fs, args); err != nil {
		return nil, err
	}
	var pos []string
	for fs.NArg() > 0 {
		pos = append(pos, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return nil, err
		}
	}
	return pos, nil
}

func articleCount(args []string) (int, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("want one argument N, the number of articles; got %d arguments", len(args))
	}
	n, err := strconv.Atoi(strings.ReplaceAll(args[0], "_", ""))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("bad number of articles %q", args[0])
	}
	return n, nil
}

func runBenchCorpus(env *Env, args []string) error {
	fs := env.FlagSet("bench corpus")
	cf := addCorpusFlags(fs)
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	n, err := articleCount(pos)
	if err != nil {
		return err
	}
	g, err := cf.generator(env, n)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(w)
	for range n {
		if err := enc.Encode(g.Next()); err != nil {
			return err
		}
	}
	return w.Flush()
}

func runBenchFill(env *Env, args []string) error {
	fs := env.FlagSet("bench fill")
	cf := addCorpusFlags(fs)
	ref := fs.String("reference", "", "import these security-master files into the store first")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	n, err := articleCount(pos)
	if err != nil {
		return err
	}
	st, err := openStore(env.Ctx, *cf.data)
	if err != nil {
		return err
	}
	defer st.Close()
	if *ref != "" {
		if _, err := masterFromStore(env, st, *ref); err != nil {
			return err
		}
	}
	g, err := cf.generator(env, n)
	if err != nil {
		return err
	}
	start := time.Now()
	last := start
	err = benchcorpus.Fill(env.Ctx, st, g, n, func(done int) {
		if time.Since(last) > 10*time.Second {
			last = time.Now()
			env.Log.Info("filling", "articles", done, "of", n, "elapsed", time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s holds %d corpus articles (%v)\n", *cf.data, n, time.Since(start).Round(time.Millisecond))
	return nil
}

func runBenchLoad(env *Env, args []string) error {
	fs := env.FlagSet("bench load")
	conc := fs.Int("concurrency", 32, "clients at once")
	dur := fs.Duration("duration", 10*time.Second, "how long to run")
	name := fs.String("name", "BenchmarkAPILoad", "benchmark name to print")
	pid := fs.Int("server-pid", 0, "process id of the server, to report its CPU time per request (Linux)")
	pushFile := fs.String("push", "", "JSON Lines file of articles to POST during the load")
	pushRate := fs.Float64("push-rate", 10, "articles pushed per second (with --push)")
	pushURL := fs.String("push-url", "", "where to POST the articles (default: /v1/articles on the first URL's host)")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("bench load: want at least one URL")
	}
	cfg := loadgen.Config{URLs: fs.Args(), Concurrency: *conc, Duration: *dur, ServerPID: *pid}
	if *pushFile != "" {
		p, err := pushConfig(*pushFile, *pushURL, fs.Arg(0), *pushRate)
		if err != nil {
			return err
		}
		cfg.Push = p
	}
	res, err := loadgen.Run(env.Ctx, cfg)
	if err != nil {
		return err
	}
	if res.Requests == 0 {
		return fmt.Errorf("bench load: no request succeeded (%d errors; first: %v)", res.Errors, res.FirstErr)
	}
	if res.FirstErr != nil {
		env.Log.Warn("failed requests", "errors", res.Errors, "first", res.FirstErr)
	}
	loadgen.BenchLine(env.Stdout, *name, res)
	return nil
}

// pushConfig reads the articles to push, one JSON document a line, and
// where to push them: target, else /v1/articles on the host of loadURL.
func pushConfig(file, target, loadURL string, rate float64) (*loadgen.Push, error) {
	if rate <= 0 {
		return nil, fmt.Errorf("bench load: --push-rate must be positive, not %v", rate)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var bodies [][]byte
	for line := range bytes.Lines(data) {
		if line = bytes.TrimSpace(line); len(line) > 0 {
			bodies = append(bodies, line)
		}
	}
	if len(bodies) == 0 {
		return nil, fmt.Errorf("bench load: %s holds no article to push", file)
	}
	if target == "" {
		u, err := url.Parse(loadURL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("bench load: no host in %q to push to; give --push-url", loadURL)
		}
		target = (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/v1/articles"}).String()
	}
	return &loadgen.Push{URL: target, ContentType: "application/json", Bodies: bodies, Rate: rate}, nil
}

func runBenchReport(env *Env, args []string) error {
	fs := env.FlagSet("bench report")
	commit := fs.String("commit", "", "commit the benchmarks ran on")
	out := fs.String("out", "", "also write the report to this file")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	results := benchreport.Results{}
	if fs.NArg() == 0 {
		if err := benchreport.Parse(env.Stdin, results); err != nil {
			return err
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = benchreport.Parse(f, results)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "# tickerwire benchmarks\n\n- date: %s\n- commit: %s\n- machine: %s\n", time.Now().UTC().Format(time.RFC3339), *commit, benchreport.Machine())
	fmt.Fprintf(&sb, "- figures per cpu-s are per second of the benchmark process's CPU time (one core's work), unaffected by other load; wall-clock figures (/s, ms) depend on the machine's load\n- the individual runs are in bench/raw.txt; regenerate with `make bench` (BENCH_LARGE=1 for the 1,000,000-article figures)\n\n")
	benchreport.Markdown(&sb, benchreport.Rows(benchreport.Figures, results))
	if _, err := io.WriteString(env.Stdout, sb.String()); err != nil {
		return err
	}
	if *out != "" {
		return os.WriteFile(*out, []byte(sb.String()), 0o644)
	}
	return nil
}
