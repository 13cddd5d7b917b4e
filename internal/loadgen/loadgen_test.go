package loadgen

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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

func TestRunPush(t *testing.T) {
	var mu sync.Mutex
	var pushed []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			pushed = append(pushed, r.Header.Get("Content-Type")+" "+string(body))
			mu.Unlock()
			if string(body) == "bad" {
				http.Error(w, "no", http.StatusBadRequest)
				return
			}
			w.WriteHeader(http.StatusCreated)
		}
	}))
	defer srv.Close()
	push := &Push{URL: srv.URL + "/push", ContentType: "application/json", Bodies: [][]byte{[]byte("a"), []byte("bad"), []byte("c")}, Rate: 50}
	res, err := Run(context.Background(), Config{URLs: []string{srv.URL}, Concurrency: 1, Duration: 500 * time.Millisecond, Push: push})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"application/json a", "application/json bad", "application/json c"}
	if diff := cmp.Diff(want, pushed); diff != "" || res.Pushed != 2 || res.PushErrors != 1 {
		t.Errorf("pushed %d, %d errors; bodies (-want +got):\n%s", res.Pushed, res.PushErrors, diff)
	}
	var buf bytes.Buffer
	BenchLine(&buf, "BenchmarkAPILoad/x", res)
	if !strings.Contains(buf.String(), " pushed/s\t1 push-errors") {
		t.Errorf("bench line %q", buf.String())
	}
}
