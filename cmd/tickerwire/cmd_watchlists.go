package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tickerwire/tickerwire/internal/alert"
	"github.com/tickerwire/tickerwire/internal/api"
	"github.com/tickerwire/tickerwire/internal/store"
)

func init() {
	register(&command{
		Name:    "watchlists",
		Summary: "list, add and remove watchlists, and show their alert deliveries",
		Help: `Usage:
  tickerwire watchlists list [--data DIR] [--json]
  tickerwire watchlists add [--data DIR] --name NAME [--symbols A,B.MIC] [--search S]... [--events e1,e2]
        [--sentiment-gte X] [--sentiment-lte X] [--webhook URL] [--secret S] [--template T|@FILE]
        [--content-type TYPE] [--key ID]
  tickerwire watchlists remove [--data DIR] ID
  tickerwire watchlists deliveries [--data DIR] ID

An article matches a watchlist when it names one of its symbols or matches
one of its searches, has one of its event types (any when none), and its
sentiment is within the thresholds. 'serve' posts each match once to the
webhook: JSON, or the --template (Go text/template over .Watchlist and
.Article, e.g. for ntfy or Slack), signed with HMAC-SHA256 of --secret in
the X-Tickerwire-Signature header, retried with backoff. --key gives the
watchlist to an API key (default: the loopback user, key 0).`,
		Run: runWatchlists,
	})
}

// stringsFlag collects a repeated flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, "; ") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// floatFlag is an optional number.
type floatFlag struct{ v *float64 }

func (f *floatFlag) String() string {
	if f.v == nil {
		return ""
	}
	return strconv.FormatFloat(*f.v, 'g', -1, 64)
}

func (f *floatFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return err
	}
	f.v = &v
	return nil
}

func runWatchlists(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		return env.Parse(env.FlagSet("watchlists"), []string{"-h"})
	}
	sub, args := args[0], args[1:]
	fs := env.FlagSet("watchlists " + sub)
	sf := addStoreFlags(fs)
	var (
		asJSON                         *bool
		name, symbols, events, webhook *string
		secret, template, contentType  *string
		keyID                          *int64
		searches                       stringsFlag
		sentimentGTE, sentimentLTE     floatFlag
	)
	switch sub {
	case "list":
		asJSON = fs.Bool("json", false, "print JSON Lines instead of a table")
	case "add":
		name = fs.String("name", "", "the watchlist's name")
		symbols = fs.String("symbols", "", "comma-separated symbols (SYMBOL or SYMBOL.MIC)")
		fs.Var(&searches, "search", "a search in /v1/news/all's syntax (repeatable)")
		events = fs.String("events", "", "comma-separated event types")
		fs.Var(&sentimentGTE, "sentiment-gte", "only when sentiment is at least this (-1..1)")
		fs.Var(&sentimentLTE, "sentiment-lte", "only when sentiment is at most this (-1..1)")
		webhook = fs.String("webhook", "", "URL to POST alerts to")
		secret = fs.String("secret", "", "HMAC-SHA256 key to sign alerts with")
		template = fs.String("template", "", "text/template of the body, or @FILE")
		contentType = fs.String("content-type", "", "content type of a templated body (default text/plain)")
		keyID = fs.Int64("key", 0, "the API key that owns the watchlist")
	case "remove", "deliveries":
	default:
		return fmt.Errorf("unknown subcommand %q (want list, add, remove or deliveries)", sub)
	}
	st, err := parseAndOpen(env, fs, args, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "list":
		lists, err := st.Watchlists(env.Ctx)
		if err != nil {
			return err
		}
		return printWatchlists(env, lists, *asJSON)
	case "add":
		tmpl := *template
		if file, ok := strings.CutPrefix(tmpl, "@"); ok {
			b, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			tmpl = string(b)
		}
		w := api.WatchlistJSON{Name: *name, Symbols: splitComma(*symbols), Searches: searches, Events: splitComma(*events),
			SentimentGTE: sentimentGTE.v, SentimentLTE: sentimentLTE.v, WebhookURL: *webhook, WebhookSecret: *secret,
			WebhookTemplate: tmpl, WebhookContentType: *contentType}.Watchlist()
		w.KeyID = *keyID
		if err := alert.CheckWatchlist(&w); err != nil {
			return err
		}
		if err := st.SaveWatchlist(env.Ctx, &w); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "added watchlist %d: %s\n", w.ID, w.Name)
	case "remove":
		id, err := parseID(fs.Args(), "remove")
		if err != nil {
			return err
		}
		if err := st.DeleteWatchlist(env.Ctx, id); err != nil {
			return fmt.Errorf("remove watchlist %d: %w", id, err)
		}
		fmt.Fprintf(env.Stdout, "removed watchlist %d\n", id)
	case "deliveries":
		id, err := parseID(fs.Args(), "deliveries")
		if err != nil {
			return err
		}
		return printDeliveries(env, st, id)
	}
	return nil
}

func parseID(args []string, sub string) (int64, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("%s takes a watchlist ID (see 'watchlists list')", sub)
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s takes a watchlist ID, not %q", sub, args[0])
	}
	return id, nil
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func printWatchlists(env *Env, lists []store.Watchlist, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		for i := range lists {
			if err := enc.Encode(api.WatchlistToJSON(&lists[i])); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKEY\tNAME\tSYMBOLS\tSEARCHES\tEVENTS\tWEBHOOK")
	for _, w := range lists {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%s\n", w.ID, w.KeyID, w.Name, strings.Join(w.Symbols, ","),
			strings.Join(w.Searches, "; "), strings.Join(w.Events, ","), w.Webhook.URL)
	}
	return tw.Flush()
}

func printDeliveries(env *Env, st store.Store, id int64) error {
	if _, err := st.Watchlist(env.Ctx, id); err != nil {
		return fmt.Errorf("watchlist %d: %w", id, err)
	}
	alerts, err := st.Alerts(env.Ctx, store.AlertQuery{WatchlistID: id})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ALERT\tARTICLE\tSTATUS\tATTEMPT\tAT\tHTTP\tERROR")
	for _, a := range alerts {
		attempts, err := st.DeliveryAttempts(env.Ctx, a.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t\t%s\t\t%s\n", a.ID, a.ArticleUUID, a.Status, a.Created.Local().Format(time.DateTime), a.LastError)
		for _, d := range attempts {
			fmt.Fprintf(tw, "\t\t\t%d\t%s\t%d\t%s\n", d.Attempt, d.At.Local().Format(time.DateTime), d.StatusCode, d.Error)
		}
	}
	return tw.Flush()
}
