package e2e

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// growingFeeds serves feeds that publish perSecond new items each second
// until frozen, keeping their whole history, and fail now and then: a 500
// for one request in ten, a truncated document for one in twenty.
type growingFeeds struct {
	srv       *httptest.Server
	feeds     int
	perSecond float64
	start     time.Time
	frozen    atomic.Int64 // items per feed once frozen; 0 while growing
	requests  atomic.Int64
	failed    atomic.Int64
}

func newGrowingFeeds(t *testing.T, feeds int, perSecond float64) *growingFeeds {
	g := &growingFeeds{feeds: feeds, perSecond: perSecond, start: time.Now()}
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	t.Cleanup(g.srv.Close)
	return g
}

// published is how many items each feed has published so far.
func (g *growingFeeds) published() int {
	if n := g.frozen.Load(); n > 0 {
		return int(n)
	}
	return int(time.Since(g.start).Seconds() * g.perSecond)
}

// freeze stops publishing and returns the items each feed has.
func (g *growingFeeds) freeze() int {
	n := g.published()
	g.frozen.Store(int64(n))
	return n
}

func (g *growingFeeds) serve(w http.ResponseWriter, r *http.Request) {
	g.requests.Add(1)
	n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	if err != nil || n < 0 || n >= g.feeds {
		http.NotFound(w, r)
		return
	}
	roll := rand.IntN(20)
	if roll < 2 {
		g.failed.Add(1)
		http.Error(w, "upstream trouble", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>feed %d</title><link>http://%s/</link><description>soak</description>`, n, r.Host)
	for i := g.published() - 1; i >= 0; i-- {
		id := n*100_000 + i
		c := companies[id%len(companies)]
		fmt.Fprintf(&b, `<item><title>%s soak item %d: update zq%dz</title><link>http://%s/a/%d</link><pubDate>%s</pubDate><description>%s said on item %d that sales rose %d percent; the marker zq%dz identifies it.</description></item>`,
			c, id, id, r.Host, id, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(id)*time.Second).Format(time.RFC1123Z), c, id, id%40, id)
	}
	b.WriteString(`</channel></rss>`)
	doc := b.String()
	if roll == 2 {
		g.failed.Add(1)
		doc = doc[:len(doc)/2] // truncated: not a valid feed
	}
	io.WriteString(w, doc)
}

// apiLoad is the tally of the load generator.
type apiLoad struct {
	mu sync.Mutex
	// byCode counts answers of the serve process now running (the
	// current epoch), by route pattern and status text, as its /metrics
	// counts them.
	byCode map[string]int
	served int // answers, all processes
	// byStatus counts the answers of all processes by status code.
	byStatus map[int]int
	// errors are 5xx answers and failed requests while serve was up, by
	// route; /healthz answering 503 is not one, it is counted in unhealthy.
	errors     map[string]int
	unhealthy  int    // /healthz answers 503 (the store busy)
	outage     int    // failed requests while serve was being restarted
	token      string // the API key the load is sent with
	epoch      atomic.Int64
	restarting atomic.Bool
}

func (l *apiLoad) record(q string, route string, code int, err error, epoch int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case err != nil && l.restarting.Load():
		l.outage++
	case err != nil:
		l.errors[q+": "+err.Error()]++
	default:
		l.served++
		l.byStatus[code]++
		switch {
		case route == "GET /healthz" && code == http.StatusServiceUnavailable:
			l.unhealthy++
		case code >= 500:
			l.errors[q+": "+http.StatusText(code)]++
		}
		if route != "" && epoch == l.epoch.Load() {
			l.byCode[route+" "+http.StatusText(code)]++
		}
	}
}

// newEpoch starts counting the answers of a new serve process; requests
// begun before are not counted for it.
func (l *apiLoad) newEpoch() {
	l.mu.Lock()
	l.byCode = map[string]int{}
	l.epoch.Add(1)
	l.mu.Unlock()
}

