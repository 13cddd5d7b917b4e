package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClusterCommand(t *testing.T) {
	const wire = "Nissan Motor and Foxconn are in talks about a partnership under which the iPhone assembler would build electric vehicles at the Oppama plant in Yokosuka, the Nikkei business daily reported, citing people familiar with the matter. Nissan declined to comment."
	in := strings.Join([]string{
		`{"id":"reuters-1","title":"Nissan, Foxconn in EV talks - Nikkei","text":"` + wire + `","published":"2025-05-12T08:00:00Z"}`,
		`{"id":"fed-1","title":"Fed holds rates steady","text":"The Federal Reserve left interest rates unchanged on Wednesday and signalled no hurry to cut borrowing costs while inflation stays above target.","published":"2025-05-12T08:10:00Z"}`,
		`{"id":"yahoo-7","title":"Nissan and Foxconn discuss electric car tie-up","text":"TOKYO (Reuters) - ` + wire + ` (Editing by Jacqueline Wong)","published":"2025-05-12T08:30:00Z"}`,
		`{"id":42,"title":"Foxconn in talks to build EVs at Nissan's Oppama plant, Nikkei reports"}`,
		`{"id":"broken"`,
		`{"title":"no id"}`,
	}, "\n") + "\n"
	code, out, stderr := runCLI(t, in, "cluster")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := []string{
		`{"id":"reuters-1","story":"reuters-1"}`,
		`{"id":"fed-1","story":"fed-1"}`,
		`{"id":"yahoo-7","story":"reuters-1"}`,
		`{"id":42,"story":"reuters-1"}`,
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d lines, want 6:\n%s", len(lines), out)
	}
	if diff := cmp.Diff(want, lines[:4]); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	for _, l := range lines[4:] {
		if !strings.Contains(l, `"error"`) {
			t.Errorf("bad line gave %s, want an error", l)
		}
	}

	_, again, _ := runCLI(t, in, "cluster")
	if diff := cmp.Diff(out, again); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
}
