package extract

import (
	"encoding/json"
	htmlstd "html"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// authorPrefix is a byline's lead-in ("By", "Von", "Autor:", ...).
var authorPrefix = regexp.MustCompile(`(?i)^(?:(?:(?:zeige\s+)?alle\s+beiträge|(?:view\s+)?all\s+posts|posts|artikel|beitrag|post\s+author)\s+(?:by|von)\b|(?:written|posted|published|geschrieben|gespeichert|verfasst|erstellt|reported)\s+(?:by|von)\b|责任编辑\s*[：:]|by\b|von\b|vom\b|par\b|por\b|door\b|di\b|autor(?:in|en)?\b|author\b|auteur\b|text\b|von\s+der\b|interview\b|redakteur(?:in)?\b|foto\b|bild\b|quelle\b)[\s:]*`)

// authorTail cuts what often follows a name in a byline: a date, "am ...",
// "Stand ...", a separator with more text, an e-mail address.
var authorTail = regexp.MustCompile(`(?i)\s*(?:\||•|·|\b(?-i:am|on|le|el|il)\b|\b(?:stand|veröffentlicht|publiziert|published|updated|aktualisiert|alle artikel|all articles|all posts|more from|mehr von|follow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|(?-i:Publiziert|Veröffentlicht|Aktualisiert)|,?\s*(?:(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?\d{1,4}(?:\.?\s*[./-]?\s*\d{1,2}\s*[./-]\s*\d{1,4}|\.\s*\d{1,2}\.\s*\d{2,4}|\.?\s+\p{L}+\s+\d{4})|,\s*(?:dpa|afp|ap|reuters|sid|kna|epd|apa|ddp|dts)$|\S+@\S+).*$`)

// authorJunk are byline texts that name no author.
var authorJunk = regexp.MustCompile(`(?i)^(?:name|author|autor|admin|administrator|auteurs?|editor|unknown|anonymous|human|person|publiziert|datum|date|follow|abgelegt unter|about the author)$|\s(?:sagt|says|schreibt|wrote)$`)

// authorLabelInside finds an author label inside a line of labelled fields
// ("Datum: ... Autor: Name Quelle: ...").
var authorLabelInside = regexp.MustCompile(`(?i)\s(?:autor(?:in)?|author|verfasser(?:in)?)\s*:\s*`)

// fieldLabel cuts the next labelled field after a name.
var fieldLabel = regexp.MustCompile(`\s\p{Lu}\p{Ll}+:.*$`)

// cleanAuthor trims a byline to the author's name as the page writes it, or
// returns "" when s does not look like one.
func cleanAuthor(s string) string {
	s = foldSpace(htmlstd.UnescapeString(s))
	if strings.HasPrefix(s, "@") {
		return "" // a social media handle
	}
	if loc := authorLabelInside.FindStringIndex(s); loc != nil {
		s = fieldLabel.ReplaceAllString(s[loc[1]:], "")
	}
	s = trimGluedPrefix(s)
	for range 2 {
		s = strings.TrimSpace(authorPrefix.ReplaceAllString(s, ""))
	}
	s = authorTail.ReplaceAllString(s, "")
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != ')'
	})
	switch {
	case s == "", authorJunk.MatchString(s),
		strings.Contains(s, "://"), strings.HasPrefix(s, "www."),
		strings.Contains(s, "[at]"), strings.Contains(s, "(at)"), // an e-mail address
		utf8.RuneCountInString(s) > 80, wordCount(s) > 10:
		return ""
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// chooseAuthor picks the first usable author from the page's sources, most
// reliable first.
// Metadata often names the publisher as the author: such candidates are
// skipped when they name the site. Page bylines are taken as written.
func chooseAuthor(m *pageMeta, title string) string {
	declared := m.declaredAuthors()
	for i, c := range append(declared, m.bylines()...) {
		a := cleanAuthor(c)
		if a == "" || a == title {
			continue
		}
		if i < len(declared) {
			if namesSite(a, "", m.host) || namesSite(a, m.meta["og:site_name"], "") || containsHostName(a, m.host) {
				continue
			}
			if rest, ok := dropSiteParts(a, m.meta["og:site_name"], m.host); ok {
				a = rest // "Site - Jane Doe"
			}
		}
		return a
	}
	return ""
}

// declaredAuthors lists the authors the page's metadata declares, most
// reliable first.
func (m *pageMeta) declaredAuthors() []string {
	var out []string
	out = append(out, m.ldAuthors...)
	for _, k := range []string{"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "og:article:author"} {
		if v := m.meta[k]; v != "" {
			out = append(out, v)
		}
	}
	if strings.Contains(strings.ToLower(m.meta["twitter:label1"]), "by") || strings.Contains(strings.ToLower(m.meta["twitter:label1"]), "von") {
		out = append(out, m.meta["twitter:data1"])
	}
	return out
}

// bylines lists the author statements in the page's text, most reliable first.
func (m *pageMeta) bylines() []string {
	var out []string
	out = append(out, m.itempropAuthors...)
	out = append(out, m.relAuthors...)
	out = append(out, m.classAuthors...)
	out = append(out, m.textBylines...)
	return append(out, m.lineBylines...)
}

// lineBylines finds bylines in the lines of text of doc as a reader sees
// them, inline elements joined: a short line that starts like a byline, or
// the line after one that is only a byline's lead-in ("Autor:" set apart
// from the name in its own element).
func lineBylines(doc *html.Node) []string {
	var out []string
	lines := paragraphs(doc)
	for i, l := range lines {
		switch {
		case len(out) >= maxAuthorElems:
			return out
		case bylineLabel.MatchString(l) && i+1 < len(lines) && len(lines[i+1]) <= maxBylineLen:
			out = append(out, lines[i+1])
		case len(l) <= maxBylineLen && bylineStart.MatchString(l):
			if bylineLabelled.MatchString(l) || looksLikeName(cleanAuthor(l)) {
				out = append(out, l)
			}
		}
	}
	return out
}

// bylineLabelled matches a byline that says it is one ("Autor: ...",
// "Posted by ..."), unlike a bare "By ..." or "Von ..." that may start any
// line.
var bylineLabelled = regexp.MustCompile(`^(?i:(?:posted|written|published)\s+by|(?:gespeichert|geschrieben|verfasst)\s+von|autor(?:en|in)?\s*:|author\s*:|责任编辑)`)

// nameParticles are the lower-case words names and lists of names contain.
var nameParticles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true, "da": true, "di": true, "du": true, "la": true, "le": true, "zu": true, "und": true, "and": true, "y": true, "e": true, "et": true, "&": true}

