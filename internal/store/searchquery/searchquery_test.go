package searchquery

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	_ "modernc.org/sqlite"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Node
	}{
		{"", nil},
		{"   ", nil},
		{"nissan", Term{Text: "nissan"}},
		{"nissan foxconn", And{[]Node{Term{Text: "nissan"}, Term{Text: "foxconn"}}}},
		{"nissan +foxconn", And{[]Node{Term{Text: "nissan"}, Term{Text: "foxconn"}}}},
		{"nissan | honda", Or{[]Node{Term{Text: "nissan"}, Term{Text: "honda"}}}},
		{"a b | c", Or{[]Node{And{[]Node{Term{Text: "a"}, Term{Text: "b"}}}, Term{Text: "c"}}}},
		{"a (b | c)", And{[]Node{Term{Text: "a"}, Or{[]Node{Term{Text: "b"}, Term{Text: "c"}}}}}},
		{"a | b | c", Or{[]Node{Term{Text: "a"}, Term{Text: "b"}, Term{Text: "c"}}}},
		{"(a | b) | c", Or{[]Node{Term{Text: "a"}, Term{Text: "b"}, Term{Text: "c"}}}},
		{"nissan -honda", And{[]Node{Term{Text: "nissan"}, Not{Term{Text: "honda"}}}}},
		{"nissan -(honda | toyota)", And{[]Node{Term{Text: "nissan"}, Not{Or{[]Node{Term{Text: "honda"}, Term{Text: "toyota"}}}}}}},
		{"nissan --honda", And{[]Node{Term{Text: "nissan"}, Term{Text: "honda"}}}},
		{"nissan - honda", And{[]Node{Term{Text: "nissan"}, Term{Text: "honda"}}}},
		{`"electric vehicle"`, Phrase{Text: "electric vehicle"}},
		{`"  electric   vehicle "`, Phrase{Text: "electric vehicle"}},
		{`"nissan"`, Term{Text: "nissan"}},
		{"elect*", Term{Text: "elect", Prefix: true}},
		{"el*", Term{Text: "el", Prefix: true}},
		{"e*", Term{Text: "e"}},
		{"Coca-Cola", Term{Text: "Coca-Cola"}},
		{"AT&T", Term{Text: "AT&T"}},
		{"a (b c)", And{[]Node{Term{Text: "a"}, Term{Text: "b"}, Term{Text: "c"}}}},
		// Hostile and malformed input becomes literal words.
		{`foo" OR 1=1 --`, And{[]Node{Term{Text: "foo"}, Phrase{Text: "OR 1=1 --"}}}},
		{`"unclosed phrase`, Phrase{Text: "unclosed phrase"}},
		{"(a | b", Or{[]Node{Term{Text: "a"}, Term{Text: "b"}}}},
		{"a) b", And{[]Node{Term{Text: "a"}, Term{Text: "b"}}}},
		{"()", nil},
		{"a NEAR b", And{[]Node{Term{Text: "a"}, Term{Text: "NEAR"}, Term{Text: "b"}}}},
		{"NEAR(a b)", And{[]Node{Term{Text: "NEAR"}, Term{Text: "a"}, Term{Text: "b"}}}},
		{"title:nissan", Term{Text: "title:nissan"}},
		{"^nissan", Term{Text: "^nissan"}},
		{"^ * - | ( ) \" +", nil},
		{"*", nil},
		{"a | | b", Or{[]Node{Term{Text: "a"}, Term{Text: "b"}}}},
		{"| a", Term{Text: "a"}},
		{"日産 自動車", And{[]Node{Term{Text: "日産"}, Term{Text: "自動車"}}}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseBadQuery(t *testing.T) {
	tests := []string{
		"-honda",
		"-honda -toyota",
		"(a | -b)",
		"a | -b",
		"-(a b)",
		strings.Repeat("a ", MaxTerms+1),
		strings.Repeat("x", MaxLength+1),
		strings.Repeat("(", MaxDepth+2) + "a",
	}
	for _, in := range tests {
		if n, err := Parse(in); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Parse(%.40q) = %v, %v; want ErrBadQuery", in, String(n), err)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		in, fts5, tsquery string
	}{
		{"nissan", `"nissan"`, `'nissan'`},
		{"elect*", `"elect"*`, `'elect':*`},
		{`"say ""hi"`, `("say" AND "hi")`, `('say' & 'hi')`},
		{`it's a\b`, `("it's" AND "a\b")`, `('it''s' & 'a\\b')`},
		{"a b -c -d", `(("a" AND "b") NOT ("c") NOT ("d"))`, `(('a' & 'b') & !('c') & !('d'))`},
		{"a | b c", `("a" OR ("b" AND "c"))`, `('a' | ('b' & 'c'))`},
		{`"electric vehicle" NEAR`, `("electric vehicle" AND "NEAR")`, `('electric vehicle' & 'NEAR')`},
	}
	for _, tt := range tests {
		n, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := FTS5(n); got != tt.fts5 {
			t.Errorf("FTS5(%q) = %s, want %s", tt.in, got, tt.fts5)
		}
		if got := TSQuery(n); got != tt.tsquery {
			t.Errorf("TSQuery(%q) = %s, want %s", tt.in, got, tt.tsquery)
		}
	}
}

// TestFTS5Matches runs rendered queries against a real FTS5 table.
func TestFTS5Matches(t *testing.T) {
	db := openFTS(t)
	docs := []string{
		"Nissan in talks with Foxconn over electric vehicle plant",
		"Honda and Nissan end merger talks",
		"AT&T raises dividend; NEAR record high",
		"Electrification plans at Toyota",
	}
	for i, d := range docs {
		if _, err := db.Exec(`INSERT INTO t(rowid, body) VALUES (?, ?)`, i+1, d); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		q    string
		want []int
	}{
		{"nissan", []int{1, 2}},
		{"nissan -honda", []int{1}},
		{"foxconn | toyota", []int{1, 4}},
		{`"electric vehicle"`, []int{1}},
		{`"vehicle electric"`, nil},
		{"electri*", []int{1, 4}},
		{"AT&T", []int{3}},
		{"NEAR", []int{3}},
		{"(nissan | toyota) -(honda | foxconn)", []int{4}},
		{`foo" OR 1=1 --`, nil},
		{"body:nissan", nil},
	}
	for _, tt := range tests {
		n, err := Parse(tt.q)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.q, err)
		}
		got, err := match(db, FTS5(n))
		if err != nil {
			t.Errorf("%q → %s: %v", tt.q, FTS5(n), err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q → %s (-want +got):\n%s", tt.q, FTS5(n), diff)
		}
	}
}

// FuzzParse checks that no input panics, that errors are ErrBadQuery, and
// that every accepted query renders to an expression FTS5 accepts.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"nissan foxconn", `"a b" | c* -(d e)`, `foo" OR 1=1 --`, "NEAR(a b, 2)", "title:x ^y", "((a"} {
		f.Add(s)
	}
	db := openFTS(f)
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Parse(%q): %v is not ErrBadQuery", s, err)
			}
			return
		}
		if n == nil {
			return
		}
		_ = TSQuery(n)
		if _, err := match(db, FTS5(n)); err != nil {
			t.Fatalf("Parse(%q) → %s: FTS5 rejects it: %v", s, FTS5(n), err)
		}
	})
}

func openFTS(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`); err != nil {
		tb.Fatal(err)
	}
	return db
}

func match(db *sql.DB, expr string) ([]int, error) {
	rows, err := db.Query(`SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid`, expr)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
