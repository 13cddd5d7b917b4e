package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tickerwire/tickerwire/internal/secmaster"
	"github.com/tickerwire/tickerwire/internal/store"
)

// masterStore is the part of store.Store that keeps the security master.
type masterStore interface {
	SaveMaster(ctx context.Context, encoded []byte) error
	LoadMaster(ctx context.Context) ([]byte, error)
}

// loadMaster returns the security master for commands that must not create
// a data directory (annotate): the one stored in dataDir when a store
// exists there, with refDir imported first when given.
func loadMaster(env *Env, dataDir, refDir string) (*secmaster.Master, error) {
	if dataDir == "" || !storeExists(dataDir) {
		if refDir != "" {
			return importMaster(env, refDir)
		}
		env.Log.Debug("using the embedded security master")
		return secmaster.Default(), nil
	}
	st, err := openStore(env.Ctx, dataDir)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return masterFromStore(env, st, refDir)
}

// masterFromStore returns the security master kept in st, importing refDir
// into it first when given; the embedded default when st has none.
func masterFromStore(env *Env, st masterStore, refDir string) (*secmaster.Master, error) {
	if refDir != "" {
		m, err := importMaster(env, refDir)
		if err != nil {
			return nil, err
		}
		return m, saveMaster(env, st, m)
	}
	start := time.Now()
	b, err := st.LoadMaster(env.Ctx)
	switch {
	case errors.Is(err, store.ErrNotFound):
		env.Log.Debug("using the embedded security master")
		return secmaster.Default(), nil
	case err != nil:
		return nil, fmt.Errorf("load security master: %w", err)
	}
	m, err := secmaster.Decode(b)
	if err != nil {
		return nil, err
	}
	env.Log.Debug("security master loaded", "companies", m.Len(), "took", time.Since(start))
	return m, nil
}

// importMaster imports the reference files in dir over the embedded default
// and logs what each file gave.
func importMaster(env *Env, dir string) (*secmaster.Master, error) {
	start := time.Now()
	m, report, err := secmaster.ImportDir(dir, secmaster.Curated())
	if err != nil {
		return nil, err
	}
	for _, f := range report.Files {
		attrs := []any{"file", f.Path, "format", f.Format, "rows", f.Rows, "companies", f.Companies, "listings", f.Listings, "skipped", f.Skipped}
		if f.Bad > 0 {
			attrs = append(attrs, "bad", f.Bad, "example", f.BadExample)
		}
		env.Log.Info("imported", attrs...)
	}
	env.Log.Info("security master", "companies", m.Len(), "took", time.Since(start).Round(time.Millisecond))
	return m, nil
}

// saveMaster stores m in st.
func saveMaster(env *Env, st masterStore, m *secmaster.Master) error {
	b, err := m.Encode()
	if err != nil {
		return err
	}
	if err := st.SaveMaster(env.Ctx, b); err != nil {
		return fmt.Errorf("save security master: %w", err)
	}
	return nil
}
