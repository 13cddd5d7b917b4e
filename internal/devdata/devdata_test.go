package devdata

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		file    string
		want    []int
		wantErr string
	}{
		{"two.jsonl", []int{1, 2}, ""},
		{"bad.jsonl", []int{1}, "bad.jsonl:2:"},
		{"missing.jsonl", nil, "missing.jsonl"},
	}
	for _, tt := range tests {
		var got []int
		err := ReadJSONL(filepath.Join("testdata", tt.file), func(line []byte) error {
			var v struct{ A int }
			if err := json.Unmarshal(line, &v); err != nil {
				return err
			}
			got = append(got, v.A)
			return nil
		})
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: error %v, want one containing %q", tt.file, err, tt.wantErr)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.file, diff)
		}
	}
}

func TestSharedDirFromEnvironment(t *testing.T) {
	t.Setenv("TICKERWIRE_SHARED", "/data/shared")
	if got := SharedDir(); got != "/data/shared" {
		t.Errorf("SharedDir() = %q, want /data/shared", got)
	}
	t.Setenv("TICKERWIRE_SHARED", "")
	if got := SharedDir(); filepath.Base(got) != "shared" {
		t.Errorf("SharedDir() = %q, want a directory named shared", got)
	}
}
