package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
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
