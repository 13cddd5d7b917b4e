// Package loadgen is a small HTTP load generator: a number of concurrent
// clients request a list of URLs in turn for a while and it reports
// requests per second and latency percentiles.
package loadgen

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config says what to request and how hard.
type Config struct {
	URLs        []string      // requested in turn
	Concurrency int           // clients at once
	Duration    time.Duration // how long to run
	Client      *http.Client  // optional
	ServerPID   int           // optional: the server's process, whose CPU time is measured
	// Push, when set, writes to the server while it is loaded: its bodies
	// are POSTed to its URL in turn at its rate for the whole run.
	Push *Push
}

// Push is a steady stream of writes during a load: Bodies (articles as
// JSON, for POST /v1/articles) are posted to URL one at a time, Rate per
// second, each body once.
type Push struct {
	URL         string
	ContentType string
	Bodies      [][]byte
	Rate        float64
}

// Result is what a run measured. Only successful (HTTP 2xx) requests count
// in the latencies and the rate.
type Result struct {
	Requests int
	Errors   int
	Elapsed  time.Duration
	P50, P99 time.Duration
	FirstErr error
	// ServerCPU is the CPU time the server process used during the run,
	// when its process id was given (0 otherwise).
	ServerCPU time.Duration
	// Pushed and PushErrors count the bodies of Config.Push posted with
	// a 2xx answer and those that failed.
	Pushed, PushErrors int
}

// Rate is the successful requests per second.
func (r Result) Rate() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

// Run runs the load until cfg.Duration has passed or ctx is done.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if len(cfg.URLs) == 0 || cfg.Concurrency < 1 || cfg.Duration <= 0 {
		return Result{}, fmt.Errorf("loadgen: want URLs, concurrency ≥ 1 and a duration")
	}
	client := cfg.Client
	if client == nil {
		client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Concurrency}, Timeout: 30 * time.Second}
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var (
		mu   sync.Mutex
		res  Result
		lats []time.Duration
		wg   sync.WaitGroup
	)
	var cpu0 time.Duration
	if cfg.ServerPID > 0 {
		var err error
		if cpu0, err = ProcessCPU(cfg.ServerPID); err != nil {
			return Result{}, err
		}
	}
	start := time.Now()
	if cfg.Push != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, errs, err := push(ctx, client, cfg.Push)
			mu.Lock()
			res.Pushed, res.PushErrors = ok, errs
			if res.FirstErr == nil {
				res.FirstErr = err
			}
			mu.Unlock()
		}()
	}
	for w := range cfg.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			var errs int
			var firstErr error
			for i := w; ctx.Err() == nil; i++ {
				t0 := time.Now()
				err := get(ctx, client, cfg.URLs[i%len(cfg.URLs)])
				if ctx.Err() != nil {
					break // cut short by the end of the run
				}
				if err != nil {
					errs++
					if firstErr == nil {
						firstErr = err
					}
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lats = append(lats, mine...)
			res.Errors += errs
			if res.FirstErr == nil {
				res.FirstErr = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.Requests = len(lats)
	if cfg.ServerPID > 0 {
		cpu1, err := ProcessCPU(cfg.ServerPID)
		if err != nil {
			return res, err
		}
		res.ServerCPU = cpu1 - cpu0
	}
	if len(lats) > 0 {
		slices.Sort(lats)
		res.P50 = lats[len(lats)/2]
		res.P99 = lats[len(lats)*99/100]
	}
	return res, nil
}

// push posts p's bodies at p's rate until ctx is done or they run out; it
// returns how many were accepted and how many failed, with the first
// failure.
func push(ctx context.Context, client *http.Client, p *Push) (ok, errs int, first error) {
	if p.Rate <= 0 || len(p.Bodies) == 0 {
		return 0, 0, nil
	}
	tick := time.NewTicker(time.Duration(float64(time.Second) / p.Rate))
	defer tick.Stop()
	for _, body := range p.Bodies {
		select {
		case <-ctx.Done():
			return ok, errs, first
		case <-tick.C:
		}
		err := post(ctx, client, p.URL, p.ContentType, body)
		if ctx.Err() != nil {
			break
		}
		if err != nil {
			errs++
			if first == nil {
				first = err
			}
			continue
		}
		ok++
	}
	return ok, errs, first
}

func post(ctx context.Context, client *http.Client, url, contentType string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	return do(client, req)
}

func get(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	return do(client, req)
}

// do sends req and reads the answer, an error unless it is a 2xx.
func do(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s", req.Method, req.URL, resp.Status)
	}
	return nil
}

// BenchLine writes r in the format of `go test -bench`, so that it can be
// tabulated with the other benchmarks.
func BenchLine(w io.Writer, name string, r Result) {
	nsPerOp := 0.0
	if r.Requests > 0 {
		nsPerOp = float64(r.Elapsed.Nanoseconds()) / float64(r.Requests)
	}
	fmt.Fprintf(w, "%s\t%d\t%.0f ns/op\t%.1f req/s\t%.3f p50-ms\t%.3f p99-ms\t%d errors",
		name, r.Requests, nsPerOp, r.Rate(), ms(r.P50), ms(r.P99), r.Errors)
	if r.ServerCPU > 0 && r.Requests > 0 {
		// requests per second one core of the server answers
		fmt.Fprintf(w, "\t%.1f req/server-cpu-s", float64(r.Requests)/r.ServerCPU.Seconds())
	}
	if r.Pushed > 0 || r.PushErrors > 0 {
		fmt.Fprintf(w, "\t%.1f pushed/s\t%d push-errors", float64(r.Pushed)/r.Elapsed.Seconds(), r.PushErrors)
	}
	fmt.Fprintln(w)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// ProcessCPU returns the CPU time (user and system) process pid has used,
// from /proc/PID/stat (Linux; its clock ticks are 1/100 s).
func ProcessCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// the command name (field 2) may hold spaces; the fields after it are plain
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("%s: too few fields", "/proc/"+strconv.Itoa(pid)+"/stat")
	}
	var ticks int64
	for _, field := range f[11:13] { // utime, stime (fields 14 and 15)
		n, err := strconv.ParseInt(field, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}
