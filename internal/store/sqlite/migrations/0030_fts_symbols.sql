-- The full-text index also holds, in a column of its own, a token for each
-- symbol an article names ('s' and the symbol's UTF-8 bytes in hex), so a
-- search by symbol and words is one FTS5 query that intersects the symbol's
-- and the words' document lists, skipping through them, instead of reading
-- every match of a common word. Searches for words name the text columns,
-- so they never match a symbol token.
--
-- The index is contentless (with deletes by rowid): an external-content
-- index needs the indexed values again to delete a row, and an article's
-- symbols are not a column of articles. The index is rebuilt here from the
-- articles and their listing rows.

DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, description, body, symbols,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts (rowid, title, description, body, symbols)
    SELECT a.id, a.title, a.description, a.body,
        (SELECT group_concat('s' || hex(symbol), ' ') FROM (SELECT DISTINCT symbol FROM article_listings WHERE article_id = a.id))
    FROM articles a;

-- The store adds articles' rows to articles_fts itself, after a batch of
-- articles and their listings (see 0001), and replaces an article's row
-- when its listings change.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, body ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
    INSERT INTO articles_fts (rowid, title, description, body, symbols)
    VALUES (new.id, new.title, new.description, new.body,
        (SELECT group_concat('s' || hex(symbol), ' ') FROM (SELECT DISTINCT symbol FROM article_listings WHERE article_id = new.id)));
END;
