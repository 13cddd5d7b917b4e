package api

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResponseCache(t *testing.T) {
	type step struct {
		put       bool
		gen       uint64
		key, body string
		want      string // for a get: the body found, "" for none
	}
	tests := []struct {
		name  string
		max   int
		steps []step
	}{
		{"kept for its generation", 1600, []step{
			{put: true, gen: 1, key: "a", body: "A"}, {gen: 1, key: "a", want: "A"}, {gen: 1, key: "b"}}},
		{"dropped at the next generation", 1600, []step{
			{put: true, gen: 1, key: "a", body: "A"}, {gen: 2, key: "a"}, {gen: 1, key: "a"}}},
		{"a body of an older generation is not kept", 1600, []step{
			{gen: 2, key: "a"}, {put: true, gen: 1, key: "a", body: "A"}, {gen: 2, key: "a"}}},
		{"replaced", 1600, []step{
			{put: true, gen: 1, key: "a", body: "A"}, {put: true, gen: 1, key: "a", body: "B"}, {gen: 1, key: "a", want: "B"}}},
		{"full: starts afresh", 8, []step{
			{put: true, gen: 1, key: "a", body: "AA"}, {put: true, gen: 1, key: "b", body: "BB"}, {put: true, gen: 1, key: "c", body: "CC"},
			{put: true, gen: 1, key: "d", body: "DD"}, {gen: 1, key: "a", want: "AA"},
			{put: true, gen: 1, key: "e", body: "E"}, {gen: 1, key: "a"}, {gen: 1, key: "e", want: "E"}}},
		{"too large a body is not kept", 8, []step{{put: true, gen: 1, key: "a", body: "AAA"}, {gen: 1, key: "a"}}},
	}
	for _, tt := range tests {
		c := &responseCache{max: tt.max}
		for i, s := range tt.steps {
			if s.put {
				c.put(s.gen, s.key, []byte(s.body))
				continue
			}
			body, ok := c.get(s.gen, s.key)
			if diff := cmp.Diff(s.want, string(body)); diff != "" || ok != (s.want != "") {
				t.Errorf("%s: step %d: get(%d, %q) = %q, %v (-want +got):\n%s", tt.name, i, s.gen, s.key, body, ok, diff)
			}
		}
	}
}
