-- How many times each article has changed since it was stored (an article
-- never changed has no row: revision 0), kept by triggers on articles, so
-- that what a reader made from an article (the API's rendered JSON) is
-- reused exactly as long as the stored article is the same. A removed
-- article's revision moves on too, so that a row ID taken again does not
-- name the old article's version.

CREATE TABLE article_revisions (
    article_id INTEGER PRIMARY KEY,
    revision   INTEGER NOT NULL
);

CREATE TRIGGER articles_revision_update AFTER UPDATE ON articles BEGIN
    INSERT INTO article_revisions (article_id, revision) VALUES (old.id, 1)
    ON CONFLICT (article_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER articles_revision_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_revisions (article_id, revision) VALUES (old.id, 1)
    ON CONFLICT (article_id) DO UPDATE SET revision = revision + 1;
END;
