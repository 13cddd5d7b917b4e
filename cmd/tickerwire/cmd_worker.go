package main

import "fmt"

func init() {
	register(&command{
		Name:    "worker",
		Summary: "collect news from the stored sources without serving HTTP",
		Help: `Usage: tickerwire worker [--data DIR] [--reference DIR] [--allow-private-networks]

Polls every stored source when it is due (see 'tickerwire sources'), fetches
full text where asked, annotates and stores new articles, and records each
source's health, until interrupted. Today a worker shares the SQLite store in
--data with 'serve' on the same machine; running workers on other machines
against PostgreSQL and NATS JetStream is the multi-machine deployment.`,
		Run: runWorker,
	})
}

func runWorker(env *Env, args []string) error {
	fs := env.FlagSet("worker")
	data := fs.String("data", defaultDataDir, "data directory (the store)")
	ref := fs.String("reference", "", "import these security-master files first (once)")
	allowPrivate := fs.Bool("allow-private-networks", false, "allow fetching from loopback and private addresses")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(env.Ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	pipe, err := newPipeline(env, st, *ref)
	if err != nil {
		return err
	}
	env.Log.Info("worker collecting", "data", *data)
	startCollector(env.Ctx, env, st, pipe, *allowPrivate).Wait()
	if err := env.Ctx.Err(); err != nil {
		env.Log.Info("worker stopped")
	}
	fmt.Fprintln(env.Stderr, "worker stopped")
	return nil
}
