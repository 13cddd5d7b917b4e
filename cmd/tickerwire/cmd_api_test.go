package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

func TestKeysCommand(t *testing.T) {
	data := t.TempDir()
	code, token, stderr := runCLI(t, "", "keys", "create", "--data", data, "--rate-limit", "120", "reader")
	if code != 0 || !strings.HasPrefix(token, "tw_") || !strings.Contains(stderr, "created key 1") {
		t.Fatalf("create: exit %d, %q %s", code, token, stderr)
	}
	code, out, _ := runCLI(t, "", "keys", "list", "--data", data)
	if code != 0 || !strings.Contains(out, "reader") || !strings.Contains(out, "active") || strings.Contains(out, strings.TrimSpace(token)) {
		t.Errorf("list: exit %d:\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "", "keys", "revoke", "--data", data, "1"); code != 0 || !strings.Contains(out, "revoked key 1") {
		t.Errorf("revoke: exit %d %s", code, out)
	}
	code, out, _ = runCLI(t, "", "keys", "list", "--data", data, "--json")
	var k struct {
		Name      string `json:"name"`
		RateLimit int    `json:"rate_limit"`
		Revoked   string `json:"revoked"`
	}
	if err := json.Unmarshal([]byte(out), &k); err != nil || k.RateLimit != 120 || strings.HasPrefix(k.Revoked, "0001") {
		t.Errorf("list --json after revoke: %s (%v)", out, err)
	}
	for _, args := range [][]string{{"keys", "revoke", "--data", data, "9"}, {"keys", "create", "--data", data}, {"keys", "rotate"}} {
		if code, _, _ := runCLI(t, "", args...); code == 0 {
			t.Errorf("%v succeeded", args)
		}
	}
}

func TestWatchlistsCommand(t *testing.T) {
	data := t.TempDir()
	code, out, stderr := runCLI(t, "", "watchlists", "add", "--data", data, "--name", "autos", "--symbols", "7201.XTKS,hmc",
		"--search", "EV platform", "--events", "partnership", "--sentiment-lte", "0.2", "--webhook", "https://ntfy.example/autos",
		"--template", "{{.Article.Title}}")
	if code != 0 || !strings.Contains(out, "added watchlist 1: autos") {
		t.Fatalf("add: exit %d, %s %s", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", "watchlists", "list", "--data", data, "--json")
	var w struct {
		Symbols      []string `json:"symbols"`
		SentimentLTE float64  `json:"sentiment_lte"`
		Template     string   `json:"webhook_template"`
	}
	if err := json.Unmarshal([]byte(out), &w); code != 0 || err != nil {
		t.Fatalf("list: exit %d, %s", code, out)
	}
	if diff := cmp.Diff([]string{"7201.XTKS", "HMC"}, w.Symbols); diff != "" || w.SentimentLTE != 0.2 || w.Template != "{{.Article.Title}}" {
		t.Errorf("listed %+v", w)
	}
	if code, out, _ := runCLI(t, "", "watchlists", "deliveries", "--data", data, "1"); code != 0 || !strings.Contains(out, "ALERT") {
		t.Errorf("deliveries: exit %d %s", code, out)
	}
	if code, _, stderr := runCLI(t, "", "watchlists", "add", "--data", data, "--name", "x", "--events", "party"); code == 0 || !strings.Contains(stderr, "party") {
		t.Errorf("bad event: exit %d %s", code, stderr)
	}
	if code, out, _ := runCLI(t, "", "watchlists", "remove", "--data", data, "1"); code != 0 || !strings.Contains(out, "removed watchlist 1") {
		t.Errorf("remove: exit %d %s", code, out)
	}
	if code, _, _ := runCLI(t, "", "watchlists", "remove", "--data", data, "1"); code == 0 {
		t.Error("removing twice succeeded")
	}
}

func TestExportCommand(t *testing.T) {
	data := t.TempDir()
	if code, out, stderr := runCLI(t, "", "ingest", "--data", data, testutil.SharedFile(t, "seed/nissan-foxconn.txt")); code != 0 {
		t.Fatalf("ingest: exit %d, %s %s", code, out, stderr)
	}
	code, out, stderr := runCLI(t, "", "export", "--data", data)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 18 {
		t.Fatalf("export jsonl: exit %d, %d lines %s", code, len(lines), stderr)
	}
	code, out, stderr = runCLI(t, "", "export", "--data", data, "--format", "csv", "--symbols", "NSANY")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 2 || rows[0][0] != "uuid" || !strings.Contains(rows[1][2], "Nissan") || !strings.Contains(rows[1][7], "NSANY.OTCM") {
		t.Fatalf("export csv: exit %d, %v, %q %s", code, err, rows, stderr)
	}
	code, _, stderr = runCLI(t, "", "export", "--data", data, "--events", "party")
	if code == 0 || !strings.Contains(stderr, "--events") {
		t.Errorf("bad filter: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "export", "--data", data, "--format", "xml"); code == 0 {
		t.Error("--format xml succeeded")
	}
}
