package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
)

// Profiles are served on loopback addresses only.
func TestStartPprofOnlyOnLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr    string
		wantErr string
	}{
		{"127.0.0.1:0", ""},
		{"localhost:0", ""},
		{"0.0.0.0:0", "only a loopback address"},
		{":0", "only a loopback address"},
		{"192.0.2.1:6060", "only a loopback address"},
		{"127.0.0.1", "missing port"},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			env := &Env{Ctx: ctx, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			err := startPprof(ctx, env, tc.addr)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("startPprof(%q): %v", tc.addr, err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("startPprof(%q) = %v, want an error with %q", tc.addr, err, tc.wantErr)
			}
		})
	}
}