// soakQueries are what the load generator asks; route is the pattern the
// server's metrics count them under ("" for pages, which it does not).
var soakQueries = []struct{ path, route string }{
	{"/v1/news/all?limit=20", "GET /v1/news/all"},
	{"/v1/news/all?search=Toyota&limit=10", "GET /v1/news/all"},
	{"/v1/news/all?symbols=NSANY&limit=5", "GET /v1/news/all"},
	{"/v1/news/all?search=" + url.QueryEscape(`foo" OR 1=1 --`), "GET /v1/news/all"},
	{"/v1/news/all?search=" + url.QueryEscape(`((sales NEAR`), "GET /v1/news/all"},
	{"/v1/news/all?page=3&limit=50", "GET /v1/news/all"},
	{"/feeds/news.rss", "GET /feeds/news.rss"},
	{"/healthz", "GET /healthz"},
	{"/", ""},
}

// get sends one request and records its outcome.
func (l *apiLoad) get(client *http.Client, base, path, route string) ([]byte, int, error) {
	epoch := l.epoch.Load()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Authorization", "Bearer "+l.token)
	resp, err := client.Do(req)
	var body []byte
	code := 0
	if err == nil {
		code = resp.StatusCode
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	l.record(path, route, code, err, epoch)
	return body, code, err
}

// found asks how many articles are stored, counted as load.
func (l *apiLoad) found(base string) (int, error) {
	body, code, err := l.get(http.DefaultClient, base, "/v1/news/all?limit=1", "GET /v1/news/all")
	if err != nil || code != 200 {
		return 0, fmt.Errorf("status %d, %v", code, err)
	}
	var r struct {
		Meta struct{ Found int } `json:"meta"`
	}
	err = json.Unmarshal(body, &r)
	return r.Meta.Found, err
}

// run sends requests to base from workers goroutines until stop is set;
// a request begun is always completed and counted.
func (l *apiLoad) run(base string, workers int, stop *atomic.Bool) *sync.WaitGroup {
	client := &http.Client{Timeout: 30 * time.Second}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				q := soakQueries[rand.IntN(len(soakQueries))]
				if _, _, err := l.get(client, base, q.path, q.route); err != nil {
					time.Sleep(50 * time.Millisecond)
				}
			}
		}()
	}
	return &wg
}

// serverCounts reads tickerwire_http_requests_total from /metrics, by
// "route code".
func serverCounts(t *testing.T, base string) map[string]int {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "tickerwire_http_requests_total{") {
			continue
		}
		labels, value, _ := strings.Cut(strings.TrimPrefix(line, "tickerwire_http_requests_total{"), "} ")
		var code, route string
		for _, kv := range strings.Split(labels, ",") {
			k, v, _ := strings.Cut(kv, "=")
			v, _ = strconv.Unquote(v)
			switch k {
			case "code":
				code = v
			case "route":
				route = v
			}
		}
		n, _ := strconv.ParseFloat(value, 64)
		out[route+" "+code] = int(n)
	}
	return out
}

