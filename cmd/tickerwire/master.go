package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tickerwire/tickerwire/internal/secmaster"
	"github.com/tickerwire/tickerwire/internal/store"
)

// masterStore is the part of store.Store that keeps the security master.
type masterStore interface {
	SaveMaster(ctx context.Context, encoded []byte) error
	LoadMaster(ctx context.Context) ([]byte, error)
	Close() error
}

// openMasterStore opens the store in dataDir for the security master;
// create says whether it may create the directory. It returns
// os.ErrNotExist when there is no store and create is false. By default the
// master is kept as one file in dataDir; a full store (SQLite) can take its
// place by assigning this variable.
var openMasterStore = func(ctx context.Context, dataDir string, create bool) (masterStore, error) {
	return openFileMasterStore(dataDir, create)
}

// loadMaster returns the security master commands annotate with: refDir
// imported over the embedded default when given (and saved in dataDir when
// a store exists there), else the master stored in dataDir, else the
// embedded default.
func loadMaster(env *Env, dataDir, refDir string) (*secmaster.Master, error) {
	if refDir != "" {
		m, err := importMaster(env, refDir)
		if err != nil {
			return nil, err
		}
		if dataDir != "" {
			if err := saveMaster(env, dataDir, m, false); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
		}
		return m, nil
	}
	if dataDir != "" {
		st, err := openMasterStore(env.Ctx, dataDir, false)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			defer st.Close()
			start := time.Now()
			b, err := st.LoadMaster(env.Ctx)
			switch {
			case errors.Is(err, store.ErrNotFound):
			case err != nil:
				return nil, fmt.Errorf("load security master: %w", err)
			default:
				m, err := secmaster.Decode(b)
				if err != nil {
					return nil, err
				}
				env.Log.Debug("security master loaded", "companies", m.Len(), "took", time.Since(start))
				return m, nil
			}
		}
	}
	env.Log.Debug("using the embedded security master")
	return secmaster.Default(), nil
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

// saveMaster stores m in dataDir.
func saveMaster(env *Env, dataDir string, m *secmaster.Master, create bool) error {
	st, err := openMasterStore(env.Ctx, dataDir, create)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := m.Encode()
	if err != nil {
		return err
	}
	if err := st.SaveMaster(env.Ctx, b); err != nil {
		return fmt.Errorf("save security master: %w", err)
	}
	return nil
}

// fileMasterStore keeps the encoded master as one file in the data directory.
type fileMasterStore struct{ path string }

const masterFile = "secmaster.bin"

func openFileMasterStore(dataDir string, create bool) (*fileMasterStore, error) {
	if _, err := os.Stat(dataDir); err != nil {
		if !create || !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if err := os.MkdirAll(dataDir, 0o755); err != nil {
			return nil, err
		}
	}
	return &fileMasterStore{path: filepath.Join(dataDir, masterFile)}, nil
}

func (s *fileMasterStore) SaveMaster(_ context.Context, b []byte) error {
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}

func (s *fileMasterStore) LoadMaster(_ context.Context) ([]byte, error) {
	b, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, store.ErrNotFound
	}
	return b, err
}

func (s *fileMasterStore) Close() error { return nil }
