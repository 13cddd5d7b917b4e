package main

import (
	"fmt"
	"os"

	"github.com/schollz/progressbar/v3"

	"github.com/tickerwire/tickerwire/internal/ingest"
)

func init() {
	register(&command{
		Name:    "ingest",
		Summary: "add news from files and directories to the store",
		Help: `Usage: tickerwire ingest [--data DIR] [--reference DIR] PATH...

Reads each PATH (directories recursively) and stores every article in it,
annotated: plain-text pages (article paragraphs, then a trailing block of
short headline lines, each stored as a headline-only item linked to the page),
HTML pages (extracted), JSON (an article, an array, or {"data":[...]}) and JSON
Lines of articles, each optionally gzipped (.gz). Ingesting the same input
twice adds nothing. A bad file is reported by name and reason; the others go
on. Prints a progress bar on a terminal and plain counts otherwise.`,
		Run: runIngest,
	})
}

func runIngest(env *Env, args []string) error {
	fs := env.FlagSet("ingest")
	sf := addStoreFlags(fs)
	ref := fs.String("reference", "", "import these security-master files first (once)")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := sf.open(env.Ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	pipe, err := newPipeline(env, st, *ref)
	if err != nil {
		return err
	}

	var files []string
	failed := 0
	for _, root := range fs.Args() {
		ingest.Walk(root, func(path string, err error) {
			if err != nil {
				fmt.Fprintf(env.Stderr, "%s: %v\n", path, err)
				failed++
				return
			}
			files = append(files, path)
		})
	}

	var bar *progressbar.ProgressBar
	if isTerminal(env.Stderr) && len(files) > 1 {
		bar = progressbar.NewOptions(len(files), progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish())
	}
	reader := fileReader()
	items, created := 0, 0
	for _, path := range files {
		if err := env.Ctx.Err(); err != nil {
			return err
		}
		rep := pipe.IngestFile(env.Ctx, reader, path)
		items += rep.Items
		created += rep.New
		if rep.Err != nil {
			failed++
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(env.Stderr, "%s: %v\n", path, rep.Err)
		}
		if bar != nil {
			_ = bar.Add(1)
		} else if len(files) > 1 {
			fmt.Fprintf(env.Stderr, "%s: %d items, %d new\n", path, rep.Items, rep.New)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	fmt.Fprintf(env.Stdout, "files: %d, failed: %d, items: %d, new: %d, already stored: %d\n",
		len(files), failed, items, created, items-created)
	if failed > 0 && failed == len(files) {
		return fmt.Errorf("no file could be ingested")
	}
	return nil
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
