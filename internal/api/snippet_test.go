package api

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tickerwire/tickerwire/internal/text"
)

// TestSnippet checks that collapsing only the start of a body gives the
// snippet of the whole body collapsed.
func TestSnippet(t *testing.T) {
	long := strings.Repeat("Nissan  shares\n\n rose\tsharply ", 40)
	tests := []struct {
		name, body string
		max        int
	}{
		{"empty", "", 10},
		{"whitespace only", " \n\t ", 10},
		{"short", "  Nissan\n\nshares   rose ", 40},
		{"exactly max", "Nissan shares", 13},
		{"one byte over max", "Nissan shares!", 13},
		{"cut at a word boundary", "Nissan shares rose sharply", 20},
		{"multi-byte text", "Ñissan   ßhares     rose", 12},
		{"long body", long, 400},
		{"word across max", "a " + strings.Repeat("x", 500), 400},
	}
	for _, tt := range tests {
		want := text.Shorten(strings.Join(strings.Fields(tt.body), " "), tt.max)
		if diff := cmp.Diff(want, snippet(tt.body, tt.max)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if got := snippet("  Nissan\n\nshares   rose ", 40); got != "Nissan shares rose" {
		t.Errorf("snippet = %q, want the words joined by single spaces", got)
	}
}
