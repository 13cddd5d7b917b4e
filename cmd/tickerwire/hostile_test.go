package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tickerwire/tickerwire/internal/store/sqlite"
)

// hostileDocuments are inputs built to hurt parsers: invalid UTF-8, deep
// nesting, enormous lines and markup.
func hostileDocuments() map[string]string {
	return map[string]string{
		"invalid-utf8":   "Toyota \xff\xfe\xc3\x28 shares \xed\xa0\x80 rose\x00 on Monday.",
		"nested-tags":    strings.Repeat("<div>", 100_000) + "Toyota shares rose." + strings.Repeat("</div>", 100_000),
		"unclosed-tags":  strings.Repeat("<b><i><p>", 5_000) + "Sony said",
		"huge-line":      "Apple " + strings.Repeat("revenue rose ", 80_000),
		"markup":         `<script>alert(1)</script><img src=x onerror=alert(1)>Ford<!--`,
		"nested-json":    strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000),
		"nested-objects": strings.Repeat(`{"a":`, 50_000) + "1" + strings.Repeat("}", 50_000),
	}
}

// TestBatchCommandsSurviveHostileInput runs annotate and extract on hostile
// documents (as field values and as whole lines): every input line gets
// exactly one output line, with its id and either a result or an error.
func TestBatchCommandsSurviveHostileInput(t *testing.T) {
	docs := hostileDocuments()
	var in strings.Builder
	var ids []string
	for name, doc := range docs {
		for _, field := range []string{"text", "html"} {
			line, err := json.Marshal(map[string]string{"id": name + "/" + field, "title": doc[:min(len(doc), 200)], field: doc})
			if err != nil {
				t.Fatal(err)
			}
			in.Write(line)
			in.WriteByte('\n')
			ids = append(ids, name+"/"+field)
		}
		// The document itself as a line: not JSON, or JSON that is no object.
		in.WriteString(strings.ReplaceAll(doc, "\n", " "))
		in.WriteByte('\n')
		ids = append(ids, "")
	}
	for _, args := range [][]string{{"annotate", "--data", filepath.Join(t.TempDir(), "none")}, {"extract"}} {
		t.Run(args[0], func(t *testing.T) {
			code, out, stderr := runCLI(t, in.String(), args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(ids) {
				t.Fatalf("%d output lines for %d input lines", len(lines), len(ids))
			}
			for i, line := range lines {
				var got map[string]any
				if err := json.Unmarshal([]byte(line), &got); err != nil {
					t.Errorf("line %d is not JSON: %.200s", i+1, line)
					continue
				}
				if ids[i] != "" && got["id"] != ids[i] {
					t.Errorf("line %d: id %v, want %s", i+1, got["id"], ids[i])
				}
				if ids[i] == "" && got["error"] == nil {
					t.Errorf("line %d (not an object) has no error: %.200s", i+1, line)
				}
			}
		})
	}
}

// TestIngestSurvivesHostileFiles ingests a directory of hostile files: the
// good ones are stored, each bad one is named with its reason, and the
// store stays sound.
func TestIngestSurvivesHostileFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":        "Toyota raises its forecast\n\nToyota Motor raised its full-year profit forecast on Tuesday.\n",
		"nested.html":     hostileDocuments()["nested-tags"],
		"invalid.txt":     hostileDocuments()["invalid-utf8"],
		"huge-line.txt":   hostileDocuments()["huge-line"],
		"nested.json":     hostileDocuments()["nested-json"],
		"deep.json":       hostileDocuments()["nested-objects"],
		"broken.json":     `{"title": "unterminated`,
		"wrong.jsonl":     "{\"title\":\"Sony results\",\"text\":\"Sony said profit rose.\"}\n[1,2]\n\"str\"\n{\"title\":",
		"empty.json":      `[]`,
		"not-gzip.txt.gz": "this is not gzip",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := t.TempDir()
	done := make(chan struct{})
	var code int
	var out, stderr string
	go func() {
		defer close(done)
		code, out, stderr = runCLI(t, "", "ingest", "--data", data, dir)
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("ingest hung on hostile files")
	}
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, bad := range []string{"broken.json", "not-gzip.txt.gz"} {
		if !strings.Contains(stderr, bad+":") {
			t.Errorf("the bad file %s is not reported:\n%s", bad, stderr)
		}
	}
	if !strings.Contains(out, "files: 10") {
		t.Errorf("summary: %s", out)
	}
	st, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := sqlite.IntegrityCheck(context.Background(), data); err != nil {
		t.Error(err)
	}
	code, out, _ = runCLI(t, "", "search", "--data", data, "--json", "Toyota forecast")
	if code != 0 || !strings.Contains(out, "Toyota raises its forecast") {
		t.Errorf("the good file is not searchable (exit %d): %.300s", code, out)
	}
}

