package sqlite

import (
	"testing"

	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

func TestFTSMatch(t *testing.T) {
	tests := []struct {
		search  string
		symbols []string
		want    string
	}{
		{"nissan talks", nil, `("nissan" AND "talks")`},
		{"nissan", []string{"NSANY", "BRK.B"}, `{symbols}: (s4E53414E59 OR s42524B2E42) AND "nissan"`},
		{"sales | shares", nil, `("sales" OR "shares")`},
		{"s4*", nil, `{title description body}: "s4"*`},
		{"nissan -S4E", []string{"AAPL"}, `{symbols}: (s4141504C) AND {title description body}: (("nissan") NOT ("S4E"))`},
		{`"japan's carmaker"`, nil, `{title description body}: "japan's carmaker"`},
		{"s", nil, `{title description body}: "s"`},
		{"a—sab", nil, `{title description body}: "a—sab"`},
		{"śa1", nil, `{title description body}: "śa1"`},
		{"sag", nil, `"sag"`},
	}
	for _, tt := range tests {
		n, err := searchquery.Parse(tt.search)
		if err != nil {
			t.Fatal(err)
		}
		if got := ftsMatch(n, tt.symbols); got != tt.want {
			t.Errorf("ftsMatch(%q, %q) = %s, want %s", tt.search, tt.symbols, got, tt.want)
		}
	}
}
