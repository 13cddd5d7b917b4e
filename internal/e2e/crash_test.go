package e2e

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
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

	_ "modernc.org/sqlite" // the "sqlite" driver, to inspect a store a killed process left

	"github.com/tickerwire/tickerwire/internal/store/sqlite"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// writeSources writes a source list naming the feed server's feeds.
func writeSources(t *testing.T, base string, feeds int) string {
	t.Helper()
	var list strings.Builder
	for i := 0; i < feeds; i++ {
		fmt.Fprintf(&list, "%s/feed/%d feed-%d\n", base, i, i)
	}
	path := filepath.Join(t.TempDir(), "sources.txt")
	if err := os.WriteFile(path, []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// terminate sends SIGTERM and waits up to limit for the process to exit,
// returning how it exited.
func (p *process) terminate(t *testing.T, limit time.Duration) error {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		_ = p.cmd.Process.Kill()
		<-done
		t.Fatalf("%s did not exit within %v of SIGTERM", p.name, limit)
		return nil
	}
}

// storeState is what a stopped serve left in its SQLite store.
type storeState struct {
	urls map[string]bool // URLs of the stored articles
	// polled maps the URL of each source whose poll was recorded as a
	// success to its last success (Unix microseconds).
	polled map[string]int64
	count  int
}

// inspectStore checks the integrity of the store in dataDir and reads
// its articles and source health directly, as left on disk.
func inspectStore(t *testing.T, dataDir string) storeState {
	t.Helper()
	ctx := context.Background()
	if err := sqlite.IntegrityCheck(ctx, dataDir); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, sqlite.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st := storeState{urls: map[string]bool{}, polled: map[string]int64{}}
	rows, err := db.QueryContext(ctx, `SELECT url FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			t.Fatal(err)
		}
		if st.urls[u] {
			t.Errorf("article %s stored twice", u)
		}
		st.urls[u] = true
		st.count++
	}
	rows.Close()
	rows, err = db.QueryContext(ctx, `SELECT url, last_success FROM sources WHERE last_success IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var u string
		var last int64
		if err := rows.Scan(&u, &last); err != nil {
			t.Fatal(err)
		}
		st.polled[u] = last
	}
	rows.Close()
	return st
}

// checkPolledFeedsComplete fails unless every item of every feed whose
// poll was recorded as done is stored: the source's health is written
// after its articles, so a recorded poll acknowledges all of them.
func checkPolledFeedsComplete(t *testing.T, st storeState, feedBase string, perFeed int) {
	t.Helper()
	for src := range st.polled {
		n, err := strconv.Atoi(src[strings.LastIndexByte(src, '/')+1:])
		if err != nil {
			t.Fatalf("source %s", src)
		}
		missing := 0
		for i := n * perFeed; i < (n+1)*perFeed; i++ {
			if !st.urls[fmt.Sprintf("%s/a/%d", feedBase, i)] {
				missing++
			}
		}
		if missing > 0 {
			t.Errorf("source %s recorded as polled, yet %d of its %d items are not stored", src, missing, perFeed)
		}
	}
}

// waitFound polls base until at least want articles are stored, or fails
// after limit.
func waitFound(t *testing.T, base string, want int, limit time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(limit)
	found := 0
	for time.Now().Before(deadline) {
		if n, err := newsFound(base, ""); err == nil {
			found = n
			if found >= want {
				return found
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%d of %d articles stored after %v", found, want, limit)
	return found
}

// TestServeSurvivesKillAndStopsGracefully runs one `tickerwire serve` on
// SQLite collecting 3,000 articles from 20 local feeds. It is killed with
// SIGKILL midway, restarted, stopped with SIGTERM midway, and restarted
// again. After each stop the store must pass SQLite's integrity check and
// hold every article acknowledged before it (all articles the API had
// counted, and all items of every feed whose poll was recorded); SIGTERM
// must end serve with status 0; in the end every article is stored once,
// and feeds polled before a restart are not polled again before they are due.
func TestServeSurvivesKillAndStopsGracefully(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	const feeds, perFeed = 20, 150
	const total = feeds * perFeed
	bin := testutil.TickerwireBinary(t)
	feedsSrv := feedServer(t, feeds, perFeed)
	sources := writeSources(t, feedsSrv.URL, feeds)
	data := t.TempDir()
	port := testutil.FreePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	serve := func(name string) *process {
		p := start(t, bin, name, nil, "serve", "--data", data, "--addr", "127.0.0.1:"+strconv.Itoa(port),
			"--sources", sources, "--allow-private-networks")
		waitHealthy(t, base)
		return p
	}

	// 1. SIGKILL during ingestion from the feeds and from pushes.
	p := serve("serve-killed")
	stopPushing := pushClients(base, 2)
	acked := waitFound(t, base, total/3, 4*time.Minute)
	p.kill(t)
	pushAcked, pushSent := stopPushing()
	afterKill := inspectStore(t, data)
	pushed := 0 // pushed articles on disk: acknowledged, or committed just before the kill
	for u := range afterKill.urls {
		if strings.HasPrefix(u, pushPrefix) {
			pushed++
		}
	}
	t.Logf("SIGKILL with %d articles counted by the API and %d of %d pushed acknowledged; %d on disk (%d pushed), %d of %d feeds recorded as polled",
		acked, len(pushAcked), pushSent, afterKill.count, pushed, len(afterKill.polled), feeds)
	if afterKill.count < acked {
		t.Errorf("%d articles on disk after SIGKILL, but the API had counted %d", afterKill.count, acked)
	}
	if len(pushAcked) == 0 {
		t.Error("no push was acknowledged before the kill")
	}
	for _, u := range pushAcked {
		if !afterKill.urls[u] {
			t.Errorf("pushed article %s was acknowledged, yet is not stored after SIGKILL", u)
		}
	}
	checkPolledFeedsComplete(t, afterKill, feedsSrv.URL, perFeed)
	if afterKill.count-pushed >= total {
		t.Fatalf("all %d articles were stored before the kill; the test killed nothing in flight", total)
	}

	// 2. Restart; SIGTERM during ingestion: a clean exit, work drained.
	p = serve("serve-terminated")
	waitFound(t, base, afterKill.count+(total+pushed-afterKill.count)/3, 4*time.Minute)
	clients := inFlightClients(base, 4)
	time.Sleep(200 * time.Millisecond)
	if err := p.terminate(t, 45*time.Second); err != nil {
		t.Errorf("serve exited with %v after SIGTERM, want status 0", err)
	}
	if answered, failed := clients(); failed > 0 || answered == 0 {
		t.Errorf("during SIGTERM %d API requests were answered and %d answered with an error, want none", answered, failed)
	}
	if log, _ := os.ReadFile(p.log.Name()); !strings.Contains(string(log), "shutting down") {
		t.Errorf("serve did not log its shutdown")
	}
	afterTerm := inspectStore(t, data)
	t.Logf("SIGTERM with %d articles on disk, %d feeds recorded as polled", afterTerm.count, len(afterTerm.polled))
	checkPolledFeedsComplete(t, afterTerm, feedsSrv.URL, perFeed)
	for src, last := range afterKill.polled {
		if afterTerm.polled[src] != last {
			t.Errorf("source %s, polled before the kill, was polled again after the restart", src)
		}
	}

	// 3. Restart: collection resumes and completes, each article once.
	p = serve("serve-final")
	waitFound(t, base, total+pushed, 4*time.Minute)
	time.Sleep(2 * time.Second) // a duplicate would land now
	if n, err := newsFound(base, ""); err != nil || n != total+pushed {
		t.Errorf("%d articles stored (err %v), want exactly %d", n, err, total+pushed)
	}
	for _, i := range []int{0, total / 2, total - 1} {
		if n, err := newsFound(base, "search="+url.QueryEscape(fmt.Sprintf("zq%dz", i))); err != nil || n != 1 {
			t.Errorf("search for article %d found %d (err %v), want 1", i, n, err)
		}
	}
	if err := p.terminate(t, 30*time.Second); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Errorf("idle serve exited with status %d after SIGTERM", exit.ExitCode())
		} else {
			t.Error(err)
		}
	}
	final := inspectStore(t, data)
	if final.count != total+pushed || len(final.polled) != feeds {
		t.Errorf("final store: %d articles, %d feeds polled; want %d and %d", final.count, len(final.polled), total+pushed, feeds)
	}
	for src, last := range afterTerm.polled {
		if final.polled[src] != last {
			t.Errorf("source %s, polled before SIGTERM, was polled again after the restart", src)
		}
	}
}

// inFlightClients keeps n clients searching base until it stops answering;
// the function returned waits for them and tells how many requests were
// answered and how many answered 5xx. A request refused at the door (the
// listener closed) ends a client and is no failure; one that was taken
// and then failed is.
func inFlightClients(base string, n int) func() (int, int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	answered, failed := 0, 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 30 * time.Second}
			for {
				resp, err := client.Get(base + "/v1/news/all?limit=100&search=" + url.QueryEscape("quarterly update"))
				if err != nil {
					return
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				answered++
				if resp.StatusCode >= 500 || err != nil {
					failed++
				}
				mu.Unlock()
			}
		}()
	}
	return func() (int, int) {
		wg.Wait()
		return answered, failed
	}
}

