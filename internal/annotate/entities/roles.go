package entities

import (
	"sort"
	"strings"
)

// roleNames maps role phrases (lower-case, as tokens joined by spaces) to
// the role reported. Written by hand.
var roleNames = map[string]string{
	"ceo": "CEO", "chief executive": "CEO", "chief executive officer": "CEO", "chief exec": "CEO",
	"cfo": "CFO", "chief financial officer": "CFO", "finance chief": "CFO", "finance director": "CFO",
	"coo": "COO", "chief operating officer": "COO",
	"cto": "CTO", "chief technology officer": "CTO", "chief technical officer": "CTO",
	"cio": "CIO", "chief investment officer": "CIO", "chief information officer": "CIO",
	"cmo": "CMO", "chief marketing officer": "CMO",
	"chief economist": "chief economist", "chief strategist": "chief strategist",
	"chief scientist": "chief scientist", "chief legal officer": "chief legal officer",
	"general counsel": "general counsel",
	"chairman":        "chairman", "chairwoman": "chairwoman", "chair": "chair",
	"executive chairman": "executive chairman", "vice chairman": "vice chairman",
	"co-chairman": "co-chairman", "deputy chairman": "deputy chairman",
	"president": "president", "vice president": "vice president",
	"executive vice president": "executive vice president", "senior vice president": "senior vice president",
	"founder": "founder", "co-founder": "co-founder", "cofounder": "co-founder",
	"managing director": "managing director", "executive director": "executive director",
	"director": "director", "non-executive director": "non-executive director",
	"general manager": "general manager", "managing partner": "managing partner",
	"partner": "partner", "head": "head", "boss": "CEO", "chief": "chief",
	"spokesman": "spokesman", "spokeswoman": "spokeswoman", "spokesperson": "spokesperson",
	"analyst": "analyst", "economist": "economist", "strategist": "strategist",
	"portfolio manager": "portfolio manager", "fund manager": "fund manager",
	"trader": "trader", "publisher": "publisher", "editor": "editor",
	"editor-in-chief": "editor-in-chief", "owner": "owner", "treasurer": "treasurer",
	"secretary": "secretary", "minister": "minister", "prime minister": "prime minister",
	"finance minister": "finance minister", "governor": "governor", "senator": "senator",
	"mayor": "mayor", "chancellor": "chancellor", "chief operating": "COO",
}

// roleWords are the last words of role phrases ("officer", "publisher").
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range roleNames {
		m[k[strings.LastIndexByte(k, ' ')+1:]] = true
	}
	return m
}()

// sideRoles are roles whose company, when the phrase names none, is not
// the one named nearby: an analyst comments on other companies, and a
// president or minister usually leads a country.
var sideRoles = map[string]bool{
	"analyst": true, "economist": true, "strategist": true, "chief economist": true,
	"chief strategist": true, "portfolio manager": true, "fund manager": true, "trader": true,
	"minister": true, "prime minister": true, "finance minister": true, "governor": true,
	"senator": true, "mayor": true, "chancellor": true, "secretary": true, "president": true,
	"vice president": true, "partner": true,
}

// roleQualifiers may stand between a company and a role ("Nissan's former CEO").
var roleQualifiers = map[string]bool{
	"former": true, "new": true, "acting": true, "interim": true, "incoming": true,
	"outgoing": true, "then": true, "deputy": true, "current": true, "longtime": true,
	"veteran": true, "senior": true, "global": true, "group": true, "top": true,
}

var maxRoleTokens = func() int {
	n := 0
	for k := range roleNames {
		n = max(n, strings.Count(k, " ")+1)
	}
	return n
}()

// roleEndingAt finds the longest role phrase whose last token is end, and
// returns its first token and role.
func roleEndingAt(lower []string, end int) (int, string) {
	for n := min(maxRoleTokens, end+1); n >= 1; n-- {
		if r, ok := roleNames[strings.Join(lower[end-n+1:end+1], " ")]; ok {
			return end - n + 1, r
		}
	}
	return -1, ""
}

// roleStartingAt finds the longest role phrase whose first token is start,
// and returns the token after it and the role.
func roleStartingAt(lower []string, start int) (int, string) {
	for n := min(maxRoleTokens, len(lower)-start); n >= 1; n-- {
		if r, ok := roleNames[strings.Join(lower[start:start+n], " ")]; ok {
			return start + n, r
		}
	}
	return -1, ""
}

// orgMention is a company or organisation named in the text.
type orgMention struct {
	start, end int // byte offsets
	name       string
}

// orgIndex holds the company and organisation mentions of a document, sorted.
type orgIndex []orgMention

func (x orgIndex) sort() { sort.Slice(x, func(i, j int) bool { return x[i].start < x[j].start }) }

// covers reports whether a mention overlaps [start, end) other than by
// lying strictly inside it: "Rio Tinto" covers "Rio" and "Airlines CEO",
// while "Ford" does not cover "Henry Ford".
func (x orgIndex) covers(start, end int) bool {
	for _, m := range x {
		inside := start <= m.start && m.end <= end && m.end-m.start < end-start
		if m.start < end && start < m.end && !inside {
			return true
		}
	}
	return false
}

// endingAt returns the mention that ends at byte end (allowing a closing quote), if any.
func (x orgIndex) endingAt(end int) (orgMention, bool) {
	for _, m := range x {
		if m.end == end {
			return m, true
		}
	}
	return orgMention{}, false
}

// startingAt returns the mention that starts at byte start, if any.
func (x orgIndex) startingAt(start int) (orgMention, bool) {
	for _, m := range x {
		if m.start == start {
			return m, true
		}
	}
	return orgMention{}, false
}

// nearest returns the mention inside [lo, hi) closest to [start, end),
// preferring one before it on a tie.
func (x orgIndex) nearest(lo, hi, start, end int) (orgMention, bool) {
	best, bestDist := orgMention{}, -1
	for _, m := range x {
		if m.start < lo || m.end > hi {
			continue
		}
		d := start - m.end
		if m.start >= end {
			d = m.start - end + 1
		}
		if d < 0 {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = m, d
		}
	}
	return best, bestDist >= 0
}
