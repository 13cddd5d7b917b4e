package api_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/news"
)

// sseClient reads one Server-Sent Events stream.
type sseClient struct {
	resp   *http.Response
	lines  *bufio.Scanner
	cancel context.CancelFunc
}

type sseEvent struct {
	ID, Event string
	Article   api.NewsArticle
}

// openStream connects and waits for the stream's opening comment (sent
// once the server has subscribed).
func openStream(t *testing.T, url, lastID string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		cancel()
		t.Fatalf("stream: status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	c := &sseClient{resp: resp, lines: bufio.NewScanner(resp.Body), cancel: cancel}
	c.lines.Buffer(make([]byte, 1<<20), 1<<20)
	for c.lines.Scan() {
		if c.lines.Text() == ": tickerwire live stream" {
			return c
		}
	}
	t.Fatal("stream ended before its opening comment")
	return nil
}

func (c *sseClient) close() {
	c.cancel()
	c.resp.Body.Close()
}

// next reads the next event, skipping comments.
func (c *sseClient) next(t *testing.T) sseEvent {
	t.Helper()
	done := make(chan sseEvent, 1)
	go func() {
		var ev sseEvent
		for c.lines.Scan() {
			line := c.lines.Text()
			switch {
			case line == "" && ev.ID != "":
				done <- ev
				return
			case strings.HasPrefix(line, "id: "):
				ev.ID = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.Event = line[7:]
			case strings.HasPrefix(line, "data: "):
				if err := json.Unmarshal([]byte(line[6:]), &ev.Article); err != nil {
					ev.Event = "bad data: " + err.Error()
				}
			}
		}
		close(done)
	}()
	select {
	case ev, ok := <-done:
		if !ok {
			t.Fatal("stream ended")
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event")
	}
	return sseEvent{}
}

func liveArticle(t *testing.T, f *fixture, title, symbol string) *news.Article {
	t.Helper()
	a := &news.Article{Title: title, Text: title + ".", Published: fixtureBase.Add(time.Hour), Language: "en",
		Annotation: news.Annotation{Companies: []news.Company{company(symbol+" Inc", "US", "", 0.9, 0.1, news.Listing{Symbol: symbol, MIC: "XNAS"})}}}
	if _, err := f.store.SaveArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	f.api.Hub.Publish(a)
	return a
}

// TestStreamOnceEachAndResume: a client gets each matching article once,
// and after a disconnect resumes with Last-Event-ID without loss.
func TestStreamOnceEachAndResume(t *testing.T) {
	f := newFixture(t, "")
	url := f.srv.URL + "/v1/stream?symbols=AAPL"
	c := openStream(t, url, "")
	for i := range 3 {
		liveArticle(t, f, fmt.Sprintf("Apple news %d", i), "AAPL")
		liveArticle(t, f, fmt.Sprintf("Microsoft news %d", i), "MSFT")
	}
	var got []string
	var lastID string
	for range 3 {
		ev := c.next(t)
		if ev.Event != "article" {
			t.Fatalf("event %+v", ev)
		}
		got = append(got, ev.Article.Title)
		lastID = ev.ID
	}
	c.close()
	for i := 3; i < 6; i++ { // while the client is away
		liveArticle(t, f, fmt.Sprintf("Apple news %d", i), "AAPL")
		liveArticle(t, f, fmt.Sprintf("Microsoft news %d", i), "MSFT")
	}
	c = openStream(t, url, lastID)
	defer c.close()
	for range 3 {
		got = append(got, c.next(t).Article.Title)
	}
	liveArticle(t, f, "Apple news 6", "AAPL")
	ev := c.next(t)
	got = append(got, ev.Article.Title)
	want := []string{"Apple news 0", "Apple news 1", "Apple news 2", "Apple news 3", "Apple news 4", "Apple news 5", "Apple news 6"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stream (-want +got):\n%s", diff)
	}
	if ev.Article.Entities[0].Symbol != "AAPL" || ev.Article.UUID == "" {
		t.Errorf("article %+v", ev.Article)
	}
	// the browser's EventSource fallback: ?last_event_id= resumes too
	c2 := openStream(t, url+"&last_event_id="+lastID, "")
	defer c2.close()
	if first := c2.next(t); first.Article.Title != "Apple news 3" {
		t.Errorf("resume by parameter starts at %q", first.Article.Title)
	}
}
