package pipeline

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/tickerwire/tickerwire/internal/annotate"
	"github.com/tickerwire/tickerwire/internal/testutil"
)

type article struct{ title, text string }

func reuters(b *testing.B) []article {
	f, err := os.Open(testutil.SharedFile(b, "data/eval/reuters21578-modapte-train.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		out = append(out, article{a.Title, a.Text})
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

func TestDefault(t *testing.T) {
	d := annotate.NewDocument("Nissan in talks with Foxconn", "Nissan CEO Ivan Espinosa said in Tokyo that 3,900 workers would keep their jobs.")
	ann := New(nil).Annotate(d)
	if ann.Language != "en" || len(ann.People) != 1 || len(ann.Places) != 1 || len(ann.Facts) != 1 {
		t.Errorf("got language %q, people %+v, places %+v, facts %+v", ann.Language, ann.People, ann.Places, ann.Facts)
	}
}
