package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/tickerwire/tickerwire/internal/fetch"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// MaxFeedBytes caps a feed document's size.
const MaxFeedBytes = 16 << 20

// Fetcher gets web resources politely and safely; *fetch.Client is one.
type Fetcher interface {
	Get(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// PageFetcher fetches a web page and extracts its article, for sources that
// carry only summaries and for page sources.
type PageFetcher func(ctx context.Context, pageURL string, headers map[string]string) (news.Article, error)

// Poller collects news from the stored sources: it polls each when it is
// due, sends conditional requests, stores new items through the pipeline and
// records each source's health.
type Poller struct {
	Store    store.Store
	Pipeline *Pipeline
	// Sink takes each collected item; Pipeline.Add by default. Workers of a
	// multi-machine deployment enqueue the items instead.
	Sink      func(ctx context.Context, a *news.Article) (created bool, err error)
	Client    Fetcher
	FetchPage PageFetcher // optional: full text and page sources
	Log       *slog.Logger
	UserAgent string
	Tick      time.Duration // how often due sources are looked for; 5 s by default
	Workers   int           // sources polled at once; 4 by default
	Now       func() time.Time
}

// PollResult says what one poll of a source did.
type PollResult struct {
	NotModified bool
	Items       int
	New         int
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) sink(ctx context.Context, a *news.Article) (bool, error) {
	if p.Sink != nil {
		return p.Sink(ctx, a)
	}
	return p.Pipeline.Add(ctx, a)
}

// DrainTimeout bounds how long an article begun before shutdown may still
// take to be stored.
const DrainTimeout = 30 * time.Second

// finish hands a collected article to the sink under a context that
// shutdown does not cancel, so that an article begun is annotated and
// stored rather than dropped halfway; the poll loop stops at the next item.
func (p *Poller) finish(ctx context.Context, a *news.Article) (bool, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), DrainTimeout)
	defer cancel()
	return p.sink(ctx, a)
}

// Due reports whether src should be polled at now.
func Due(src *news.Source, now time.Time) bool {
	if src.Kind != SourceFeed && src.Kind != SourcePage {
		return false
	}
	return src.NextPoll.IsZero() || !src.NextPoll.After(now)
}

