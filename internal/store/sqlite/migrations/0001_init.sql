-- Articles, their index tables, the full-text index, sources and the
-- security master. Times are Unix microseconds (UTC); NULL when unknown.

-- The columns filters read come first and the long texts last, so reading
-- a row for a filter does not read through its text.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    sort_time     INTEGER NOT NULL,  -- published, else discovered
    kind          TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    story_id      TEXT    NOT NULL,
    parent_uuid   TEXT    NOT NULL,
    uuid          TEXT    NOT NULL UNIQUE,
    published     INTEGER,
    discovered    INTEGER NOT NULL,
    source        TEXT    NOT NULL,
    source_id     INTEGER NOT NULL,
    content_hash  TEXT    NOT NULL UNIQUE,
    url           TEXT    NOT NULL,
    canonical_url TEXT    NOT NULL,
    url_key       TEXT,              -- canonical URL, else URL; NULL when neither
    author        TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    annotation    TEXT    NOT NULL   -- news.Annotation as JSON
);
CREATE UNIQUE INDEX articles_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_sort_time ON articles (sort_time, id);
CREATE INDEX articles_story ON articles (story_id, sort_time);
CREATE INDEX articles_parent ON articles (parent_uuid, sort_time);

-- One row per listing an article names; sort_time is the article's, so a
-- symbol and a date range are answered from this index alone.
CREATE TABLE article_listings (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    symbol      TEXT    NOT NULL,  -- upper case
    mic         TEXT    NOT NULL,  -- upper case
    match_score REAL    NOT NULL,
    sentiment   REAL    NOT NULL,
    sort_time   INTEGER NOT NULL,
    PRIMARY KEY (article_id, symbol, mic)
) WITHOUT ROWID;
CREATE INDEX article_listings_symbol ON article_listings (symbol, sort_time, mic, article_id);

CREATE TABLE article_events (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type       TEXT    NOT NULL,
    sort_time  INTEGER NOT NULL,
    PRIMARY KEY (article_id, type)
) WITHOUT ROWID;
CREATE INDEX article_events_type ON article_events (type, sort_time, article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, description, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- The store adds articles' rows to articles_fts itself, after a batch of
-- articles: with an insert trigger FTS5 would write its index to disk once
-- per article (at each statement savepoint) instead of once per batch.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, description, body)
    VALUES ('delete', old.id, old.title, old.description, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, description, body)
    VALUES ('delete', old.id, old.title, old.description, old.body);
    INSERT INTO articles_fts (rowid, title, description, body)
    VALUES (new.id, new.title, new.description, new.body);
END;

CREATE TABLE sources (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT    NOT NULL,
    url                  TEXT    NOT NULL UNIQUE,
    name                 TEXT    NOT NULL,
    full_text            INTEGER NOT NULL,
    interval_ns          INTEGER NOT NULL,
    headers              TEXT    NOT NULL,  -- JSON object
    last_success         INTEGER,
    last_error           TEXT    NOT NULL,
    last_error_at        INTEGER,
    consecutive_failures INTEGER NOT NULL,
    items_seen           INTEGER NOT NULL,
    blocked              INTEGER NOT NULL,
    etag                 TEXT    NOT NULL,
    last_modified        TEXT    NOT NULL,
    next_poll            INTEGER
);

CREATE TABLE security_master (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    data  BLOB    NOT NULL,
    saved INTEGER NOT NULL
);
