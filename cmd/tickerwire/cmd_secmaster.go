package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/tickerwire/tickerwire/internal/secmaster"
	"strings"
)

func init() {
	register(&command{
		Name:    "secmaster",
		Summary: "import the security master's reference files, or look up a company",
		Help: `Usage:
  tickerwire secmaster import [--data DIR] REFDIR
      Reads every reference file in REFDIR (SEC company tickers, Nasdaq Trader
      symbol files, the Nasdaq screener JSON, per-exchange equity CSVs, the
      Tokyo and Taiwan lists, ISO 10383 MICs, the Wikidata alias table), merges
      them over the embedded default into one master and stores it in DIR.
      Prints the rows, companies and skipped bad rows of each file.
  tickerwire secmaster lookup [--data DIR] NAME|SYMBOL|SYMBOL.MIC
      Prints the matching companies with their listings, one JSON object a line.`,
		Run: runSecmaster,
	})
}

func runSecmaster(env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "lookup") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			env.FlagSet("secmaster").Usage()
			return nil
		}
		return errors.New("want 'secmaster import [--data DIR] REFDIR' or 'secmaster lookup [--data DIR] NAME|SYMBOL'")
	}
	sub := args[0]
	fs := env.FlagSet("secmaster " + sub)
	sf := addStoreFlags(fs)
	if err := env.Parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("secmaster %s: want one argument, got %d", sub, fs.NArg())
	}
	if sub == "import" {
		st, err := sf.open(env.Ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		m, err := masterFromStore(env, st, fs.Arg(0))
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "imported: the security master now holds %d companies\n", m.Len())
		return nil
	}
	m, err := lookupMaster(env, sf)
	if err != nil {
		return err
	}
	found := m.Lookup(strings.TrimSpace(fs.Arg(0)))
	if len(found) == 0 {
		return fmt.Errorf("no company matches %q", fs.Arg(0))
	}
	enc := json.NewEncoder(env.Stdout)
	for _, c := range found {
		if err := enc.Encode(map[string]any{
			"name": c.Name, "country": c.Country, "sector": c.Sector, "industry": c.Industry,
			"isin": c.ISIN, "figi": c.FIGI, "listings": c.Listings, "aliases": c.Aliases, "brands": c.Brands,
			"former_listings": c.Former, "fund": c.Fund,
		}); err != nil {
			return err
		}
	}
	return nil
}

// lookupMaster loads the security master a lookup reads: PostgreSQL's when
// --database is given, else the one under --data (never creating it).
func lookupMaster(env *Env, sf storeFlags) (*secmaster.Master, error) {
	if *sf.database == "" {
		return loadMaster(env, *sf.data, "")
	}
	st, err := sf.open(env.Ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return masterFromStore(env, st, "")
}
