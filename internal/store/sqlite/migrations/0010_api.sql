-- What the API needs beyond article search: the article's domain, entity
-- details on listing rows, an entity table kept by triggers, API keys,
-- watchlists and alert deliveries. Times are Unix microseconds (UTC).

ALTER TABLE articles ADD COLUMN domain TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(url, '://') > 0 THEN lower(substr(substr(url, instr(url, '://') + 3), 1,
        instr(substr(url, instr(url, '://') + 3) || '/', '/') - 1)) ELSE '' END) VIRTUAL;
CREATE INDEX articles_domain ON articles (domain, sort_time);
CREATE INDEX articles_source_domain ON articles (source_id, domain, language);

ALTER TABLE article_listings ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE article_listings ADD COLUMN country TEXT NOT NULL DEFAULT '';  -- upper case
ALTER TABLE article_listings ADD COLUMN industry TEXT NOT NULL DEFAULT '';
ALTER TABLE article_listings ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;   -- 0: the company's primary listing
CREATE INDEX article_listings_time ON article_listings (sort_time, rank, symbol, mic, sentiment);
CREATE INDEX article_listings_score ON article_listings (match_score);

-- Every listing named in an article, with how many articles name it.
CREATE TABLE entities (
    symbol    TEXT    NOT NULL,
    mic       TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    country   TEXT    NOT NULL,
    industry  TEXT    NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (symbol, mic)
) WITHOUT ROWID;
CREATE INDEX entities_documents ON entities (documents DESC);
CREATE TRIGGER article_listings_entities_insert AFTER INSERT ON article_listings BEGIN
    INSERT INTO entities (symbol, mic, name, country, industry, documents)
    VALUES (new.symbol, new.mic, new.name, new.country, new.industry, 1)
    ON CONFLICT (symbol, mic) DO UPDATE SET documents = documents + 1,
        name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END,
        country = CASE WHEN excluded.country <> '' THEN excluded.country ELSE country END,
        industry = CASE WHEN excluded.industry <> '' THEN excluded.industry ELSE industry END;
END;
CREATE TRIGGER article_listings_entities_delete AFTER DELETE ON article_listings BEGIN
    UPDATE entities SET documents = documents - 1 WHERE symbol = old.symbol AND mic = old.mic;
END;

CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    prefix     TEXT    NOT NULL UNIQUE,
    hash       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    rate_limit INTEGER NOT NULL,
    created    INTEGER NOT NULL,
    revoked    INTEGER
);

CREATE TABLE watchlists (
    id      INTEGER PRIMARY KEY,
    key_id  INTEGER NOT NULL,
    spec    TEXT    NOT NULL,  -- store.Watchlist as JSON
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
);

CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    article_uuid TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    next_attempt INTEGER,
    last_error   TEXT    NOT NULL,
    created      INTEGER NOT NULL,
    delivered    INTEGER,
    UNIQUE (watchlist_id, article_uuid)
);
CREATE INDEX alerts_status ON alerts (status, id);

CREATE TABLE delivery_attempts (
    alert_id    INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    status_code INTEGER NOT NULL,
    error       TEXT    NOT NULL,
    duration_ns INTEGER NOT NULL,
    PRIMARY KEY (alert_id, attempt)
);