// pushPrefix starts the URLs of pushed articles.
const pushPrefix = "http://push.example/"

// pushClients keeps n clients pushing batches of 10 articles to
// POST /v1/articles (a batch every half second each, within the API's rate
// limit) until serve stops answering. The function returned waits for them
// and returns the URLs of the articles whose storing was acknowledged, and
// how many were sent.
func pushClients(base string, n int) func() ([]string, int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var acked []string
	sent := 0
	for c := 0; c < n; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			for batch := 0; ; batch++ {
				var items []map[string]string
				for i := 0; i < 10; i++ {
					id := fmt.Sprintf("c%d-%d-%d", c, batch, i)
					items = append(items, map[string]string{"url": pushPrefix + id,
						"title": "Pushed " + id + ": Sony update", "text": "Sony said pushed item " + id + " arrived."})
				}
				body, _ := json.Marshal(items)
				mu.Lock()
				sent += len(items)
				mu.Unlock()
				resp, err := client.Post(base+"/v1/articles", "application/json", bytes.NewReader(body))
				if err != nil {
					return // serve is gone
				}
				var pr struct {
					Data []struct {
						UUID  string `json:"uuid"`
						Error string `json:"error"`
					} `json:"data"`
				}
				err = json.NewDecoder(resp.Body).Decode(&pr)
				resp.Body.Close()
				if err == nil && resp.StatusCode < 300 && len(pr.Data) == len(items) {
					mu.Lock()
					for i, d := range pr.Data {
						if d.Error == "" && d.UUID != "" {
							acked = append(acked, items[i]["url"])
						}
					}
					mu.Unlock()
				}
				time.Sleep(500 * time.Millisecond)
			}
		}()
	}
	return func() ([]string, int) {
		wg.Wait()
		return acked, sent
	}
}
