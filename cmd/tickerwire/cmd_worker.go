package main

func init() {
	register(&command{
		Name:    "worker",
		Summary: "collect news from the stored sources without serving HTTP",
		Help: `Usage: tickerwire worker [--data DIR | --database URL] [--nats URL] [--reference DIR] [--allow-private-networks]

Polls every stored source when it is due (see 'tickerwire sources'), fetches
full text where asked, annotates and stores new articles, and records each
source's health, until interrupted. Without --nats it works alone on the
store (SQLite under --data, or PostgreSQL with --database). With --nats any
number of workers share the work through NATS JetStream's durable queues: a
job is acknowledged only after its article is committed, so a worker killed
midway loses nothing and duplicates nothing.`,
		Run: runWorker,
	})
}

func runWorker(env *Env, args []string) error {
	fs := env.FlagSet("worker")
	bf := addBackendFlags(fs)
	ref := fs.String("reference", "", "import these security-master files first (once)")
	allowPrivate := fs.Bool("allow-private-networks", false, "allow fetching from loopback and private addresses")
	if err := env.Parse(fs, args); err != nil {
		return err
	}
	b, err := bf.open(env.Ctx)
	if err != nil {
		return err
	}
	defer b.Close()
	pipe, err := newPipeline(env, b.Store, *ref)
	if err != nil {
		return err
	}
	env.Log.Info("worker collecting", "shared_queue", b.Shared)
	startCollector(env.Ctx, env, b, pipe, *allowPrivate).Wait()
	env.Log.Info("worker stopped")
	return nil
}
