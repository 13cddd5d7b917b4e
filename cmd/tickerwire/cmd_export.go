package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/store"
)

func init() {
	register(&command{
		Name:    "export",
		Summary: "write every stored article matching /v1/news/all's filters as JSON Lines or CSV",
		Help: `Usage: tickerwire export [--data DIR] [--format jsonl|csv] [--sort_order desc|asc] [FILTERS]

Writes every matching article (no page cap: it walks the store with a
cursor) to standard output, newest first. FILTERS are /v1/news/all's, as
flags: --symbols NSANY,7201.XTKS --search 'foxconn -toyota' --events
partnership --published_after 2026-01-01 --countries jp ... JSON Lines holds
one article a line in the API's shape; CSV has the columns uuid,
published_at, title, url, source, language, sentiment_score, symbols,
events.`,
		Run: runExport,
	})
}

// exportBatch is how many articles each store query returns.
const exportBatch = store.MaxLimit

func runExport(env *Env, args []string) error {
	fs := env.FlagSet("export")
	sf := addStoreFlags(fs)
	format := fs.String("format", "jsonl", "output format: jsonl or csv")
	order := fs.String("sort_order", "desc", "desc (newest first) or asc")
	filters := map[string]*string{}
	for _, p := range api.FilterParams() {
		filters[p.Name] = fs.String(p.Name, "", p.Description)
	}
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export takes no arguments, only flags (got %q)", fs.Arg(0))
	}
	if *format != "jsonl" && *format != "csv" {
		return fmt.Errorf("--format must be jsonl or csv, not %q", *format)
	}
	v := url.Values{"sort_order": {*order}}
	for name, val := range filters {
		if *val != "" {
			v.Set(name, *val)
		}
	}
	params, perr := api.ParseNewsParams(v)
	if perr != nil {
		return fmt.Errorf("%s", strings.Replace(perr.Message, "parameter '", "flag '--", 1))
	}
	st, err := sf.open(env.Ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	q := params.Query
	q.Limit, q.Offset = exportBatch, 0
	write, flush := exportWriter(env, *format)
	for {
		res, err := st.SearchArticles(env.Ctx, q)
		if err != nil {
			return err
		}
		for i := range res.Articles {
			if err := write(api.ToNewsArticle(&res.Articles[i], q.Symbols)); err != nil {
				return err
			}
		}
		if res.Next == "" {
			return flush()
		}
		q.Cursor = res.Next
	}
}

// exportWriter returns functions that write one article and finish.
func exportWriter(env *Env, format string) (write func(api.NewsArticle) error, flush func() error) {
	if format == "jsonl" {
		enc := json.NewEncoder(env.Stdout)
		return func(a api.NewsArticle) error { return enc.Encode(a) }, func() error { return nil }
	}
	w := csv.NewWriter(env.Stdout)
	header := false
	return func(a api.NewsArticle) error {
			if !header {
				header = true
				if err := w.Write([]string{"uuid", "published_at", "title", "url", "source", "language", "sentiment_score", "symbols", "events"}); err != nil {
					return err
				}
			}
			var symbols, events []string
			for _, e := range a.Entities {
				symbols = append(symbols, e.Symbol+"."+e.Exchange)
			}
			for _, e := range a.Events {
				events = append(events, e.Type)
			}
			return w.Write([]string{a.UUID, a.PublishedAt.UTC().Format(time.RFC3339), a.Title, a.URL, a.Source, a.Language,
				strconv.FormatFloat(a.Sentiment, 'f', -1, 64), strings.Join(symbols, " "), strings.Join(events, " ")})
		}, func() error {
			w.Flush()
			return w.Error()
		}
}
