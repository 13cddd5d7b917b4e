package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestZZDebugDates(t *testing.T) {
	ids := strings.Fields(os.Getenv("ZZIDS"))
	if len(ids) == 0 {
		t.Skip()
	}
	var gt map[string]struct{ URL, Date string }
	raw, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/ground-truth.json")
	json.Unmarshal(raw, &gt)
	for _, id := range ids {
		page, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/html/" + id + ".html.gz")
		utf, _ := ToUTF8(page, "")
		doc, _ := html.Parse(bytes.NewReader(utf))
		g := gt[id]
		m := collectMeta(doc, "")
		hd := findDate(doc, m, g.URL)
		pub := chooseDate(m, hd, doc)
		fmt.Printf("== %s %s\n  gold %s ours %s\n  htmldate %v tz=%v src=%q\n", id, g.URL, g.Date, pub, hd.DateTime, hd.HasTimezone, trunc(hd.SrcString))
		fmt.Printf("  published %v\n  modified %v\n  times %v\n  zone %v lang %q\n", m.publishedStamps(), m.modifiedRaw(), m.timeStamps, m.pageZone(), m.lang)
	}
}

func trunc(s string) string {
	if len(s) > 150 {
		return s[:150]
	}
	return s
}

func TestZZPubMod(t *testing.T) {
	if os.Getenv("ZZALL") == "" {
		t.Skip()
	}
	var gt map[string]struct {
		URL, Date   string
		Date_status string `json:"date_status"`
	}
	raw, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/ground-truth.json")
	json.Unmarshal(raw, &gt)
	for id, g := range gt {
		if g.Date == "" {
			continue
		}
		page, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/html/" + id + ".html.gz")
		utf, _ := ToUTF8(page, "")
		doc, _ := html.Parse(bytes.NewReader(utf))
		m := collectMeta(doc, "")
		pub := m.publishedStamps()
		mod := parseStamps(m.modifiedRaw())
		if len(pub) == 0 || len(mod) == 0 {
			continue
		}
		zone := m.pageZone()
		p := localTime(pub[0].t, pub[0].zoned, zone)
		mo := localTime(mod[0].t, mod[0].zoned, zone)
		if sameDay(p, mo) {
			continue
		}
		text := pageText(doc)
		hd := findDate(doc, m, g.URL)
		ours := chooseDate(m, hd, doc)
		fmt.Printf("PM gold=%v pubOK=%v modOK=%v oursOK=%v pubShown=%v modShown=%v modBeforePub=%v gap=%.0fd %s\n", g.Date, p.Format("2006-01-02") == g.Date, mo.Format("2006-01-02") == g.Date, ours.Format("2006-01-02") == g.Date, showsDay(text, p), showsDay(text, mo), mo.Before(p), mo.Sub(p).Hours()/24, id)
	}
}

func TestZZHdVsPub(t *testing.T) {
	if os.Getenv("ZZALL") == "" {
		t.Skip()
	}
	var gt map[string]struct {
		URL, Date string
	}
	raw, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/ground-truth.json")
	json.Unmarshal(raw, &gt)
	for id, g := range gt {
		if g.Date == "" {
			continue
		}
		page, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/html/" + id + ".html.gz")
		utf, _ := ToUTF8(page, "")
		doc, _ := html.Parse(bytes.NewReader(utf))
		m := collectMeta(doc, "")
		pub := m.publishedStamps()
		hd := findDate(doc, m, g.URL)
		if len(pub) == 0 || hd.IsZero() {
			continue
		}
		zone := m.pageZone()
		h := localTime(hd.DateTime, hd.HasTimezone, zone)
		ours := chooseDate(m, hd, doc)
		for i, p := range pub {
			pl := localTime(p.t, p.zoned, zone)
			if sameDay(pl, h) {
				break
			}
			if i == len(pub)-1 {
				text := pageText(doc)
				fmt.Printf("HP hdOK=%v pubOK=%v oursOK=%v hdShown=%v pubShown=%v zoned=%v hd=%s pub=%s src=%q %s\n", h.Format("2006-01-02") == g.Date, pl.Format("2006-01-02") == g.Date, ours.Format("2006-01-02") == g.Date, showsDay(text, h), showsDay(text, pl), pub[0].zoned, h.Format("2006-01-02"), localTime(pub[0].t, pub[0].zoned, zone).Format("2006-01-02"), trunc(hd.SrcString), id)
			}
		}
	}
}

func TestZZScriptSrc(t *testing.T) {
	if os.Getenv("ZZALL") == "" {
		t.Skip()
	}
	var gt map[string]struct {
		URL, Date   string
		Date_status string `json:"date_status"`
	}
	raw, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/ground-truth.json")
	json.Unmarshal(raw, &gt)
	for id, g := range gt {
		if g.Date_status == "unannotated" {
			continue
		}
		page, _ := os.ReadFile("/work/shared/data/eval/metadata-dev/html/" + id + ".html.gz")
		utf, _ := ToUTF8(page, "")
		doc, _ := html.Parse(bytes.NewReader(utf))
		m := collectMeta(doc, "")
		hd := findDate(doc, m, g.URL)
		if hd.IsZero() || hd.SrcString == "" {
			continue
		}
		var scripts strings.Builder
		var attrs strings.Builder
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					attrs.WriteString(a.Val + " ")
				}
				if n.Data == "script" && !strings.Contains(attr(n, "type"), "ld+json") {
					scripts.WriteString(nodeRaw(n))
					return
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		src := hd.SrcString
		inScript := strings.Contains(scripts.String(), src)
		inText := strings.Contains(foldSpace(nodeText(doc)), foldSpace(src))
		inAttr := strings.Contains(attrs.String(), src)
		ours := chooseDate(m, hd, doc)
		fmt.Printf("SS inScript=%v inText=%v inAttr=%v ok=%v gold=%q %s\n", inScript, inText, inAttr, ours.Format("2006-01-02") == g.Date, g.Date, id)
	}
}
