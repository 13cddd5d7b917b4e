package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/news"
)

// TestSecmasterImportLookupAnnotate imports the importer fixtures into a
// store, looks a company up by its OTC symbol, and annotates with the
// stored master (a company only the import knows).
func TestSecmasterImportLookupAnnotate(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	ref := filepath.Join("..", "..", "internal", "secmaster", "testdata", "reference")
	if code, _, stderr := runCLI(t, "", "secmaster", "import", "--data", data, ref); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}

	code, out, stderr := runCLI(t, "", "secmaster", "lookup", "--data", data, "GELYF")
	if code != 0 {
		t.Fatalf("lookup: exit %d: %s", code, stderr)
	}
	var c struct {
		Name     string         `json:"name"`
		Listings []news.Listing `json:"listings"`
		Former   []news.Listing `json:"former_listings"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Listings) == 0 || c.Listings[0].Key() != "175.XHKG" {
		t.Errorf("lookup GELYF = %s %v, want the Hong Kong listing 175.XHKG first", c.Name, c.Listings)
	}
	if len(c.Former) != 1 || c.Former[0].Key() != "489.XHKG" {
		t.Errorf("lookup GELYF former listings = %v, want the delisted 489.XHKG", c.Former)
	}
	if code, _, _ := runCLI(t, "", "secmaster", "lookup", "--data", data, "No Such Company Anywhere"); code == 0 {
		t.Error("lookup of an unknown name succeeded")
	}

	in := `{"id":"s","title":"Sangamo shares rise on gene therapy deal"}` + "\n"
	code, out, stderr = runCLI(t, in, "annotate", "--data", data)
	if code != 0 {
		t.Fatalf("annotate: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"symbol":"SGMO","mic":"XNAS"`) {
		t.Errorf("annotate with the imported master did not find Sangamo:\n%s", out)
	}
}
