// Package jsonl runs the batch commands' contract: read JSON Lines, handle
// each line, and write one JSON object per input line, in input order, with
// the input's "id" first. A bad line becomes {"id": ..., "error": "..."} and
// the run goes on.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// MaxLine is the longest input line accepted (64 MiB).
const MaxLine = 64 << 20

// Stats counts what a run did.
type Stats struct {
	Lines  int // input lines read (blank lines are skipped and not counted)
	Errors int // lines answered with an error
}

// Func handles one input line and returns a value that marshals to a JSON object.
type Func func(line []byte) (any, error)

type job struct {
	seq  int
	line []byte
}

type result struct {
	seq int
	out []byte
	err bool
}

// Process reads JSON Lines from r, calls fn for each non-blank line (on up to
// workers goroutines) and writes the results to w in input order. It returns
// an error only when r cannot be read or w cannot be written.
func Process(r io.Reader, w io.Writer, workers int, fn Func) (Stats, error) {
	if workers < 1 {
		workers = 1
	}
	jobs := make(chan job, workers*4)
	results := make(chan result, workers*4)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out, failed := handle(j.line, fn)
				results <- result{seq: j.seq, out: out, err: failed}
			}
		}()
	}

	var readErr error
	go func() {
		defer close(jobs)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), MaxLine)
		seq := 0
		for sc.Scan() {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			jobs <- job{seq: seq, line: append([]byte(nil), line...)}
			seq++
		}
		readErr = sc.Err()
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var stats Stats
	bw := bufio.NewWriter(w)
	pending := map[int]result{}
	next := 0
	var writeErr error
	for res := range results {
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			stats.Lines++
			if p.err {
				stats.Errors++
			}
			if writeErr == nil {
				_, writeErr = bw.Write(p.out)
				if writeErr == nil {
					writeErr = bw.WriteByte('\n')
				}
			}
		}
	}
	if err := bw.Flush(); writeErr == nil {
		writeErr = err
	}
	if readErr != nil {
		return stats, fmt.Errorf("reading input: %w", readErr)
	}
	return stats, writeErr
}

// handle runs fn on one line and returns the output object with the input's
// id first, and whether it is an error line.
func handle(line []byte, fn Func) (out []byte, failed bool) {
	var head struct {
		ID json.RawMessage `json:"id"`
	}
	id := json.RawMessage("null")
	if err := json.Unmarshal(line, &head); err != nil {
		return errorLine(id, fmt.Errorf("invalid JSON: %v", err)), true
	}
	if len(head.ID) > 0 {
		id = head.ID
	}
	v, err := safeCall(fn, line)
	if err != nil {
		return errorLine(id, err), true
	}
	body, err := json.Marshal(v)
	if err != nil {
		return errorLine(id, fmt.Errorf("encoding output: %v", err)), true
	}
	return withID(id, body), false
}

// safeCall calls fn, turning a panic into an error so that one bad line
// never stops the run.
func safeCall(fn Func, line []byte) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return fn(line)
}

func errorLine(id json.RawMessage, err error) []byte {
	msg, _ := json.Marshal(err.Error())
	return []byte(`{"id":` + string(id) + `,"error":` + string(msg) + `}`)
}

// withID puts "id" first in the JSON object body, dropping any "id" the
// body had.
func withID(id json.RawMessage, body []byte) []byte {
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' {
		return errorLine(id, fmt.Errorf("output is not a JSON object"))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err == nil {
		if _, has := fields["id"]; has {
			// Rare: the handler echoed an id. Re-encode without it, keeping
			// the handler's field order is not needed for correctness.
			delete(fields, "id")
			body, _ = json.Marshal(fields)
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	b.Write(id)
	if inner := bytes.TrimSpace(body[1 : len(body)-1]); len(inner) > 0 {
		b.WriteByte(',')
		b.Write(inner)
	}
	b.WriteByte('}')
	return b.Bytes()
}
