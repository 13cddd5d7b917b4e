package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stampLayouts are the machine-readable timestamp forms pages put in
// metadata, JSON-LD and datetime attributes.
var stampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:5Z07:00", // one-digit seconds, as some CMS write them
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999",
	"20060102T15:04:05Z07:00",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, Jan 2 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
}

// stamp is a timestamp read from the page's machine-readable metadata.
type stamp struct {
	t     time.Time
	zoned bool // the page gave the offset (Z counts)
}

// parseStamp reads a machine-readable timestamp; ok is false when s is not
// one.
func parseStamp(s string) (st stamp, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return stamp{}, false
	}
	for _, l := range stampLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		zoned := strings.Contains(l, "Z07") || strings.Contains(l, "-0700")
		if strings.Contains(l, "MST") { // Go makes up a zero offset for zone names it does not know
			name, off := t.Zone()
			zoned = off != 0 || name == "GMT" || name == "UTC"
		}
		return stamp{t: t, zoned: zoned}, true
	}
	return stamp{}, false
}

// publishedKeys are the <meta> names and properties that state the
// publication time, most reliable first.
var publishedKeys = []string{"article:published_time", "og:published_time", "datepublished", "article:published", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.issued", "sailthru.date", "parsely-pub-date"}

// modifiedKeys are the <meta> names and properties that state the time of
// the last change.
var modifiedKeys = []string{"article:modified_time", "og:updated_time", "datemodified", "dc.modified", "dcterms.modified", "last-modified", "lastmod", "modified"}

// collectDate notes the machine-readable dates of element n: itemprop
// datePublished/dateModified and <time datetime>.
func (m *pageMeta) collectDate(n *html.Node) {
	if n.DataAtom == atom.Meta {
		return // read with the other meta tags
	}
	val := firstNonEmpty(attr(n, "datetime"), attr(n, "content"))
	switch strings.ToLower(attr(n, "itemprop")) {
	case "datepublished", "datecreated":
		if val == "" {
			val = foldSpace(nodeText(n))
		}
		m.itemPublished = append(m.itemPublished, val)
	case "datemodified":
		m.timeStamps = append(m.timeStamps, val)
	}
	if n.DataAtom == atom.Time && val != "" {
		if hasToken(attr(n, "pubdate"), "pubdate") {
			m.itemPublished = append(m.itemPublished, val)
		}
		m.timeStamps = append(m.timeStamps, val)
	}
}

// publishedStamps are the publication times the page's metadata states,
// most reliable first.
func (m *pageMeta) publishedStamps() []stamp {
	var raw []string
	raw = append(raw, m.ldPublished...)
	for _, k := range publishedKeys {
		raw = append(raw, m.meta[k])
	}
	raw = append(raw, m.itemPublished...)
	return parseStamps(raw)
}

func parseStamps(raw []string) []stamp {
	var out []stamp
	for _, r := range raw {
		if st, ok := parseStamp(r); ok {
			out = append(out, st)
		}
	}
	return out
}

// pageZone is the offset from UTC most of the page's zoned timestamps other
// than UTC state: the publisher's local time zone. When none states one, it
// is the zone of the country the page's domain belongs to; nil when that is
// not known either.
func (m *pageMeta) pageZone() *time.Location {
	raw := append(append(append([]string{}, m.ldPublished...), m.ldModified...), m.timeStamps...)
	for _, k := range append(append([]string{}, publishedKeys...), modifiedKeys...) {
		raw = append(raw, m.meta[k])
	}
	count := map[int]int{}
	best, bestN := 0, 0
	for _, st := range parseStamps(raw) {
		if !st.zoned {
			continue
		}
		if _, off := st.t.Zone(); off != 0 {
			count[off]++
			if count[off] > bestN {
				best, bestN = off, count[off]
			}
		}
	}
	if bestN == 0 {
		return hostZone(m.host)
	}
	return time.FixedZone("", best)
}

// localTime is t in the page's own time zone when t is stated in UTC and the
// page states its zone elsewhere: the day a reader of the page sees.
func localTime(t time.Time, zoned bool, zone *time.Location) time.Time {
	if _, off := t.Zone(); zoned && off == 0 && zone != nil {
		return t.In(zone)
	}
	return t
}

// chooseDate is the page's publication day: htmldate's choice (hd) in the
// page's own time zone, unless the page's text does not show that day but
// does show a publication or modification day its metadata states. Readers
// take the date a page displays; metadata that disagrees with the display
// is often stale (a template's creation time) or a date in a URL path.
// Before that, a publication time the metadata states replaces hd's choice
// when hd is only a day next to it or a modification time (see
// publicationOverHD); after it, when the page shows none of its dates, a
// revision long after the publication dates the page (see revisedLater).
func chooseDate(m *pageMeta, hd htmldate.Result, doc *html.Node) time.Time {
	zone := m.pageZone()
	pub := m.publishedStamps()
	if hd.IsZero() { // htmldate reads fewer forms than the page's metadata may use
		if len(pub) > 0 {
			return localTime(pub[0].t, pub[0].zoned, zone)
		}
		return time.Time{}
	}
	t := localTime(hd.DateTime, hd.HasTimezone, zone)
	text := sync.OnceValue(func() string { return pageText(doc) })
	if p, ok := publicationOverHD(m, hd, t, pub, zone, text); ok {
		t = p
	}
	var alt []time.Time
	mod := parseStamps(m.modifiedRaw())
	stamps := append(append([]stamp{}, pub...), mod...)
	if times := parseStamps(m.timeStamps); len(times) == 1 {
		stamps = append(stamps, times[0]) // a page's one <time> dates the article; several date comments or teasers too
	}
	for _, st := range stamps {
		if lt := localTime(st.t, st.zoned, zone); !sameDay(lt, t) {
			alt = append(alt, lt)
		}
	}
	if len(alt) == 0 {
		return t
	}
	if showsDay(text(), t) {
		return t
	}
	for _, a := range alt {
		if showsDay(text(), a) {
			return a
		}
	}
	if r, ok := revisedLater(pub, mod, zone); ok {
		return r
	}
	return t
}

// publicationOverHD is the publication time the page's metadata states
// (first of pub) when it should replace htmldate's choice t: when hd is a
// bare day next to a full, zoned publication time (a bare day is often the
// UTC day or a day in another zone), unless the page's text shows hd's day
// and not the other or hd's day is in the page's URL (days a publisher
// writes in local time); or when hd read a modification time (htmldate
// falls back to those) and the publication is on another day. text is the
// page's text (see pageText).
func publicationOverHD(m *pageMeta, hd htmldate.Result, t time.Time, pub []stamp, zone *time.Location, text func() string) (time.Time, bool) {
	if len(pub) == 0 {
		return time.Time{}, false
	}
	p := localTime(pub[0].t, pub[0].zoned, zone)
	if sameDay(p, t) {
		return time.Time{}, false
	}
	if !hd.HasTime && pub[0].zoned && absDuration(p.Sub(t)) < 48*time.Hour && !strings.Contains(hd.SrcString, "://") &&
		(!showsDay(text(), t) || showsDay(text(), p)) {
		return p, true
	}
	if hd.SrcString != "" && slices.Contains(m.modifiedRaw(), hd.SrcString) {
		return p, true
	}
	return time.Time{}, false
}

// revisedLater is the modification time when it is more than
// minRevisionGap after the publication time: a page revised that much later
// (a guide or review brought up to date) is dated by its revision. It is
// asked only when the page shows neither date.
func revisedLater(pub, mod []stamp, zone *time.Location) (time.Time, bool) {
	if len(pub) == 0 || len(mod) == 0 {
		return time.Time{}, false
	}
	if mod[0].t.Sub(pub[0].t) <= minRevisionGap {
		return time.Time{}, false
	}
	return localTime(mod[0].t, mod[0].zoned, zone), true
}

// minRevisionGap is how long after its publication a page must have been
// modified for the modification to date it (see revisedLater).
const minRevisionGap = 30 * 24 * time.Hour

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// modifiedRaw are the modification times the page's metadata states.
func (m *pageMeta) modifiedRaw() []string {
	raw := append([]string{}, m.ldModified...)
	for _, k := range modifiedKeys {
		raw = append(raw, m.meta[k])
	}
	return raw
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// monthNames are month names in English, German, French, Spanish, Italian
// and Dutch as pages write them in dates, full and abbreviated.
var monthNames = [12][]string{
	{"January", "Jan", "Januar", "Jän", "janvier", "enero", "gennaio", "januari"},
	{"February", "Feb", "Februar", "février", "febrero", "febbraio", "februari"},
	{"March", "Mar", "März", "Mär", "mars", "marzo", "maart"},
	{"April", "Apr", "avril", "abril", "aprile"},
	{"May", "Mai", "mai", "mayo", "maggio", "mei"},
	{"June", "Jun", "Juni", "juin", "junio", "giugno", "juni"},
	{"July", "Jul", "Juli", "juillet", "julio", "luglio", "juli"},
	{"August", "Aug", "août", "agosto", "augustus"},
	{"September", "Sep", "Sept", "septembre", "septiembre", "settembre"},
	{"October", "Oct", "Oktober", "Okt", "octobre", "octubre", "ottobre", "oktober"},
	{"November", "Nov", "novembre", "noviembre"},
	{"December", "Dec", "Dezember", "Dez", "décembre", "diciembre", "dicembre", "december"},
}

// dayForms are the common ways pages write day t: numeric forms and forms
// with month names.
func dayForms(t time.Time) []string {
	y, mo, d := t.Date()
	m := int(mo)
	out := []string{
		fmt.Sprintf("%02d.%02d.%d", d, m, y), fmt.Sprintf("%d.%d.%d", d, m, y), fmt.Sprintf("%02d.%02d.%02d", d, m, y%100),
		fmt.Sprintf("%d-%02d-%02d", y, m, d),
		fmt.Sprintf("%02d/%02d/%d", d, m, y), fmt.Sprintf("%d/%d/%d", m, d, y), fmt.Sprintf("%02d/%02d/%d", m, d, y),
	}
	for _, name := range monthNames[m-1] {
		out = append(out,
			fmt.Sprintf("%d. %s %d", d, name, y), fmt.Sprintf("%02d. %s %d", d, name, y),
			fmt.Sprintf("%s %d, %d", name, d, y), fmt.Sprintf("%s. %d, %d", name, d, y),
			fmt.Sprintf("%d %s %d", d, name, y), fmt.Sprintf("%d %s. %d", d, name, y),
			fmt.Sprintf("%d de %s de %d", d, name, y))
	}
	return out
}

// showsDay reports whether text, lower-cased, writes day t in one of its
// common forms.
func showsDay(text string, t time.Time) bool {
	for _, f := range dayForms(t) {
		if strings.Contains(text, strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// pageText is the text of the page's body, lower-cased, white space folded,
// scripts and styles left out.
func pageText(doc *html.Node) string {
	return strings.ToLower(foldSpace(nodeText(doc)))
}

// findDate runs go-htmldate (extensive mode, publication date) on doc. When
// it settles for a modification time from the <meta> tags, its last resort
// before it reads the page, it runs again without those tags. doc is left as
// it was.
func findDate(doc *html.Node, m *pageMeta, pageURL string) htmldate.Result {
	opts := htmldate.Options{URL: pageURL, UseOriginalDate: true, ExtractTime: true}
	date, _ := htmldate.FromDocument(doc, opts)
	if len(m.publishedStamps()) == 0 && date.SrcString != "" && slices.Contains(m.modifiedRaw(), date.SrcString) {
		restore := detachModifiedMeta(doc)
		if again, _ := htmldate.FromDocument(doc, opts); !again.IsZero() && !isCopyrightNotice(again.SrcString) {
			date = again
		}
		restore()
	}
	if date.SrcString != "" && inComments(doc, date.SrcString) {
		// a reader's comment is dated, not the article: look again without
		// the comments (and take no date when only they have one)
		restore := detach(doc, func(n *html.Node) (remove, descend bool) { return isComments(n), true })
		date, _ = htmldate.FromDocument(doc, opts)
		restore()
	}
	if isCopyrightNotice(date.SrcString) {
		return htmldate.Result{} // a copyright year is not a publication date
	}
	return dayFirst(date)
}

// inComments reports whether src, the text htmldate read a date from,
// first occurs (in a text or an attribute) inside the page's comments (see
// isComments).
func inComments(doc *html.Node, src string) bool {
	key := "" // src's longest word: texts without it are not folded to compare
	for _, w := range strings.Fields(src) {
		if len(w) > len(key) {
			key = w
		}
	}
	var walk func(n *html.Node, in bool) (found, inside bool)
	walk = func(n *html.Node, in bool) (found, inside bool) {
		in = in || isComments(n)
		switch {
		case n.Type == html.TextNode && strings.Contains(n.Data, key) && strings.Contains(foldSpace(n.Data), src):
			return true, in
		case n.Type == html.ElementNode && slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return strings.Contains(a.Val, src) }):
			return true, in
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if found, inside := walk(c, in); found {
				return true, inside
			}
		}
		return false, false
	}
	_, inside := walk(doc, false)
	return inside
}

// isComments reports whether n holds reader comments: a word of its class
// or id names comments, replies or responses (see commentClass), but not
// commentary, a kind of article.
func isComments(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
			if strings.HasPrefix(w, "commentar") {
				continue
			}
			if containsAny(w, commentClass) {
				return true
			}
		}
	}
	return false
}

// dottedDate matches a numeric date written with dots: day, month, year
// ("4. 2. 2022", "04.02.22").
var dottedDate = regexp.MustCompile(`(?:^|\D)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?:\D|$)`)

// dayFirst corrects a date htmldate read month first from a dotted date:
// every language that writes dates with dots puts the day first.
func dayFirst(r htmldate.Result) htmldate.Result {
	m := dottedDate.FindStringSubmatch(r.SrcString)
	if m == nil {
		return r
	}
	first, _ := strconv.Atoi(m[1])
	second, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	t := r.DateTime
	if y := t.Year(); y != year && y%100 != year {
		return r
	}
	if int(t.Month()) != first || t.Day() != second || first == second || second > 12 {
		return r
	}
	r.DateTime = time.Date(t.Year(), time.Month(second), first, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	return r
}

// detachModifiedMeta takes the <meta> tags stating a modification time out
// of doc; the returned function puts them back where they were.
func detachModifiedMeta(doc *html.Node) (restore func()) {
	return detach(doc, func(n *html.Node) (remove, descend bool) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Meta {
			return false, true
		}
		key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
		return slices.Contains(modifiedKeys, key), false
	})
}
