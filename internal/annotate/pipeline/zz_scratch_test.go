package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/annotate"
)

func TestZZScratch(t *testing.T) {
	f, _ := os.Open(os.Getenv("ZZFILE"))
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	a := Default()
	n := 0
	for sc.Scan() && n < 6 {
		var x struct{ Title, Text string }
		json.Unmarshal(sc.Bytes(), &x)
		n++
		ann := a.Annotate(annotate.NewDocument(x.Title, x.Text))
		var ps, ls, fs []string
		for _, p := range ann.People {
			ps = append(ps, fmt.Sprintf("%s[%s|%s]x%d", p.Name, p.Role, p.Company, len(p.Mentions)))
		}
		for _, p := range ann.Places {
			ls = append(ls, fmt.Sprintf("%s/%s x%d+%d", p.Name, p.Country, len(p.Mentions), len(p.Demonyms)))
		}
		for _, p := range ann.Facts {
			fs = append(fs, fmt.Sprintf("%s=%g %s", p.Text, p.Value, p.Unit))
		}
		fmt.Printf("== %s [%s]\nPEOPLE: %s\nPLACES: %s\nFACTS: %s\n", x.Title, ann.Language, strings.Join(ps, "; "), strings.Join(ls, "; "), strings.Join(fs, "; "))
	}
}
