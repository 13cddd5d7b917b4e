package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// TestWritesWaitOutABusyDatabase has another connection (another process,
// in real life: a backup, the sqlite3 shell) hold the write lock for two
// seconds while 40 articles and a source are saved from 8 goroutines: every
// write waits for the lock instead of failing, and nothing is lost.
func TestWritesWaitOutABusyDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	const hold = 2 * time.Second
	releasing := make(chan struct{})
	go func() {
		time.Sleep(hold)
		close(releasing) // before COMMIT: no write can finish earlier
		if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
			t.Error(err)
		}
	}()

	const writers, each = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+1)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				a := &news.Article{Title: fmt.Sprintf("Busy article %d-%d", w, i), Text: "Held up by a lock.",
					URL: fmt.Sprintf("https://example.com/%d/%d", w, i)}
				if created, err := s.SaveArticle(ctx, a); err != nil || !created {
					errs <- fmt.Errorf("article %d-%d: created %v, %v", w, i, created, err)
				}
			}
		}()
	}
	src := &news.Source{Kind: "feed", URL: "https://example.com/feed", Name: "x"}
	if err := s.SaveSource(ctx, src); err != nil {
		errs <- err
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	select {
	case <-releasing:
	default:
		t.Fatal("the writes finished while the other connection still held the write lock")
	}
	res, err := s.SearchArticles(ctx, store.Query{})
	if err != nil || res.Found != writers*each {
		t.Errorf("%d articles stored (%v), want %d", res.Found, err, writers*each)
	}
	if err := IntegrityCheck(ctx, dir); err != nil {
		t.Error(err)
	}
}

// TestDiskFull fills a small tmpfs with articles until SQLite reports the
// disk full: the failing write returns an error (no panic, no partial
// article), every article acknowledged before stays, the database passes
// its integrity check, and once space is freed writing resumes. It mounts
// the tmpfs itself and is skipped where mounting is not permitted.
func TestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (needs root): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("Filling the disk with news about Toyota and Sony. ", 200) // 10 KB
	var acked []string
	var fullErr error
	for i := 0; i < 2000 && fullErr == nil; i++ {
		a := &news.Article{Title: fmt.Sprintf("Article %d", i), Text: body, URL: fmt.Sprintf("https://example.com/%d", i)}
		created, err := s.SaveArticle(ctx, a)
		switch {
		case err != nil:
			fullErr = err
		case created:
			acked = append(acked, a.UUID)
		}
	}
	if fullErr == nil {
		t.Fatal("3 MB took 2,000 articles of 10 KB without filling up")
	}
	if !strings.Contains(fullErr.Error(), "full") {
		t.Errorf("error on a full disk does not say so: %v", fullErr)
	}
	t.Logf("disk full after %d articles: %v", len(acked), fullErr)
	if err := s.Ping(ctx); err != nil {
		t.Errorf("store unusable on a full disk: %v", err)
	}
	// The reads still work on a full disk, and every acknowledged article is there.
	for _, uuid := range acked {
		if _, err := s.GetArticle(ctx, uuid); err != nil {
			t.Fatalf("acknowledged article %s: %v", uuid, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Logf("close on a full disk: %v", err)
	}

	if out, err := exec.Command("mount", "-o", "remount,size=64m", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v %s", err, out)
	}
	if err := IntegrityCheck(ctx, dir); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen after freeing space: %v", err)
	}
	defer s.Close()
	if created, err := s.SaveArticle(ctx, &news.Article{Title: "After the disk was freed", Text: body}); err != nil || !created {
		t.Errorf("write after freeing space: %v, %v", created, err)
	}
	res, err := s.SearchArticles(ctx, store.Query{})
	if err != nil || res.Found != len(acked)+1 {
		t.Errorf("%d articles stored (%v), want %d", res.Found, err, len(acked)+1)
	}
}
