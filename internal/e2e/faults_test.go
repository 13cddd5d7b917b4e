package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// health reads /healthz: its status code and body.
func health(base string) (int, map[string]string) {
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var parts map[string]string
	_ = json.Unmarshal(body, &parts)
	return resp.StatusCode, parts
}

// waitHealth waits until /healthz answers with code, and returns its parts.
func waitHealth(t *testing.T, base string, code int, limit time.Duration) map[string]string {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if c, parts := health(base); c == code {
			return parts
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("/healthz did not answer %d within %v", code, limit)
	return nil
}

// checkAllOnce fails unless base stores exactly total articles and finds
// sample markers once each.
func checkAllOnce(t *testing.T, base string, total int) {
	t.Helper()
	time.Sleep(2 * time.Second) // a duplicate would land now
	if n, err := newsFound(base, ""); err != nil || n != total {
		t.Errorf("%d articles stored (err %v), want exactly %d", n, err, total)
	}
	for _, i := range []int{0, total / 2, total - 1} {
		if n, err := newsFound(base, "search="+url.QueryEscape(fmt.Sprintf("zq%dz", i))); err != nil || n != 1 {
			t.Errorf("search for article %d found %d (err %v), want 1", i, n, err)
		}
	}
}

// TestPostgresRestartDuringIngestion stops the PostgreSQL server under a
// collecting `tickerwire serve` and starts it again: /healthz reports the
// store down meanwhile, serve logs the failures and keeps running, and once
// the database is back collection resumes by itself and every article is
// stored exactly once. It uses a PostgreSQL cluster of its own, so other
// tests' databases are never stopped.
func TestPostgresRestartDuringIngestion(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	pg := testutil.StartPGCluster(t)
	const feeds, perFeed = 10, 150
	const total = feeds * perFeed
	bin := testutil.TickerwireBinary(t)
	feedsSrv := feedServer(t, feeds, perFeed)
	port := testutil.FreePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	p := start(t, bin, "serve", nil, "serve", "--database", pg.URL, "--addr", "127.0.0.1:"+strconv.Itoa(port),
		"--sources", writeSources(t, feedsSrv.URL, feeds), "--allow-private-networks")
	waitHealthy(t, base)
	before := waitFound(t, base, total/5, 3*time.Minute)

	pg.Stop(t)
	parts := waitHealth(t, base, http.StatusServiceUnavailable, 10*time.Second)
	t.Logf("PostgreSQL stopped at %d articles; /healthz: %v", before, parts)
	if parts["store"] == "ok" || parts["store"] == "" {
		t.Errorf("/healthz does not name the store as the failing part: %v", parts)
	}
	time.Sleep(4 * time.Second) // polls fail meanwhile
	pg.Start(t)
	waitHealth(t, base, http.StatusOK, 30*time.Second)
	if p.cmd.ProcessState != nil {
		t.Fatalf("serve exited during the outage: %v", p.cmd.ProcessState)
	}
	waitFound(t, base, total, 3*time.Minute)
	checkAllOnce(t, base, total)
	log, _ := os.ReadFile(p.log.Name())
	if !strings.Contains(string(log), "level=ERROR") && !strings.Contains(string(log), "level=WARN") {
		t.Errorf("serve logged no error during the outage")
	}
}

// TestNATSRestartDuringIngestion restarts the NATS server under one serve
// and two workers sharing PostgreSQL: /healthz of serve reports the queue
// down meanwhile, the processes reconnect by themselves, and every article
// is stored exactly once.
func TestNATSRestartDuringIngestion(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	dbURL := testutil.PostgresSchemaURL(t, "")
	const feeds, perFeed = 10, 150
	const total = feeds * perFeed
	bin := testutil.TickerwireBinary(t)
	natsSrv := testutil.StartNATS(t)
	feedsSrv := feedServer(t, feeds, perFeed)
	env := []string{"TICKERWIRE_DATABASE=" + dbURL, "TICKERWIRE_NATS=" + natsSrv.URL, "TICKERWIRE_ALLOW_PRIVATE_NETWORKS=true"}
	port := testutil.FreePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	start(t, bin, "serve", env, "serve", "--addr", "127.0.0.1:"+strconv.Itoa(port), "--sources", writeSources(t, feedsSrv.URL, feeds))
	waitHealthy(t, base)
	start(t, bin, "worker0", env, "worker")
	start(t, bin, "worker1", env, "worker")
	before := waitFound(t, base, total/5, 3*time.Minute)

	natsSrv.Stop()
	parts := waitHealth(t, base, http.StatusServiceUnavailable, 10*time.Second)
	t.Logf("NATS stopped at %d articles; /healthz: %v", before, parts)
	if parts["queue"] == "ok" || parts["queue"] == "" || parts["store"] != "ok" {
		t.Errorf("/healthz does not name the queue as the failing part: %v", parts)
	}
	time.Sleep(3 * time.Second)
	natsSrv.Start(t)
	waitHealth(t, base, http.StatusOK, 30*time.Second)
	waitFound(t, base, total, 3*time.Minute)
	checkAllOnce(t, base, total)
}
