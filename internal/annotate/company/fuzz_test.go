package company

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks the tag scanner and the name matcher on any text: no
// panic, and every mention is a valid stretch of the text it names.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Japan’s Nissan Motor Co. (OTC:NSANY) is in talks with Foxconn (SS:601138)",
		"(NASDAQ: AAPL) $TSLA NYSE:F (HKG:0175) (ALC, MSG, BRNC) $ ( : ) (",
		"Nissan-Renault’s Apple's Starbucks’ Harrison Ford AT&T Hims & Hers Co., Ltd.",
		"TOYOTA AND SONY SHARES JUMP", "x:", "$", "(A, B", "’s", "Ford.", "NYSE:",
	} {
		f.Add(s, 0)
	}
	tg := tagger()
	f.Fuzz(func(t *testing.T, body string, titleEnd int) {
		if titleEnd < 0 || titleEnd > len(body) {
			titleEnd = 0
		}
		cs, orgs := tg.Find(body, titleEnd)
		for _, c := range cs {
			if len(c.Listings) == 0 {
				t.Errorf("%q: company %q without listings", body, c.Name)
			}
			if c.MatchScore < 0 || c.MatchScore > 1 {
				t.Errorf("%q: match_score %v", body, c.MatchScore)
			}
			for _, m := range c.Mentions {
				checkMention(t, body, m.Start, m.End, m.Text)
			}
		}
		for _, o := range orgs {
			for _, m := range o.Mentions {
				checkMention(t, body, m.Start, m.End, m.Text)
			}
		}
	})
}

func checkMention(t *testing.T, body string, start, end int, text string) {
	t.Helper()
	if start < 0 || end > len(body) || start >= end || body[start:end] != text {
		t.Errorf("%q: bad mention [%d:%d] %q", body, start, end, text)
		return
	}
	if utf8.ValidString(body) && !utf8.ValidString(text) {
		t.Errorf("%q: mention %q splits a character", body, text)
	}
}
