package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	page := `<html lang="en"><head><title>Acme buys Widget Co | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://wire.example/acme-widget?utm_source=feed">
<meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
<body><h1>Acme buys Widget Co</h1><article><p>Acme Corp agreed to buy Widget Co for $2 billion in cash, the companies said on Thursday, ending months of talks.</p>
<p>The deal still needs approval from regulators in the United States and Europe, and is expected to close later this year.</p></article></body></html>`
	path := filepath.Join(dir, "page.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	htmlJSON, _ := json.Marshal(page)
	in := strings.Join([]string{
		`{"id":"a","url":"https://wire.example/x","path":` + quote(path) + `}`,
		`{"id":"b","html":` + string(htmlJSON) + `}`,
		`{"id":"c","path":` + quote(filepath.Join(dir, "missing.html")) + `}`,
		`{"id":"d"}`,
		`not json`,
	}, "\n")
	code, out, stderr := runCLI(t, in, "extract", "--workers", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(lines), out)
	}
	for i, id := range []string{"a", "b"} {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		if got["id"] != id || got["title"] != "Acme buys Widget Co" || got["language"] != "en" ||
			got["canonical_url"] != "https://wire.example/acme-widget" || got["published"] != "2024-05-02T08:00:00Z" ||
			!strings.Contains(got["text"].(string), "approval from regulators") {
			t.Errorf("line %d: %s", i, lines[i])
		}
	}
	for i := 2; i < 5; i++ {
		if !strings.Contains(lines[i], `"error"`) {
			t.Errorf("line %d: want an error: %s", i, lines[i])
		}
	}

	code, out, stderr = runCLI(t, "", "extract", "--html", path, "--url", "https://wire.example/y")
	if code != 0 || !strings.Contains(out, `"title":"Acme buys Widget Co"`) {
		t.Errorf("--html: exit %d, %s %s", code, out, stderr)
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