// TestRestartKeepsSourceHealth adds the same sources again, as serve
// --sources does on every start: the health already recorded stays.
func TestRestartKeepsSourceHealth(t *testing.T) {
	data := t.TempDir()
	list := filepath.Join(t.TempDir(), "sources.txt")
	if err := os.WriteFile(list, []byte("https://example.com/feed.xml\nhttps://example.org/rss\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "sources", "import", "--data", data, list); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := st.ListSources(ctx)
	if err != nil || len(srcs) != 2 {
		t.Fatalf("%d sources, %v", len(srcs), err)
	}
	polled := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	srcs[0].LastSuccess, srcs[0].ItemsSeen, srcs[0].ETag, srcs[0].NextPoll = polled, 42, `"v9"`, polled.Add(time.Hour)
	srcs[1].ConsecutiveFailures, srcs[1].Blocked, srcs[1].LastError = 3, true, "429 Too Many Requests"
	for i := range srcs {
		if err := st.SaveSource(ctx, &srcs[i]); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	if code, out, stderr := runCLI(t, "", "sources", "import", "--data", data, list); code != 0 || !strings.Contains(out, "imported 0 source(s)") {
		t.Fatalf("re-import: exit %d, %s %s", code, out, stderr)
	}
	code, out, _ := runCLI(t, "", "sources", "list", "--data", data, "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var got []struct {
		LastSuccess         time.Time `json:"last_success"`
		ItemsSeen           int       `json:"items_seen"`
		ETag                string    `json:"etag"`
		ConsecutiveFailures int       `json:"consecutive_failures"`
		Blocked             bool      `json:"blocked"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 {
		t.Fatalf("%v: %s", err, out)
	}
	if !got[0].LastSuccess.Equal(polled) || got[0].ItemsSeen != 42 || got[0].ETag != `"v9"` {
		t.Errorf("source 1 lost its health: %+v", got[0])
	}
	if got[1].ConsecutiveFailures != 3 || !got[1].Blocked {
		t.Errorf("source 2 forgot it is blocked: %+v", got[1])
	}
}

// TestAPIKeysHashedAtRest creates a key and reads every file of the data
// directory: the token (and its secret part) appear nowhere, its SHA-256
// does.
func TestAPIKeysHashedAtRest(t *testing.T) {
	data := t.TempDir()
	code, out, stderr := runCLI(t, "", "keys", "create", "--data", data, "reader")
	if code != 0 {
		t.Fatalf("keys create: %s", stderr)
	}
	token := strings.TrimSpace(out)
	secret := token[strings.LastIndexByte(token, '_')+1:]
	if len(secret) < 32 {
		t.Fatalf("token %q has a short secret", token)
	}
	sum := sha256.Sum256([]byte(token))
	hash := hex.EncodeToString(sum[:])
	var all []byte
	files, _ := filepath.Glob(filepath.Join(data, "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	if strings.Contains(string(all), secret) {
		t.Errorf("the key's secret is stored in the clear in %v", files)
	}
	if !strings.Contains(string(all), hash) {
		t.Errorf("the key's SHA-256 is not what is stored")
	}
}
