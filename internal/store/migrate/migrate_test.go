package migrate

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_more.sql": {Data: []byte("B")},
		"m/0001_init.sql": {Data: []byte("A")},
		"m/README":        {Data: []byte("not sql")},
	}
	got, err := Load(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	want := []Migration{{1, "0001_init.sql", "A"}, {2, "0002_more.sql", "B"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want[1:], Pending(got, map[int]bool{1: true})); diff != "" {
		t.Errorf("Pending (-want +got):\n%s", diff)
	}
}

func TestLoadBlocks(t *testing.T) {
	fsys := fstest.MapFS{"m/0001_a.sql": {}, "m/0002_b.sql": {}, "m/0010_c.sql": {}, "m/0011_d.sql": {}}
	got, err := Load(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	var versions []int
	for _, m := range got {
		versions = append(versions, m.Version)
	}
	if diff := cmp.Diff([]int{1, 2, 10, 11}, versions); diff != "" {
		t.Errorf("versions (-want +got):\n%s", diff)
	}
}

func TestLoadRejects(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"gap":            {"m/0001_a.sql": {}, "m/0003_c.sql": {}},
		"gap in a block": {"m/0001_a.sql": {}, "m/0010_c.sql": {}, "m/0012_c.sql": {}},
		"repeat":         {"m/0001_a.sql": {}, "m/0001_b.sql": {}},
		"badname":        {"m/init.sql": {}},
		"nodir":          {},
	} {
		if _, err := Load(fsys, "m"); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}
