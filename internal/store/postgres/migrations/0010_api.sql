-- What the API needs beyond article search: the article's domain, entity
-- details on listing rows, an entity table kept by triggers, API keys,
-- watchlists and alert deliveries. Times of the new tables are Unix
-- microseconds, as in the SQLite store, so both share their SQL.

ALTER TABLE articles ADD COLUMN domain text GENERATED ALWAYS AS (
    lower(coalesce(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/]*)'), ''))) STORED;
CREATE INDEX articles_domain ON articles (domain, sort_time);
CREATE INDEX articles_source_domain ON articles (source_id, domain, language);

ALTER TABLE article_listings ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE article_listings ADD COLUMN country text NOT NULL DEFAULT '';
ALTER TABLE article_listings ADD COLUMN industry text NOT NULL DEFAULT '';
ALTER TABLE article_listings ADD COLUMN rank integer NOT NULL DEFAULT 0;
CREATE INDEX article_listings_time ON article_listings (sort_time, rank, symbol, mic, sentiment);
CREATE INDEX article_listings_score ON article_listings (match_score);

CREATE TABLE entities (
    symbol    text    NOT NULL,
    mic       text    NOT NULL,
    name      text    NOT NULL,
    country   text    NOT NULL,
    industry  text    NOT NULL,
    documents integer NOT NULL,
    PRIMARY KEY (symbol, mic)
);
CREATE INDEX entities_documents ON entities (documents DESC);

CREATE FUNCTION entities_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO entities AS e (symbol, mic, name, country, industry, documents)
        VALUES (NEW.symbol, NEW.mic, NEW.name, NEW.country, NEW.industry, 1)
        ON CONFLICT (symbol, mic) DO UPDATE SET documents = e.documents + 1,
            name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE e.name END,
            country = CASE WHEN excluded.country <> '' THEN excluded.country ELSE e.country END,
            industry = CASE WHEN excluded.industry <> '' THEN excluded.industry ELSE e.industry END;
        RETURN NEW;
    END IF;
    UPDATE entities SET documents = documents - 1 WHERE symbol = OLD.symbol AND mic = OLD.mic;
    RETURN OLD;
END $$;
CREATE TRIGGER article_listings_entities AFTER INSERT OR DELETE ON article_listings
    FOR EACH ROW EXECUTE FUNCTION entities_count();

CREATE TABLE api_keys (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    prefix     text    NOT NULL UNIQUE,
    hash       text    NOT NULL,
    name       text    NOT NULL,
    rate_limit integer NOT NULL,
    created    bigint  NOT NULL,
    revoked    bigint
);

CREATE TABLE watchlists (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id  bigint NOT NULL,
    spec    text   NOT NULL,
    created bigint NOT NULL,
    updated bigint NOT NULL
);

CREATE TABLE alerts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    watchlist_id bigint  NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    article_uuid text    NOT NULL,
    status       text    NOT NULL,
    attempts     integer NOT NULL,
    next_attempt bigint,
    last_error   text    NOT NULL,
    created      bigint  NOT NULL,
    delivered    bigint,
    UNIQUE (watchlist_id, article_uuid)
);
CREATE INDEX alerts_status ON alerts (status, id);

CREATE TABLE delivery_attempts (
    alert_id    bigint  NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    attempt     integer NOT NULL,
    at          bigint  NOT NULL,
    status_code integer NOT NULL,
    error       text    NOT NULL,
    duration_ns bigint  NOT NULL,
    PRIMARY KEY (alert_id, attempt)
);
