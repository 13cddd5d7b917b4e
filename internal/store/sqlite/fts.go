package sqlite

import (
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tickerwire/tickerwire/internal/store/searchquery"
)

// ftsSymbols is the text of the symbols column of the articles_fts row of
// the article with ID ?1: the tokens of the symbols of its listing rows
// (symbolToken, as SQL).
const ftsSymbols = `(SELECT group_concat('s' || hex(symbol), ' ') FROM (SELECT DISTINCT symbol FROM article_listings WHERE article_id = ?1))`

// ftsSpans selects the rowids of the full-text matches (of the MATCH
// placeholder %[3]s) that may be candidates (the IDs the subqueries %[1]s
// and %[2]s select, as article_id). It reads the index only over the span
// of the candidate IDs, split in two at their widest gap of blocks of 2^14
// IDs with none. Articles are mostly stored in time order, so the
// candidates of a date range are mostly one stretch of IDs; a few stored
// late would stretch a single span over every match of their symbols in
// between, to each of which FTS5 steps the other terms. Without a gap, the
// second span (joined on fts_gap) opens no FTS5 cursor.
const ftsSpans = `WITH fts_span AS MATERIALIZED (
	SELECT coalesce(min(article_id), 1) AS lo, coalesce(max(article_id), 0) AS hi FROM (%[1]s)),
fts_blocks AS MATERIALIZED (SELECT DISTINCT article_id >> 14 AS k FROM (%[2]s)),
fts_gap AS MATERIALIZED (
	SELECT ((k + 1) << 14) - 1 AS lo, next << 14 AS hi
	FROM (SELECT k, (SELECT min(n.k) FROM fts_blocks AS n WHERE n.k > fts_blocks.k) AS next FROM fts_blocks)
	WHERE next > k + 1 ORDER BY next - k DESC LIMIT 1)
SELECT rowid FROM articles_fts WHERE articles_fts MATCH %[3]s
	AND rowid >= (SELECT lo FROM fts_span) AND rowid <= coalesce((SELECT lo FROM fts_gap), (SELECT hi FROM fts_span))
UNION ALL
SELECT articles_fts.rowid FROM fts_gap CROSS JOIN articles_fts WHERE articles_fts MATCH %[3]s
	AND articles_fts.rowid >= fts_gap.hi AND articles_fts.rowid <= (SELECT hi FROM fts_span)`

// symbolToken is the token of a symbol in the symbols column of
// articles_fts: "s" and the symbol's bytes in hex.
func symbolToken(symbol string) string {
	return "s" + strings.ToUpper(hex.EncodeToString([]byte(symbol)))
}

// ftsMatch is the FTS5 expression matching the articles whose text matches
// n and, unless symbols is empty, that name one of symbols.
func ftsMatch(n searchquery.Node, symbols []string) string {
	text := searchquery.FTS5(n)
	if mayMatchSymbols(n) {
		// Only the text columns: a word of n could be a symbol's token.
		text = "{title description body}: " + text
	}
	if len(symbols) == 0 {
		return text
	}
	tokens := make([]string, len(symbols))
	for i, s := range symbols {
		tokens[i] = symbolToken(s)
	}
	return "{symbols}: (" + strings.Join(tokens, " OR ") + ") AND " + text
}

// mayMatchSymbols reports whether a word of n could be (or, as a prefix,
// begin) a symbol's token: "s" and hex digits in any case. A word with
// other than ASCII letters and digits counts as one that could, as the
// tokenizer folds diacritics. Otherwise n matches nothing in the symbols
// column, and it need not be restricted to the text columns, which costs
// FTS5 a look at the columns of each match.
func mayMatchSymbols(n searchquery.Node) bool {
	switch n := n.(type) {
	case searchquery.Term:
		return hasTokenLike(n.Text)
	case searchquery.Phrase:
		return hasTokenLike(n.Text)
	case searchquery.And:
		return slices.ContainsFunc(n.Children, mayMatchSymbols)
	case searchquery.Or:
		return slices.ContainsFunc(n.Children, mayMatchSymbols)
	case searchquery.Not:
		return mayMatchSymbols(n.Child)
	}
	return true
}

// hasTokenLike reports whether a word of text could be a symbol's token.
func hasTokenLike(text string) bool {
	words := strings.FieldsFunc(text, func(r rune) bool { return r < utf8.RuneSelf && !isAlnum(byte(r)) })
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
			return true // the tokenizer may split it or fold its letters
		}
		if (w[0] == 's' || w[0] == 'S') && strings.IndexFunc(w[1:], func(r rune) bool { return !isHex(r) }) < 0 {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}
