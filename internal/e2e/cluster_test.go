// Package e2e runs tickerwire as separate processes, the way it is deployed.
package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// companies are named in the generated articles, so annotation has work to do.
var companies = []string{"Nissan Motor Co.", "Toyota", "Apple", "Foxconn", "Sony", "Rio Tinto", "Amazon", "Baidu", "Ford", "Uber"}

// feedServer serves feeds feeds of perFeed items each, every item a distinct
// article with its full text in the feed.
func feedServer(t *testing.T, feeds, perFeed int) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil || n < 0 || n >= feeds {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>feed %d</title><link>http://%s/</link><description>test</description>`, n, r.Host)
		for i := n * perFeed; i < (n+1)*perFeed; i++ {
			c := companies[i%len(companies)]
			fmt.Fprintf(w, `<item><title>%s item %d: quarterly update zq%dz</title><link>http://%s/a/%d</link><guid>http://%s/a/%d</guid><pubDate>%s</pubDate><description>%s said on item %d that revenue rose %d percent as demand for its products grew in several markets; the marker zq%dz identifies this article in searches.</description></item>`,
				c, i, i, r.Host, i, r.Host, i, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), c, i, i%40, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// process is one tickerwire process.
type process struct {
	name string
	cmd  *exec.Cmd
	log  *os.File
}

func start(t *testing.T, bin, name string, env []string, args ...string) *process {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{name: name, cmd: cmd, log: f}
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			if b, err := os.ReadFile(logPath); err == nil {
				t.Logf("--- %s log (last 3000 bytes) ---\n%s", name, tail(b, 3000))
			}
		}
	})
	return p
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

func (p *process) stop() {
	if p.cmd.ProcessState == nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = p.cmd.Process.Kill()
			<-done
		}
	}
	p.log.Close()
}

func (p *process) kill(t *testing.T) {
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()
}

// newsFound asks a serve node how many articles match the query.
func newsFound(base, query string) (int, error) {
	resp, err := http.Get(base + "/v1/news/all?limit=1&" + query)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return 0, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	var r struct {
		Meta struct{ Found int } `json:"meta"`
	}
	err = json.Unmarshal(body, &r)
	return r.Meta.Found, err
}

func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s never became healthy", base)
}

