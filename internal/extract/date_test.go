package extract

import (
	"golang.org/x/net/html"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-htmldate"
)

func TestChooseDate(t *testing.T) {
	utc := func(s string) htmldate.Result {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return htmldate.Result{DateTime: tm, HasTime: true, HasTimezone: true}
	}
	tests := []struct {
		name, page string
		hd         htmldate.Result
		want       string
	}{
		{"UTC time on the page's local day",
			`<meta property="article:published_time" content="2023-11-09T02:11:03+00:00"><time datetime="2023-11-08T21:11:03-05:00">Nov 8</time>`,
			utc("2023-11-09T02:11:03Z"), "2023-11-08"},
		{"UTC without a stated page zone stays",
			`<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">`,
			utc("2023-11-09T02:11:03Z"), "2023-11-09"},
		{"displayed update day over a stale published time",
			`<script type="application/ld+json">{"@type":"Article","datePublished":"2017-08-21T13:09:00Z","dateModified":"2019-04-03T08:04:01Z"}</script><p>Aktualisiert am 03.04.2019</p>`,
			utc("2017-08-21T13:09:00Z"), "2019-04-03"},
		{"displayed published day kept",
			`<script type="application/ld+json">{"datePublished":"2017-08-21T13:09:00Z","dateModified":"2019-04-03T08:04:01Z"}</script><p>August 21, 2017</p><p>03.04.2019</p>`,
			utc("2017-08-21T13:09:00Z"), "2017-08-21"},
		{"no date", `<p>nothing</p>`, htmldate.Result{}, "0001-01-01"},
		{"metadata when htmldate finds none", `<script type="application/ld+json">{"datePublished":"Tue, Sep 15 2020 10:01:41 EDT"}</script>`, htmldate.Result{}, "2020-09-15"},
	}
	for _, tt := range tests {
		doc := parse(t, tt.page)
		got := chooseDate(collectMeta(doc, "wire.example"), tt.hd, doc)
		if got.Format("2006-01-02") != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in    string
		want  string
		zoned bool
	}{
		{"2022-11-21T18:24:08+0100", "2022-11-21T18:24:08+01:00", true},
		{"2020-02-19T18:37:32+01:00", "2020-02-19T18:37:32+01:00", true},
		{"2022-05-03 13:32:45", "2022-05-03T13:32:45Z", false},
		{"2023-03-06", "2023-03-06T00:00:00Z", false},
		{"Wed, 02 Feb 2022 09:12:22 +0100", "2022-02-02T09:12:22+01:00", true},
		{"Wed, 02 Feb 2022 09:12:22 GMT", "2022-02-02T09:12:22Z", true},
	}
	for _, tt := range tests {
		st, ok := parseStamp(tt.in)
		if !ok || st.t.Format(time.RFC3339) != tt.want || st.zoned != tt.zoned {
			t.Errorf("parseStamp(%q) = %v %v %v, want %s %v", tt.in, st.t, st.zoned, ok, tt.want, tt.zoned)
		}
	}
	if _, ok := parseStamp("yesterday"); ok {
		t.Error("parseStamp(yesterday) ok")
	}
}

func TestFindDateSkipsModifiedMeta(t *testing.T) {
	page := `<html><head><meta property="og:updated_time" content="2022-06-02T11:57:06+02:00"></head>
<body><article><h1>Ein Bericht</h1><p class="date">Veröffentlicht am 31.03.2020</p><p>Text des Berichts.</p></article></body></html>`
	doc := parse(t, page)
	var before strings.Builder
	if err := html.Render(&before, doc); err != nil {
		t.Fatal(err)
	}
	got := findDate(doc, collectMeta(doc, "wire.example"), "https://wire.example/bericht")
	if d := got.DateTime.Format("2006-01-02"); d != "2020-03-31" {
		t.Errorf("findDate = %s (from %q), want 2020-03-31", d, got.SrcString)
	}
	var after strings.Builder
	if err := html.Render(&after, doc); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("document changed:\n%s\nwant\n%s", after.String(), before.String())
	}
}
