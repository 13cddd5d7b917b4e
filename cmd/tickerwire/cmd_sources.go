package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tickerwire/tickerwire/internal/ingest"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

func init() {
	register(&command{
		Name:    "sources",
		Summary: "list, add, remove, import and export the feeds and pages news is collected from",
		Help: `Usage:
  tickerwire sources list [--data DIR] [--json]
  tickerwire sources add [--data DIR] [--page] [--full-text] [--interval 15m] [--name N] [--header K:V]... URL
  tickerwire sources remove [--data DIR] ID
  tickerwire sources import [--data DIR] FILE   (OPML, or one URL a line)
  tickerwire sources export [--data DIR]        (OPML on standard output)

'list' shows each source's health: last success, last error, failures in a row,
items seen and whether it blocks us (403/429). 'serve' and 'worker' poll them.`,
		Run: runSources,
	})
}

// headerFlags collects repeated --header K:V flags.
type headerFlags map[string]string

func (h headerFlags) String() string { return fmt.Sprint(map[string]string(h)) }

func (h headerFlags) Set(v string) error {
	k, val, ok := strings.Cut(v, ":")
	if !ok || strings.TrimSpace(k) == "" {
		return fmt.Errorf("want NAME:VALUE, got %q", v)
	}
	h[strings.TrimSpace(k)] = strings.TrimSpace(val)
	return nil
}

func runSources(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fs := env.FlagSet("sources")
		return env.Parse(fs, []string{"-h"})
	}
	sub, args := args[0], args[1:]
	fs := env.FlagSet("sources " + sub)
	sf := addStoreFlags(fs)
	var (
		asJSON   *bool
		page     *bool
		fullText *bool
		interval *time.Duration
		name     *string
		headers  = headerFlags{}
	)
	switch sub {
	case "list":
		asJSON = fs.Bool("json", false, "print JSON instead of a table")
	case "add":
		page = fs.Bool("page", false, "the URL is a web page to extract, not a feed")
		fullText = fs.Bool("full-text", false, "fetch each item's page when the feed carries only a summary")
		interval = fs.Duration("interval", ingest.DefaultInterval, "how often to poll")
		name = fs.String("name", "", "a name for the source (default: its host)")
		fs.Var(headers, "header", "an HTTP header to send, NAME:VALUE (repeatable)")
	case "remove", "import", "export":
	default:
		return fmt.Errorf("unknown subcommand %q (want list, add, remove, import or export)", sub)
	}
	st, err := parseAndOpen(env, fs, args, sf)
	if err != nil {
		return err
	}
	defer st.Close()

	switch sub {
	case "list":
		srcs, err := st.ListSources(env.Ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(srcs)
		}
		return printSources(env, srcs)
	case "add":
		if fs.NArg() != 1 {
			return fmt.Errorf("add takes one URL")
		}
		list, err := ingest.ParseSourceList([]byte(fs.Arg(0)))
		if err != nil || len(list) != 1 {
			return fmt.Errorf("%q is not an http(s) URL", fs.Arg(0))
		}
		src := list[0]
		if *page {
			src.Kind = ingest.SourcePage
		}
		src.FullText, src.Interval, src.Headers = *fullText, *interval, headers
		if *name != "" {
			src.Name = *name
		}
		if err := st.SaveSource(env.Ctx, &src); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "added source %d: %s\n", src.ID, src.URL)
	case "remove":
		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if fs.NArg() != 1 || err != nil {
			return fmt.Errorf("remove takes a source ID (see 'sources list')")
		}
		if err := st.DeleteSource(env.Ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "removed source %d\n", id)
	case "import":
		if fs.NArg() != 1 {
			return fmt.Errorf("import takes one FILE")
		}
		n, err := importSourceFile(env, st, fs.Arg(0))
		fmt.Fprintf(env.Stdout, "imported %d source(s)\n", n)
		return err
	case "export":
		srcs, err := st.ListSources(env.Ctx)
		if err != nil {
			return err
		}
		out, err := ingest.ExportOPML(srcs)
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(out)
		return err
	}
	return nil
}

// importSourceFile adds the sources a file lists, keeping the good ones when
// some lines are bad.
func importSourceFile(env *Env, st store.Store, path string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	srcs, parseErr := ingest.ParseSourceList(raw)
	n, err := saveSources(env, st, srcs)
	if err != nil {
		return n, err
	}
	if parseErr != nil {
		return n, fmt.Errorf("%s: %w", path, parseErr)
	}
	return n, nil
}

// saveSources adds the sources not stored yet. A source already stored
// keeps its health (last success, failures, backoff, ETag), so restarting
// serve with the same --sources does not re-poll everything at once nor
// forget that a site blocks us.
func saveSources(env *Env, st store.Store, srcs []news.Source) (int, error) {
	stored, err := st.ListSources(env.Ctx)
	if err != nil {
		return 0, err
	}
	known := make(map[string]bool, len(stored))
	for _, s := range stored {
		known[s.URL] = true
	}
	n := 0
	for i := range srcs {
		if known[srcs[i].URL] {
			continue
		}
		if err := st.SaveSource(env.Ctx, &srcs[i]); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// addSources applies serve's --sources flag.
func addSources(env *Env, st store.Store, spec string) error {
	switch spec {
	case "", "none":
		return nil
	case "default":
		n, err := saveSources(env, st, ingest.DefaultSources())
		env.Log.Info("added default sources", "count", n)
		return err
	}
	n, err := importSourceFile(env, st, spec)
	env.Log.Info("added sources", "file", spec, "count", n)
	if err != nil && n > 0 {
		env.Log.Warn("some source lines were skipped", "err", err)
		return nil
	}
	return err
}

func printSources(env *Env, srcs []news.Source) error {
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tNAME\tURL\tLAST SUCCESS\tFAILURES\tITEMS\tBLOCKED\tLAST ERROR")
	for _, s := range srcs {
		last := "never"
		if !s.LastSuccess.IsZero() {
			last = s.LastSuccess.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%v\t%s\n", s.ID, s.Kind, s.Name, s.URL, last,
			s.ConsecutiveFailures, s.ItemsSeen, s.Blocked, s.LastError)
	}
	return tw.Flush()
}
