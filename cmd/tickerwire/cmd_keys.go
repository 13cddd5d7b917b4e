package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/tickerwire/tickerwire/internal/api"
)

func init() {
	register(&command{
		Name:    "keys",
		Summary: "create, list and revoke API keys",
		Help: `Usage:
  tickerwire keys create [--data DIR] [--rate-limit N] NAME
  tickerwire keys list [--data DIR] [--json]
  tickerwire keys revoke [--data DIR] ID

'create' prints the new key once: only its hash is stored. Clients send it as
api_token=KEY or Authorization: Bearer KEY. While no key exists the API
answers only clients on loopback; once one exists every request needs a key.
--rate-limit is requests per minute (0: the server's default, 600).`,
		Run: runKeys,
	})
}

func runKeys(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		return env.Parse(env.FlagSet("keys"), []string{"-h"})
	}
	sub, args := args[0], args[1:]
	fs := env.FlagSet("keys " + sub)
	sf := addStoreFlags(fs)
	var rateLimit *int
	var asJSON *bool
	switch sub {
	case "create":
		rateLimit = fs.Int("rate-limit", 0, "requests per minute (0: the server's default)")
	case "list":
		asJSON = fs.Bool("json", false, "print JSON instead of a table")
	case "revoke":
	default:
		return fmt.Errorf("unknown subcommand %q (want create, list or revoke)", sub)
	}
	st, err := parseAndOpen(env, fs, args, sf)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "create":
		if fs.NArg() != 1 {
			return fmt.Errorf("create takes one NAME")
		}
		if *rateLimit < 0 {
			return fmt.Errorf("--rate-limit must not be negative")
		}
		token, key := api.NewAPIKey(fs.Arg(0), *rateLimit)
		if err := st.CreateAPIKey(env.Ctx, &key); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "created key %d (%s); it is shown only now:\n", key.ID, key.Name)
		fmt.Fprintln(env.Stdout, token)
	case "list":
		keys, err := st.APIKeys(env.Ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			type keyJSON struct {
				ID        int64     `json:"id"`
				Name      string    `json:"name"`
				Prefix    string    `json:"prefix"`
				RateLimit int       `json:"rate_limit"`
				Created   time.Time `json:"created"`
				Revoked   time.Time `json:"revoked"`
			}
			enc := json.NewEncoder(env.Stdout)
			for _, k := range keys {
				if err := enc.Encode(keyJSON{k.ID, k.Name, k.Prefix, k.RateLimit, k.Created, k.Revoked}); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tPREFIX\tRATE/MIN\tCREATED\tSTATUS")
		for _, k := range keys {
			status := "active"
			if !k.Revoked.IsZero() {
				status = "revoked " + k.Revoked.Local().Format(time.DateTime)
			}
			limit := strconv.Itoa(k.RateLimit)
			if k.RateLimit == 0 {
				limit = "default"
			}
			fmt.Fprintf(tw, "%d\t%s\ttw_%s_…\t%s\t%s\t%s\n", k.ID, k.Name, k.Prefix, limit, k.Created.Local().Format(time.DateTime), status)
		}
		return tw.Flush()
	case "revoke":
		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if fs.NArg() != 1 || err != nil {
			return fmt.Errorf("revoke takes a key ID (see 'keys list')")
		}
		if err := st.RevokeAPIKey(env.Ctx, id); err != nil {
			return fmt.Errorf("revoke key %d: %w", id, err)
		}
		fmt.Fprintf(env.Stdout, "revoked key %d\n", id)
	}
	return nil
}
