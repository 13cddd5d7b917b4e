package loadgen

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/bad" {
			http.Error(w, "no", http.StatusInternalServerError)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	res, err := Run(context.Background(), Config{URLs: []string{srv.URL + "/a", srv.URL + "/bad"}, Concurrency: 2, Duration: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests == 0 || res.Errors == 0 || res.P99 < res.P50 || res.FirstErr == nil {
		t.Errorf("result %+v: want successes, errors and ordered percentiles", res)
	}
	if got := int64(res.Requests + res.Errors); got > hits.Load() {
		t.Errorf("counted %d requests, server saw %d", got, hits.Load())
	}
	var buf bytes.Buffer
	BenchLine(&buf, "BenchmarkAPILoad/x", res)
	if !strings.HasPrefix(buf.String(), "BenchmarkAPILoad/x\t") || !strings.Contains(buf.String(), " req/s\t") {
		t.Errorf("bench line %q", buf.String())
	}
	if cpu, err := ProcessCPU(os.Getpid()); err != nil || cpu <= 0 {
		t.Errorf("ProcessCPU(self) = %v, %v", cpu, err)
	}
	if _, err := Run(context.Background(), Config{}); err == nil {
		t.Error("empty config: no error")
	}
}
