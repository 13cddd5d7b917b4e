package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestProcess(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a","n":1}`,
		``,
		`not json`,
		`{"id":7,"n":2}`,
		`{"id":"c","n":-1}`,
		`{"id":"d","n":3}`,
	}, "\n")
	fn := func(line []byte) (any, error) {
		var in struct{ N int }
		if err := json.Unmarshal(line, &in); err != nil {
			return nil, err
		}
		if in.N < 0 {
			return nil, errors.New("negative")
		}
		if in.N == 3 {
			panic("boom")
		}
		return map[string]int{"double": in.N * 2}, nil
	}
	for _, workers := range []int{1, 4} {
		var out bytes.Buffer
		stats, err := Process(strings.NewReader(input), &out, workers, fn)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Join([]string{
			`{"id":"a","double":2}`,
			`{"id":null,"error":"invalid JSON: invalid character 'o' in literal null (expecting 'u')"}`,
			`{"id":7,"double":4}`,
			`{"id":"c","error":"negative"}`,
			`{"id":"d","error":"internal error: boom"}`,
		}, "\n") + "\n"
		if diff := cmp.Diff(want, out.String()); diff != "" {
			t.Errorf("workers=%d output (-want +got):\n%s", workers, diff)
		}
		if diff := cmp.Diff(Stats{Lines: 5, Errors: 3}, stats); diff != "" {
			t.Errorf("workers=%d stats (-want +got):\n%s", workers, diff)
		}
	}
}

func TestProcessKeepsOrderUnderLoad(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&in, "{\"id\":%d}\n", i)
	}
	var out bytes.Buffer
	stats, err := Process(strings.NewReader(in.String()), &out, 8, func([]byte) (any, error) {
		return struct{}{}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	for i, l := range lines {
		if want := fmt.Sprintf("{\"id\":%d}", i); l != want {
			t.Fatalf("line %d = %q, want %q", i, l, want)
		}
	}
	if len(lines) != 2000 || stats.Lines != 2000 {
		t.Fatalf("got %d lines, stats %+v", len(lines), stats)
	}
}