// holdWriteLock takes SQLite's write lock on the store in dataDir for d,
// as a backup or a second writer would.
func holdWriteLock(dataDir string, d time.Duration) error {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, sqlite.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	time.Sleep(d)
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// TestSoak runs serve on SQLite for TICKERWIRE_SOAK_DURATION (90s by
// default) under API load while 10 feeds publish 20 articles a second, with
// faults injected: feeds failing or truncated now and then, the database's
// write lock held by another connection for 3 s every 15 s, and serve
// killed with SIGKILL and restarted halfway. Then publishing stops and it
// checks that the counts reconcile: every published article stored exactly
// once, the store sound, the API without a 5xx or a failed request while
// serve was up, and the server's request counters equal to the client's.
// Run with TICKERWIRE_SOAK=1 (make soak).
func TestSoak(t *testing.T) {
	if os.Getenv("TICKERWIRE_SOAK") == "" {
		t.Skip("set TICKERWIRE_SOAK=1 to run the soak (make soak)")
	}
	duration := 90 * time.Second
	if d, err := time.ParseDuration(os.Getenv("TICKERWIRE_SOAK_DURATION")); err == nil {
		duration = d
	}
	const feeds, perSecond = 10, 2.0
	bin := testutil.TickerwireBinary(t)
	data := t.TempDir()
	g := newGrowingFeeds(t, feeds, perSecond)
	for i := 0; i < feeds; i++ {
		if out, err := runBinary(bin, "sources", "add", "--data", data, "--interval", "3s", "--name", "feed-"+strconv.Itoa(i),
			fmt.Sprintf("%s/feed/%d", g.srv.URL, i)); err != nil {
			t.Fatalf("sources add: %v\n%s", err, out)
		}
	}
	// An API key without a practical rate limit: the load is to measure
	// the server, not its limiter.
	token, err := runBinary(bin, "keys", "create", "--data", data, "--rate-limit", "1000000000", "soak")
	if err != nil {
		t.Fatalf("keys create: %v\n%s", err, token)
	}
	port := testutil.FreePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	load := &apiLoad{byCode: map[string]int{}, errors: map[string]int{}, byStatus: map[int]int{}, token: lastLine(token)}
	serve := func(name string) *process {
		p := start(t, bin, name, nil, "serve", "--data", data, "--addr", "127.0.0.1:"+strconv.Itoa(port), "--allow-private-networks")
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
			if _, code, _ := load.get(http.DefaultClient, base, "/healthz", "GET /healthz"); code == 200 {
				return p
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s never became healthy", name)
			}
		}
	}
	load.restarting.Store(true)
	p := serve("serve-1")
	load.restarting.Store(false)
	ctx, stopFaults := context.WithCancel(context.Background())
	defer stopFaults()
	var stopLoad atomic.Bool
	defer stopLoad.Store(true)
	loadDone := load.run(base, 4, &stopLoad)

	// Faults: the write lock held every 15 s; SIGKILL and restart halfway.
	var locks atomic.Int64
	faultsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		tick := time.NewTicker(15 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := holdWriteLock(data, 3*time.Second); err != nil {
					t.Errorf("holding the write lock: %v", err)
				}
				locks.Add(1)
			}
		}
	}()
	time.Sleep(duration / 2)
	load.restarting.Store(true)
	p.kill(t)
	killedAt := time.Now()
	load.newEpoch()
	p = serve("serve-2")
	load.restarting.Store(false)
	t.Logf("serve killed and back in %v", time.Since(killedAt).Round(time.Millisecond))
	time.Sleep(duration - duration/2)

	perFeed := g.freeze()
	published := perFeed * feeds
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(200 * time.Millisecond) {
		if n, _ := load.found(base); n >= published {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not all %d published articles stored in time", published)
		}
	}
	time.Sleep(3 * time.Second) // two more polls: a duplicate would land now
	stopLoad.Store(true)
	stopFaults()
	loadDone.Wait()
	<-faultsDone

	found, err := load.found(base)
	if err != nil || found != published {
		t.Errorf("API counts %d articles (err %v), %d were published", found, err, published)
	}
	counts := serverCounts(t, base)
	if err := p.terminate(t, 30*time.Second); err != nil {
		t.Errorf("serve exited with %v after SIGTERM", err)
	}
	st := inspectStore(t, data)
	if st.count != published {
		t.Errorf("%d articles on disk, %d published", st.count, published)
	}
	for f := 0; f < feeds; f++ {
		for i := 0; i < perFeed; i++ {
			if u := fmt.Sprintf("%s/a/%d", g.srv.URL, f*100_000+i); !st.urls[u] {
				t.Errorf("published article %s not stored", u)
			}
		}
	}
	load.mu.Lock()
	defer load.mu.Unlock()
	errors := 0
	for what, n := range load.errors {
		t.Errorf("%d× while serve was up: %s", n, what)
		errors += n
	}
	for key, n := range load.byCode {
		if counts[key] != n {
			t.Errorf("%s: the client counted %d answers, the server %d", key, n, counts[key])
		}
	}
	for _, code := range []int{http.StatusUnauthorized, http.StatusTooManyRequests} {
		if load.byStatus[code] > 0 {
			t.Errorf("%d answers %d: the load's API key was not honoured", load.byStatus[code], code)
		}
	}
	summary := map[string]any{"answers_by_status": load.byStatus,
		"duration": duration.String(), "requests_served": load.served, "request_errors": errors, "healthz_unavailable": load.unhealthy,
		"requests_failed_during_restart": load.outage, "articles_published": published,
		"articles_stored": st.count, "feed_requests": g.requests.Load(), "feed_faults": g.failed.Load(),
		"write_lock_holds": locks.Load(), "serve_kills": 1,
	}
	b, _ := json.Marshal(summary)
	t.Logf("soak: %s", b)
}

// runBinary runs the tickerwire binary to completion.
func runBinary(bin string, args ...string) ([]byte, error) {
	return execCommand(bin, args...).CombinedOutput()
}

var execCommand = exec.Command

// lastLine is the last non-empty line of out.
func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