// Run polls due sources until ctx is done.
func (p *Poller) Run(ctx context.Context) {
	tick := p.Tick
	if tick <= 0 {
		tick = 5 * time.Second
	}
	workers := p.Workers
	if workers <= 0 {
		workers = 4
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		p.pollDue(ctx, workers)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (p *Poller) pollDue(ctx context.Context, workers int) {
	sources, err := p.Store.ListSources(ctx)
	if err != nil {
		if ctx.Err() == nil {
			p.Log.Error("listing sources", "err", err)
		}
		return
	}
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	now := p.now()
	for i := range sources {
		src := sources[i]
		if !Due(&src, now) {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			res, err := p.Poll(ctx, &src)
			if err != nil {
				p.Log.Warn("poll failed", "source", src.URL, "err", err)
			} else {
				p.Log.Debug("polled", "source", src.URL, "items", res.Items, "new", res.New, "not_modified", res.NotModified)
			}
		}()
	}
	wg.Wait()
}

// Poll fetches one source now, stores its new items and records the
// outcome on the source.
func (p *Poller) Poll(ctx context.Context, src *news.Source) (PollResult, error) {
	var res PollResult
	var err error
	switch src.Kind {
	case SourcePage:
		res, err = p.pollPage(ctx, src)
	default:
		res, err = p.pollFeed(ctx, src)
	}
	p.record(ctx, src, res, err)
	return res, err
}

func (p *Poller) record(ctx context.Context, src *news.Source, res PollResult, err error) {
	now := p.now().UTC()
	interval := src.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	if err == nil {
		src.LastSuccess = now
		src.ConsecutiveFailures = 0
		src.Blocked = false
		src.LastError = ""
		src.ItemsSeen += res.Items
		src.NextPoll = now.Add(interval)
	} else {
		src.LastError = err.Error()
		src.LastErrorAt = now
		src.ConsecutiveFailures++
		src.Blocked = fetch.IsBlocked(err)
		src.NextPoll = now.Add(interval + fetch.Backoff(src.ConsecutiveFailures-1, interval, maxBackoff))
	}
	if serr := p.Store.SaveSource(ctx, src); serr != nil && ctx.Err() == nil {
		p.Log.Error("recording source health", "source", src.URL, "err", serr)
	}
}

// maxBackoff bounds the extra wait after failures in a row.
const maxBackoff = 6 * time.Hour

func (p *Poller) pollFeed(ctx context.Context, src *news.Source) (PollResult, error) {
	var res PollResult
	header := map[string]string{"Accept": "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"}
	for k, v := range src.Headers {
		header[k] = v
	}
	resp, err := p.Client.Get(ctx, fetch.Request{URL: src.URL, UserAgent: p.UserAgent, Header: header,
		ETag: src.ETag, LastModified: src.LastModified})
	if err != nil {
		return res, err
	}
	if resp.NotModified {
		res.NotModified = true
		return res, nil
	}
	body := resp.Body
	if len(body) > MaxFeedBytes {
		return res, fmt.Errorf("feed larger than %d MiB", MaxFeedBytes>>20)
	}
	feed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil && !utf8.Valid(body) {
		// A few bad bytes (a mislabelled charset, a truncated character)
		// must not cost every item of the feed: replace them and retry.
		feed, err = gofeed.NewParser().ParseString(strings.ToValidUTF8(string(body), "\uFFFD"))
	}
	if err != nil {
		return res, fmt.Errorf("not a valid feed: %w", err)
	}

	var itemErrs []string
	for _, item := range feed.Items {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		a := p.feedArticle(ctx, src, item)
		res.Items++
		created, err := p.finish(ctx, &a)
		if errors.Is(err, ErrEmpty) {
			continue // an item with nothing in it: nothing to keep
		}
		if err != nil {
			itemErrs = append(itemErrs, fmt.Sprintf("%s: %v", a.URL, err))
			continue
		}
		if created {
			res.New++
		}
	}
	// An item that could not be stored (the store busy or down) fails the
	// poll: the feed's validators are not kept, so the next poll fetches
	// the whole feed again instead of hearing "not modified" and losing
	// the item; the items stored meanwhile are recognised as copies.
	if len(itemErrs) > 0 {
		return res, fmt.Errorf("%d of %d item(s) not stored, first: %s", len(itemErrs), res.Items, itemErrs[0])
	}
	src.ETag, src.LastModified = resp.ETag, resp.LastModified
	return res, nil
}

// fullTextThreshold: items whose content is shorter than this are fetched
// in full when the source asks for full text.
const fullTextThreshold = 600

func (p *Poller) feedArticle(ctx context.Context, src *news.Source, item *gofeed.Item) news.Article {
	a := news.Article{
		Kind:        news.KindArticle,
		URL:         strings.TrimSpace(item.Link),
		Title:       HTMLToText(item.Title),
		Description: HTMLToText(item.Description),
		Text:        HTMLToText(item.Content),
		Source:      src.Name,
		SourceID:    src.ID,
	}
	if a.Text == "" {
		a.Text = a.Description
	}
	if item.Author != nil {
		a.Author = item.Author.Name
	}
	if t := item.PublishedParsed; t != nil {
		a.Published = *t
	} else if t := item.UpdatedParsed; t != nil {
		a.Published = *t
	}
	a.Published = SanePublished(a.Published, p.now())
	if src.FullText && p.FetchPage != nil && a.URL != "" && len(a.Text) < fullTextThreshold {
		page, err := p.FetchPage(ctx, a.URL, src.Headers)
		if err != nil {
			p.Log.Debug("full text fetch failed; keeping the feed's summary", "url", a.URL, "err", err)
		} else if len(page.Text) > len(a.Text) {
			a.Text = page.Text
			if page.CanonicalURL != "" {
				a.CanonicalURL = page.CanonicalURL
			}
			if a.Author == "" {
				a.Author = page.Author
			}
			if a.Published.IsZero() {
				a.Published = SanePublished(page.Published, p.now())
			}
			a.Language = page.Language
		}
	}
	return a
}

func (p *Poller) pollPage(ctx context.Context, src *news.Source) (PollResult, error) {
	var res PollResult
	if p.FetchPage == nil {
		return res, errors.New("page sources need a page fetcher")
	}
	a, err := p.FetchPage(ctx, src.URL, src.Headers)
	if err != nil {
		return res, err
	}
	a.Source, a.SourceID = src.Name, src.ID
	if a.URL == "" {
		a.URL = src.URL
	}
	a.Published = SanePublished(a.Published, p.now())
	res.Items = 1
	created, err := p.finish(ctx, &a)
	if err != nil {
		return res, err
	}
	if created {
		res.New = 1
	}
	return res, nil
}

// SanePublished drops a publication time that is in the future (beyond a
// day of clock skew) or before 1990: such dates are parsing mistakes.
func SanePublished(t, now time.Time) time.Time {
	if t.IsZero() || t.After(now.Add(24*time.Hour)) || t.Year() < 1990 {
		return time.Time{}
	}
	return t.UTC()
}