// looksLikeName reports whether s reads like one or more personal names:
// at least two words, each capitalised unless a particle such as "von".
func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameParticles[w] {
			return false
		}
	}
	return true
}

// addJSONLD notes the authors and dates one JSON-LD script states.
func (m *pageMeta) addJSONLD(script string) {
	var v any
	if json.Unmarshal([]byte(script), &v) != nil {
		return
	}
	m.ldAuthors = append(m.ldAuthors, ldAuthorNames(v)...)
	m.ldPublished = append(m.ldPublished, ldStrings(v, "datePublished")...)
	m.ldModified = append(m.ldModified, ldStrings(v, "dateModified")...)
	m.ldHeadlines = append(m.ldHeadlines, ldStrings(v, "headline")...)
}

// ldStrings are the string values of key anywhere in the JSON value v, in
// document order of the arrays and sorted key order of the objects.
func ldStrings(v any, key string) []string {
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x[key].(string); ok {
				out = append(out, s)
			}
			for _, k := range slices.Sorted(maps.Keys(x)) {
				if k != key {
					walk(x[k])
				}
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(v)
	return out
}

// ldAuthorNames finds the author names in one parsed JSON-LD script. An
// author given as a reference ({"@id": ...}) takes the name of the object
// with that @id; the creators of images and videos are not the article's
// authors.
func ldAuthorNames(v any) []string {
	ids := map[string]string{}
	ldNamedIDs(v, ids)
	var names []string
	var walk func(any, bool)
	walk = func(v any, isAuthor bool) {
		switch x := v.(type) {
		case map[string]any:
			if ldIsMedia(x) {
				return
			}
			if isAuthor {
				if n := ldName(x, ids); n != "" {
					names = append(names, n)
				}
				return
			}
			for _, k := range slices.Sorted(maps.Keys(x)) { // map order would make the choice random
				if !ldMediaKeys[k] {
					walk(x[k], k == "author" || k == "creator")
				}
			}
		case []any:
			if !isAuthor {
				for _, c := range x {
					walk(c, false)
				}
				return
			}
			var list []string
			for _, c := range x {
				switch y := c.(type) {
				case string:
					list = append(list, y)
				case map[string]any:
					if n := ldName(y, ids); n != "" && !ldIsMedia(y) {
						list = append(list, n)
					}
				}
			}
			if len(list) > 0 {
				names = append(names, strings.Join(list, "; "))
			}
		case string:
			if isAuthor {
				names = append(names, x)
			}
		}
	}
	walk(v, false)
	return names
}

// ldMediaKeys are JSON-LD properties holding images and videos.
var ldMediaKeys = map[string]bool{"image": true, "thumbnail": true, "thumbnailUrl": true, "logo": true, "photo": true, "associatedMedia": true, "video": true, "primaryImageOfPage": true}

// ldIsMedia reports whether a JSON-LD object is an image, video or other
// media object.
func ldIsMedia(x map[string]any) bool {
	t, _ := x["@type"].(string)
	return strings.HasSuffix(t, "Object") && t != "CreativeWorkObject"
}

// ldName is the name of a JSON-LD object, or of the object its @id refers
// to; "" when it has none.
func ldName(x map[string]any, ids map[string]string) string {
	if n, ok := x["name"].(string); ok {
		return n
	}
	if id, ok := x["@id"].(string); ok {
		return ids[id]
	}
	return ""
}

// ldNamedIDs records the name of every JSON-LD object in v that has an @id
// and a name.
func ldNamedIDs(v any, ids map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		id, _ := x["@id"].(string)
		if n, ok := x["name"].(string); ok && id != "" {
			if _, seen := ids[id]; !seen {
				ids[id] = n
			}
		}
		for _, c := range x {
			ldNamedIDs(c, ids)
		}
	case []any:
		for _, c := range x {
			ldNamedIDs(c, ids)
		}
	}
}

// trimGluedPrefix removes a byline lead-in glued to the name ("ByJane Doe"),
// as pages that set the two in separate elements give them.
func trimGluedPrefix(s string) string {
	for _, p := range []string{"By", "Von"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return rest
			}
		}
	}
	return s
}
