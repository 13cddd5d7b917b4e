package fetch

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRefusesPrivateAddresses tries every way to reach a private, loopback,
// link-local or unspecified address: each is refused with a KindPrivate
// error before a connection is made, and reached only when private
// networks are allowed.
func TestRefusesPrivateAddresses(t *testing.T) {
	hits := 0
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Write([]byte("internal secret"))
	}))
	ln, err := net.Listen("tcp", "0.0.0.0:0") // reachable as 127.0.0.1, 0.0.0.0 and localhost
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener = ln
	srv.Start()
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	local := func(host string) string { return "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/x" }

	refused := []string{
		"http://169.254.169.254/latest/meta-data/", // cloud metadata
		"http://[fd00:ec2::254]/latest/meta-data/",
		"http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/",
		"http://[fe80::1]/", "http://[::ffff:169.254.169.254]/",
		local("127.0.0.1"), local("0.0.0.0"), local("localhost"), local("127.1.2.3"), local("::1"), local("::"),
	}
	c := New(Options{Timeout: 3 * time.Second, IgnoreRobots: true, PerHost: time.Millisecond})
	for _, u := range refused {
		start := time.Now()
		_, err := c.Get(context.Background(), Request{URL: u})
		if KindOf(err) != KindPrivate && KindOf(err) != KindBadURL {
			t.Errorf("%s: got %v (kind %v), want it refused", u, err, KindOf(err))
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: refusing took %v; it should not even try to connect", u, d)
		}
	}
	// Numeric host forms some resolvers read as 127.0.0.1: Go treats them
	// as names, which do not resolve; they must fail either way.
	for _, u := range []string{"http://0x7f000001:" + strconv.Itoa(port) + "/", "http://2130706433:" + strconv.Itoa(port) + "/"} {
		if _, err := c.Get(context.Background(), Request{URL: u}); err == nil {
			t.Errorf("%s was fetched", u)
		}
	}
	if hits != 0 {
		t.Fatalf("the private server was reached %d times", hits)
	}

	// --allow-private-networks (tests, intranets) reaches them.
	open := New(Options{Timeout: 3 * time.Second, IgnoreRobots: true, AllowPrivate: true, PerHost: time.Millisecond})
	for _, host := range []string{"127.0.0.1", "0.0.0.0", "localhost"} {
		resp, err := open.Get(context.Background(), Request{URL: local(host)})
		if err != nil || !strings.Contains(string(resp.Body), "internal secret") {
			t.Errorf("%s with private networks allowed: %v", host, err)
		}
	}
}
