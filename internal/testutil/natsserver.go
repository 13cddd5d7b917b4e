package testutil

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

var (
	natsBuildOnce sync.Once
	natsBinary    string
	natsBuildErr  error
)

// NATSServerBinary builds the nats-server named as a tool in go.mod (once
// per cache directory) and returns its path.
func NATSServerBinary(t testing.TB) string {
	t.Helper()
	natsBuildOnce.Do(func() {
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		dir = filepath.Join(dir, "tickerwire-test")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			natsBuildErr = err
			return
		}
		natsBinary = filepath.Join(dir, "nats-server")
		cmd := exec.Command("go", "build", "-o", natsBinary, "github.com/nats-io/nats-server/v2")
		cmd.Dir = RepoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			natsBuildErr = fmt.Errorf("building nats-server: %v\n%s", err, out)
		}
	})
	if natsBuildErr != nil {
		t.Fatal(natsBuildErr)
	}
	return natsBinary
}

// NATSServer is a nats-server with JetStream running as its own process on
// loopback.
type NATSServer struct {
	URL      string
	Port     int
	StoreDir string
	cmd      *exec.Cmd
	bin      string
}

// FreePort returns a TCP port free on 127.0.0.1 right now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// StartNATS starts a JetStream-enabled nats-server on loopback, stopped when
// the test ends.
func StartNATS(t testing.TB) *NATSServer {
	t.Helper()
	s := &NATSServer{bin: NATSServerBinary(t), Port: FreePort(t), StoreDir: t.TempDir()}
	s.URL = "nats://127.0.0.1:" + strconv.Itoa(s.Port)
	s.Start(t)
	t.Cleanup(s.Stop)
	return s
}

// Start (re)starts the server process on its port and store directory.
func (s *NATSServer) Start(t testing.TB) {
	t.Helper()
	s.cmd = exec.Command(s.bin, "-js", "-a", "127.0.0.1", "-p", strconv.Itoa(s.Port), "-sd", s.StoreDir)
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(s.Port), 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("nats-server did not start on port %d", s.Port)
}

// Stop ends the server process.
func (s *NATSServer) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
		s.cmd = nil
	}
}
