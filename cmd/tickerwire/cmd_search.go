package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/store"
)

func init() {
	register(&command{
		Name:    "search",
		Summary: "search the stored news from the command line",
		Help: `Usage: tickerwire search [--data DIR] [--symbols S1,S2] [--after T] [--before T] [--limit N] [--json] [QUERY]

Prints the stored articles matching the query, newest first, with their
companies. QUERY uses the API's search syntax: words are ANDed, | is OR,
-word excludes, "a phrase", prefix*, (grouping). --symbols takes bare symbols
(NSANY) or SYMBOL.MIC (7201.XTKS). --json prints the API's article objects,
one a line.`,
		Run: runSearch,
	})
}

func runSearch(env *Env, args []string) error {
	fs := env.FlagSet("search")
	sf := addStoreFlags(fs)
	symbols := fs.String("symbols", "", "comma-separated symbols")
	after := fs.String("after", "", "published after (date or date-time)")
	before := fs.String("before", "", "published before (date or date-time)")
	limit := fs.Int("limit", 20, "how many results")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	values := map[string][]string{"limit": {fmt.Sprint(*limit)}}
	if q := strings.Join(fs.Args(), " "); q != "" {
		values["search"] = []string{q}
	}
	if *symbols != "" {
		values["symbols"] = []string{*symbols}
	}
	if *after != "" {
		values["published_after"] = []string{*after}
	}
	if *before != "" {
		values["published_before"] = []string{*before}
	}
	params, perr := api.ParseNewsParams(values)
	if perr != nil {
		return perr
	}
	st, err := sf.open(env.Ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.SearchArticles(env.Ctx, params.Query)
	if err != nil {
		return err
	}
	return printResults(env, res, params.Query.Symbols, *asJSON)
}

func printResults(env *Env, res store.Result, symbols []string, asJSON bool) error {
	enc := json.NewEncoder(env.Stdout)
	for i := range res.Articles {
		out := api.ToNewsArticle(&res.Articles[i], symbols)
		if asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		var tags []string
		for _, e := range out.Entities {
			tags = append(tags, e.Symbol+"."+e.Exchange)
		}
		fmt.Fprintf(env.Stdout, "%s  %s  [%s]\n    %s\n", out.PublishedAt.Local().Format(time.DateTime), out.Title,
			strings.Join(tags, " "), out.UUID)
	}
	if !asJSON {
		fmt.Fprintf(env.Stdout, "%d of %d found\n", len(res.Articles), res.Found)
	}
	return nil
}