// TestTwoServersTwoWorkers runs the multi-machine deployment on loopback:
// PostgreSQL, a NATS JetStream server, two serve and two worker processes.
// 10,000 articles arrive from a local feed server; one worker is killed
// with SIGKILL midway; all must be stored exactly once, annotated and
// searchable through both serve nodes.
func TestTwoServersTwoWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	dbURL := testutil.PostgresSchemaURL(t, "")
	const feeds, perFeed = 20, 500
	const total = feeds * perFeed
	bin := testutil.TickerwireBinary(t)
	natsSrv := testutil.StartNATS(t)
	feedsSrv := feedServer(t, feeds, perFeed)

	var list strings.Builder
	for i := 0; i < feeds; i++ {
		fmt.Fprintf(&list, "%s/feed/%d feed-%d\n", feedsSrv.URL, i, i)
	}
	sourcesFile := filepath.Join(t.TempDir(), "sources.txt")
	if err := os.WriteFile(sourcesFile, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	env := []string{"TICKERWIRE_DATABASE=" + dbURL, "TICKERWIRE_NATS=" + natsSrv.URL, "TICKERWIRE_ALLOW_PRIVATE_NETWORKS=true"}
	var bases []string
	for i := 0; i < 2; i++ {
		port := testutil.FreePort(t)
		args := []string{"serve", "--addr", "127.0.0.1:" + strconv.Itoa(port)}
		if i == 0 {
			args = append(args, "--sources", sourcesFile)
		}
		start(t, bin, "serve"+strconv.Itoa(i), env, args...)
		bases = append(bases, "http://127.0.0.1:"+strconv.Itoa(port))
	}
	for _, b := range bases {
		waitHealthy(t, b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	var streams []*sseCounter
	for _, b := range bases {
		streams = append(streams, watchStream(ctx, t, b))
	}
	workers := []*process{start(t, bin, "worker0", env, "worker"), start(t, bin, "worker1", env, "worker")}
	began := time.Now()

	killed := false
	var found int
	for ctx.Err() == nil {
		n, err := newsFound(bases[0], "")
		if err == nil {
			found = n
		}
		if !killed && found >= total/4 {
			workers[0].kill(t)
			killed = true
			t.Logf("killed worker0 with SIGKILL at %d stored articles", found)
		}
		if found >= total {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if !killed {
		t.Fatalf("stored %d of %d before the deadline; worker never killed", found, total)
	}
	elapsed := time.Since(began)
	t.Logf("%d articles fetched, annotated and stored in %s (%.0f articles/s) by 2 workers, one killed midway",
		found, elapsed.Round(time.Second), float64(found)/elapsed.Seconds())
	// Let any redelivered job finish, then count once more: exactly once.
	time.Sleep(3 * time.Second)
	for _, b := range bases {
		n, err := newsFound(b, "")
		if err != nil || n != total {
			t.Errorf("%s: %d articles stored (err %v), want exactly %d", b, n, err, total)
		}
		for _, i := range []int{0, 4321, total - 1} {
			q := "search=" + url.QueryEscape(fmt.Sprintf("zq%dz", i))
			if n, err := newsFound(b, q); err != nil || n != 1 {
				t.Errorf("%s: search for article %d found %d (err %v), want 1", b, i, n, err)
			}
		}
		if n, err := newsFound(b, "symbols=NSANY"); err != nil || n != total/len(companies) {
			t.Errorf("%s: symbols=NSANY found %d (err %v), want %d annotated articles", b, n, err, total/len(companies))
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for i, sc := range streams {
		for time.Now().Before(deadline) && sc.distinct() < total {
			time.Sleep(200 * time.Millisecond)
		}
		if n, dups, reconnects := sc.counts(); n != total || dups != 0 {
			t.Errorf("SSE client of %s saw %d distinct articles and %d duplicates (%d reconnects), want each of %d once", bases[i], n, dups, reconnects, total)
		} else {
			t.Logf("SSE client of %s saw each of %d articles once (%d reconnects)", bases[i], n, reconnects)
		}
	}
}

// sseCounter counts the articles one live-stream client receives.
type sseCounter struct {
	mu         sync.Mutex
	seen       map[string]int
	reconnects int
}

func (c *sseCounter) distinct() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.seen)
}

func (c *sseCounter) counts() (distinct, duplicates, reconnects int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.seen {
		duplicates += n - 1
	}
	return len(c.seen), duplicates, c.reconnects
}

// watchStream follows base's /v1/stream until ctx ends, reconnecting with
// Last-Event-ID as a browser's EventSource does.
func watchStream(ctx context.Context, t *testing.T, base string) *sseCounter {
	c := &sseCounter{seen: map[string]int{}}
	ready := make(chan struct{})
	go func() {
		lastID := ""
		first := true
		for ctx.Err() == nil {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/stream", nil)
			if lastID != "" {
				req.Header.Set("Last-Event-ID", lastID)
			}
			resp, err := http.DefaultClient.Do(req)
			if err == nil && resp.StatusCode == 200 {
				if first {
					close(ready)
					first = false
				}
				sc := bufio.NewScanner(resp.Body)
				sc.Buffer(make([]byte, 1<<20), 1<<24)
				for sc.Scan() {
					line := sc.Text()
					switch {
					case strings.HasPrefix(line, "id: "):
						lastID = strings.TrimPrefix(line, "id: ")
					case strings.HasPrefix(line, "data: "):
						var a struct{ UUID string }
						if json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &a) == nil && a.UUID != "" {
							c.mu.Lock()
							c.seen[a.UUID]++
							c.mu.Unlock()
						}
					}
				}
				resp.Body.Close()
			} else if resp != nil {
				resp.Body.Close()
			}
			if ctx.Err() == nil {
				c.mu.Lock()
				c.reconnects++
				c.mu.Unlock()
				time.Sleep(200 * time.Millisecond)
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		t.Fatalf("could not open the live stream of %s", base)
	}
	return c
}
