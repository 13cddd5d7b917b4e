package secmaster

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"sort"
)

// encodingVersion changes when the encoded form of the master changes.
const encodingVersion = 3

type encoded struct {
	Version   int
	Companies []Company
	Common    map[string]int32
	Places    []string
}

// Encode writes the master as one compressed blob, for
// store.Store.SaveMaster.
func (m *Master) Encode() ([]byte, error) {
	common := make(map[string]int32, len(m.common))
	for w, n := range m.common {
		common[w] = n
	}
	places := make([]string, 0, len(m.places))
	for p := range m.places {
		places = append(places, p)
	}
	sort.Strings(places)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := gob.NewEncoder(zw).Encode(encoded{Version: encodingVersion, Companies: m.companies, Common: common, Places: places}); err != nil {
		return nil, fmt.Errorf("encode security master: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decode reads a master written by Encode.
func Decode(b []byte) (*Master, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("decode security master: %w", err)
	}
	var e encoded
	if err := gob.NewDecoder(zr).Decode(&e); err != nil {
		return nil, fmt.Errorf("decode security master: %w", err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return nil, fmt.Errorf("decode security master: %w", err)
	}
	if e.Version != encodingVersion {
		return nil, fmt.Errorf("decode security master: version %d, want %d (import the reference files again)", e.Version, encodingVersion)
	}
	m := New(e.Companies)
	m.SetCommonWords(e.Common)
	m.places = make(map[string]bool, len(e.Places))
	for _, p := range e.Places {
		m.places[p] = true
	}
	return m, nil
}

// SetCommonWords sets how many company descriptions use each common word
// (see IsCommon).
func (m *Master) SetCommonWords(counts map[string]int32) {
	m.common = counts
}
