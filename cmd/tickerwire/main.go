// Command tickerwire is the self-hosted financial news engine: it collects
// news, finds the listed companies each article is about, tells what
// happened and how it reads, groups copies of one story, and serves it all.
//
// Each subcommand lives in its own file (cmd_NAME.go) and registers itself;
// this file only dispatches. Logic lives in internal/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// command is one subcommand.
type command struct {
	Name    string
	Summary string // one line for `tickerwire help`
	Help    string // what -h prints above the flags
	Run     func(env *Env, args []string) error
}

var commands = map[string]*command{}

// register adds a subcommand; each cmd_NAME.go calls it from init.
func register(c *command) {
	if _, dup := commands[c.Name]; dup {
		panic("duplicate command " + c.Name)
	}
	commands[c.Name] = c
}

// Env is what a command runs with: its streams, logger and context.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
	Getenv func(string) string
	cmd    *command
}

// errUsage marks an error already explained by the flag package.
var errUsage = errors.New("usage")

// FlagSet returns a flag set for the named command that prints the command's
// help and its flags on -h.
func (e *Env) FlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	fs.Usage = func() {
		if e.cmd != nil && e.cmd.Help != "" {
			fmt.Fprintln(e.Stderr, strings.TrimSpace(e.cmd.Help))
			fmt.Fprintln(e.Stderr)
		}
		fmt.Fprintln(e.Stderr, "Flags (each also read from the environment as TICKERWIRE_<NAME>, dashes as underscores):")
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses args into fs after applying TICKERWIRE_* environment
// variables as defaults for every flag (flags on the command line win).
func (e *Env) Parse(fs *flag.FlagSet, args []string) error {
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		key := "TICKERWIRE_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := e.Getenv(key); v != "" && envErr == nil {
			if err := f.Value.Set(v); err != nil {
				envErr = fmt.Errorf("%s=%q: %v", key, v, err)
			}
		}
	})
	if envErr != nil {
		return envErr
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return flag.ErrHelp
		}
		return errUsage
	}
	return nil
}

// Input opens the single file argument, or standard input when there is none
// or it is "-".
func (e *Env) Input(args []string) (io.Reader, func(), error) {
	switch {
	case len(args) == 0 || (len(args) == 1 && args[0] == "-"):
		return e.Stdin, func() {}, nil
	case len(args) > 1:
		return nil, nil, fmt.Errorf("expected at most one input file, got %d", len(args))
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run executes one command line and returns the exit status; tests call it
// to run the whole program in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	level := slog.LevelInfo
	if strings.EqualFold(getenv("TICKERWIRE_LOG_LEVEL"), "debug") {
		level = slog.LevelDebug
	}
	var handler slog.Handler = slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})
	if strings.EqualFold(getenv("TICKERWIRE_LOG_FORMAT"), "json") {
		handler = slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level})
	}
	env := &Env{Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr, Log: slog.New(handler), Getenv: getenv}

	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "--help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				env.cmd = c
				env.Stderr = stdout // help asked for goes to standard output
				_ = c.Run(env, []string{"-h"})
				return 0
			}
		}
		usage(stdout)
		return 0
	case "version", "--version":
		fmt.Fprintf(stdout, "tickerwire %s\n", version)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "tickerwire: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	env.cmd = c
	err := c.Run(env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "tickerwire %s: %v\n", name, err)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tickerwire — a self-hosted financial news engine")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: tickerwire COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n", "version", "print the version")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'tickerwire help COMMAND' or 'tickerwire COMMAND -h' for a command's flags.")
}
