package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

// runCLI runs the whole program in-process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	return code, out.String(), errb.String()
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, name := range []string{"serve", "worker", "ingest", "annotate", "cluster", "extract", "search", "secmaster", "sources", "version"} {
		if !strings.Contains(out, "  "+name+" ") {
			t.Errorf("help lacks %q", name)
		}
	}
	for name := range commands {
		code, out, _ := runCLI(t, "", "help", name)
		if code != 0 || !strings.Contains(out, "Usage") {
			t.Errorf("help %s: exit %d, no usage:\n%s", name, code, out)
		}
	}
	if code, _, _ := runCLI(t, "", "no-such-command"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestAnnotateInlineTags(t *testing.T) {
	in := `{"id":"x","text":"Japan’s Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn (SS:601138)"}` + "\n" + `{"id":"bad"` + "\n"
	code, out, stderr := runCLI(t, in, "annotate", "--data", filepath.Join(t.TempDir(), "none"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	var got struct {
		ID        string         `json:"id"`
		Companies []news.Company `json:"companies"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	text := "Japan’s Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn (SS:601138)"
	found := map[string]bool{}
	for _, c := range got.Companies {
		for _, m := range c.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not match the text's bytes %q", m, text[m.Start:m.End])
			}
			found[m.Text] = true
		}
	}
	for _, tag := range []string{"OTC:NSANY", "SS:601138"} {
		if !found[tag] {
			t.Errorf("tag %s not among the mentions %v", tag, found)
		}
	}
	if !strings.Contains(lines[1], `"id":null`) && !strings.Contains(lines[1], `"error"`) {
		t.Errorf("bad line answered %s", lines[1])
	}
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	seed := testutil.SharedFile(t, "seed/nissan-foxconn.txt")
	data := t.TempDir()
	code, out, stderr := runCLI(t, "", "ingest", "--data", data, seed)
	if code != 0 || !strings.Contains(out, "items: 18, new: 18") {
		t.Fatalf("first ingest: exit %d, %s %s", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", "ingest", "--data", data, seed)
	if code != 0 || !strings.Contains(out, "items: 18, new: 0") {
		t.Fatalf("second ingest: exit %d, %s", code, out)
	}
	code, out, _ = runCLI(t, "", "search", "--data", data, "--symbols", "NSANY", "Foxconn")
	if code != 0 || !strings.Contains(out, "1 of 1 found") {
		t.Errorf("search: exit %d, %s", code, out)
	}
}

func TestEnvironmentSetsFlags(t *testing.T) {
	seed := testutil.SharedFile(t, "seed/nissan-foxconn.txt")
	data := t.TempDir()
	var out bytes.Buffer
	getenv := func(k string) string {
		if k == "TICKERWIRE_DATA" {
			return data
		}
		return ""
	}
	if code := run(context.Background(), []string{"ingest", seed}, strings.NewReader(""), &out, &out, getenv); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	if !storeExists(data) {
		t.Errorf("TICKERWIRE_DATA=%s was not used", data)
	}
}

func TestStoreCommandsOnPostgres(t *testing.T) {
	db := testutil.PostgresSchemaURL(t, "")
	if code, out, errs := runCLI(t, "", "sources", "add", "--database", db, "--name", "Example", "https://news.example.com/feed.xml"); code != 0 {
		t.Fatalf("sources add: exit %d: %s %s", code, out, errs)
	}
	code, out, errs := runCLI(t, "", "sources", "list", "--database", db, "--json")
	if code != 0 || !strings.Contains(out, "https://news.example.com/feed.xml") {
		t.Fatalf("sources list: exit %d: %s %s", code, out, errs)
	}
	seed := testutil.SharedFile(t, "seed/nissan-foxconn.txt")
	if code, out, errs := runCLI(t, "", "ingest", "--database", db, seed); code != 0 || !strings.Contains(out, "new: 18") {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	if code, out, _ := runCLI(t, "", "search", "--database", db, "--symbols", "NSANY", "Foxconn"); code != 0 || !strings.Contains(out, "1 of 1 found") {
		t.Errorf("search: exit %d: %s", code, out)
	}
}
