package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

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
	bare := func(day, src string) htmldate.Result {
		tm, err := time.Parse("2006-01-02", day)
		if err != nil {
			t.Fatal(err)
		}
		return htmldate.Result{DateTime: tm, SrcString: src}
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
		{"bare day shown in the text over the UTC day of the stated time",
			`<script type="application/ld+json">{"datePublished":"2021-03-04T02:00:00Z"}</script><p>March 3, 2021</p>`,
			bare("2021-03-03", "March 3, 2021"), "2021-03-03"},
		{"stated time over a bare day the text does not show",
			`<script type="application/ld+json">{"datePublished":"2021-03-04T02:00:00Z"}</script><p>Text</p>`,
			bare("2021-03-03", "2021-03-03"), "2021-03-04"},
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
		{"2020-12-05T23:15:0Z", "2020-12-05T23:15:00Z", true},
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

// TestPublicationDateRules runs whole pages written for each rule of the
// date choice through HTML.
func TestPublicationDateRules(t *testing.T) {
	tests := []struct {
		file, url, want string
	}{
		// a bare day (itemprop) next to a zoned JSON-LD publication time: the time wins
		{"bare-day-beside-published-time.html", "https://zeitung.example/konzert", "2021-03-05"},
		// htmldate settles for the modification time; the stated publication wins
		{"modified-time-beside-published-time.html", "https://wire.example/cranes", "2020-01-19"},
		// modified 23 months after publication, neither shown: the revision dates the page
		{"revised-long-after.html", "https://guide.example/winter-tyres", "2020-01-05"},
		// 23:15 UTC (one-digit seconds) on an Italian domain is past midnight in Rome
		{"utc-time-country-domain.html", "https://giornale.example.it/bilancio", "2020-12-06"},
		// the first date htmldate finds is a reader comment's; the article's is earlier on the page
		{"comment-date.html", "https://handel.example/regeln", "2022-02-03"},
		// "4. 2. 2022." is the 4th of February, not the 2nd of April
		{"dotted-day-first.html", "https://sport.example.de/kader", "2022-02-04"},
	}
	for _, tt := range tests {
		page, err := os.ReadFile(filepath.Join("testdata", "dates", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		res, err := HTML(page, tt.url)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := res.Published.Format("2006-01-02"); got != tt.want {
			t.Errorf("%s: published %s, want %s", tt.file, got, tt.want)
		}
	}
}

func TestDayFirst(t *testing.T) {
	day := func(s string) time.Time {
		tm, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		src, got, want string
	}{
		{"4. 2. 2022.", "2022-04-02", "2022-02-04"},
		{"am 04.02.22 um 10:00", "2022-04-02", "2022-02-04"},
		{"04.02.2022", "2022-02-04", "2022-02-04"}, // already day first
		{"04/02/2022", "2022-04-02", "2022-04-02"}, // slashes: the order is not known
		{"3.3.2022", "2022-03-03", "2022-03-03"},
		{"4. 2. 2021", "2022-04-02", "2022-04-02"}, // another year: another date
	}
	for _, tt := range tests {
		got := dayFirst(htmldate.Result{DateTime: day(tt.got), SrcString: tt.src})
		if d := got.DateTime.Format("2006-01-02"); d != tt.want {
			t.Errorf("dayFirst(%q, %s) = %s, want %s", tt.src, tt.got, d, tt.want)
		}
	}
}

func TestHostZone(t *testing.T) {
	tests := []struct{ host, want string }{
		{"www.giornale.it", "Europe/Rome"},
		{"zeitung.example.DE", "Europe/Berlin"},
		{"news.example.com", ""},
		{"localhost", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if loc := hostZone(tt.host); loc != nil {
			got = loc.String()
		}
		if got != tt.want {
			t.Errorf("hostZone(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}
