package testutil

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

// PGCluster is a PostgreSQL server of a test's own, in a temporary
// directory, that the test may stop and start without disturbing anyone
// else's database.
type PGCluster struct {
	URL     string
	Port    int
	bin     string // the directory of initdb, pg_ctl, postgres
	dataDir string
}

// StartPGCluster creates and starts a private PostgreSQL cluster on
// loopback, removed when the test ends. It runs only where the PostgreSQL
// tests run (TICKERWIRE_TEST_DATABASE_URL is set), as root (the server runs
// as the postgres user) and with the server binaries installed; it skips
// the test otherwise.
func StartPGCluster(t testing.TB) *PGCluster {
	t.Helper()
	PostgresURL(t) // skips unless the PostgreSQL tests are to run
	if os.Geteuid() != 0 {
		t.Skip("a private PostgreSQL cluster needs root (to run it as the postgres user)")
	}
	if _, err := user.Lookup("postgres"); err != nil {
		t.Skip("no postgres user")
	}
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		t.Skip("PostgreSQL server binaries not installed")
	}
	sort.Strings(bins)
	root, err := os.MkdirTemp("", "tickerwire-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	c := &PGCluster{Port: FreePort(t), bin: filepath.Dir(bins[len(bins)-1]), dataDir: filepath.Join(root, "data")}
	c.URL = "postgres://postgres@127.0.0.1:" + strconv.Itoa(c.Port) + "/postgres?sslmode=disable"
	if err := os.Mkdir(c.dataDir, 0o700); err != nil {
		t.Fatal(err)
	}
	c.asPostgres(t, "chown", "postgres:postgres", c.dataDir)
	c.asPostgres(t, filepath.Join(c.bin, "initdb"), "-D", c.dataDir, "-A", "trust", "-U", "postgres", "--no-sync")
	c.Start(t)
	t.Cleanup(func() { c.Stop(t) })
	return c
}

// asPostgres runs a command as the postgres user (chown as root).
func (c *PGCluster) asPostgres(t testing.TB, name string, args ...string) {
	t.Helper()
	var cmd *exec.Cmd
	if name == "chown" {
		cmd = exec.Command(name, args...)
	} else {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// Start starts the server and waits until it accepts connections.
func (c *PGCluster) Start(t testing.TB) {
	t.Helper()
	c.asPostgres(t, filepath.Join(c.bin, "pg_ctl"), "-D", c.dataDir, "-w", "-l", filepath.Join(c.dataDir, "server.log"),
		"-o", "-p "+strconv.Itoa(c.Port)+" -k "+c.dataDir+" -c listen_addresses=127.0.0.1 -c fsync=off", "start")
}

// Stop stops the server (fast shutdown: sessions are disconnected).
func (c *PGCluster) Stop(t testing.TB) {
	t.Helper()
	cmd := exec.Command("runuser", "-u", "postgres", "--", filepath.Join(c.bin, "pg_ctl"), "-D", c.dataDir, "-w", "-m", "fast", "stop")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("pg_ctl stop: %v\n%s", err, out) // already stopped
	}
}
