package queue

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/testutil"
)

// runConformance checks the behaviour every Queue must have.
func runConformance(t *testing.T, open func(t *testing.T) Queue) {
	t.Run("each job once, dedupe by key, retry on error", func(t *testing.T) {
		q := open(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		for i := 0; i < 50; i++ {
			if err := q.Enqueue(ctx, "jobs", fmt.Sprint(i), []byte(fmt.Sprint(i))); err != nil {
				t.Fatal(err)
			}
		}
		if err := q.Enqueue(ctx, "jobs", "7", []byte("7 again")); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		done := map[string]int{}
		failedOnce := false
		workCtx, stop := context.WithCancel(ctx)
		defer stop()
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_ = q.Work(workCtx, "jobs", func(_ context.Context, j Job) error {
					mu.Lock()
					defer mu.Unlock()
					if string(j.Payload) == "13" && !failedOnce {
						failedOnce = true
						return errors.New("transient")
					}
					if string(j.Payload) == "13" && j.Attempt < 2 {
						t.Errorf("redelivered job has attempt %d", j.Attempt)
					}
					done[string(j.Payload)]++
					if len(done) == 50 {
						stop()
					}
					return nil
				})
			}()
		}
		wg.Wait()
		var got []string
		for k, n := range done {
			if n != 1 {
				t.Errorf("job %s done %d times", k, n)
			}
			got = append(got, k)
		}
		if len(got) != 50 {
			t.Errorf("%d jobs done, want 50", len(got))
		}
	})
	t.Run("events reach every subscriber, deduped", func(t *testing.T) {
		q := open(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var mu sync.Mutex
		got := [2][]string{}
		ready := sync.WaitGroup{}
		for i := 0; i < 2; i++ {
			i := i
			ready.Add(1)
			go func() {
				subCtx, stop := context.WithCancel(ctx)
				defer stop()
				_ = q.Subscribe(subCtx, func(p []byte) {
					mu.Lock()
					defer mu.Unlock()
					got[i] = append(got[i], string(p))
					if len(got[i]) == 3 {
						stop()
					}
				})
			}()
			ready.Done()
		}
		ready.Wait()
		time.Sleep(300 * time.Millisecond) // let the subscriptions start
		for _, k := range []string{"a", "b", "a", "c"} {
			if err := q.Announce(ctx, k, []byte(k)); err != nil {
				t.Fatal(err)
			}
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			n := len(got[0]) + len(got[1])
			mu.Unlock()
			if n == 6 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		mu.Lock()
		defer mu.Unlock()
		for i := range got {
			sort.Strings(got[i])
			if diff := cmp.Diff([]string{"a", "b", "c"}, got[i]); diff != "" {
				t.Errorf("subscriber %d (-want +got):\n%s", i, diff)
			}
		}
	})
}

func TestMemory(t *testing.T) {
	runConformance(t, func(t *testing.T) Queue {
		q := NewMemory()
		t.Cleanup(func() { q.Close() })
		return q
	})
}

func TestNATS(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server process")
	}
	srv := testutil.StartNATS(t)
	runConformance(t, func(t *testing.T) Queue {
		q, err := DialNATS(context.Background(), srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			// Each subtest starts from empty streams.
			_ = q.js.DeleteStream(context.Background(), workStream)
			_ = q.js.DeleteStream(context.Background(), eventStream)
			q.Close()
		})
		return q
	})
}

func TestNATSSurvivesServerRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a nats-server process")
	}
	srv := testutil.StartNATS(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	q, err := DialNATS(ctx, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.Enqueue(ctx, "jobs", "before", []byte("before")); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	srv.Start(t)
	// Publishing retries until the client has reconnected.
	for {
		if err := q.Enqueue(ctx, "jobs", "after", []byte("after")); err == nil {
			break
		} else if ctx.Err() != nil {
			t.Fatalf("never reconnected: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	seen := map[string]bool{}
	workCtx, stop := context.WithCancel(ctx)
	defer stop()
	_ = q.Work(workCtx, "jobs", func(_ context.Context, j Job) error {
		seen[string(j.Payload)] = true
		if len(seen) == 2 {
			stop()
		}
		return nil
	})
	if !seen["before"] || !seen["after"] {
		t.Errorf("after a restart the queue delivered %v; want the job from before it too", seen)
	}
}
