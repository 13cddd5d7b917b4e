-- Articles, their index tables and full-text index, sources and the
-- security master.

CREATE TABLE articles (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid          uuid        NOT NULL UNIQUE,
    kind          text        NOT NULL,
    url           text        NOT NULL,
    canonical_url text        NOT NULL,
    url_key       text        UNIQUE,   -- canonical URL, else URL; NULL when neither
    title         text        NOT NULL,
    description   text        NOT NULL,
    body          text        NOT NULL,
    author        text        NOT NULL,
    published     timestamptz,
    discovered    timestamptz NOT NULL,
    sort_time     timestamptz NOT NULL, -- published, else discovered
    source        text        NOT NULL,
    source_id     bigint      NOT NULL,
    language      text        NOT NULL,
    content_hash  text        NOT NULL UNIQUE,
    parent_uuid   text        NOT NULL,
    story_id      text        NOT NULL,
    annotation    jsonb       NOT NULL, -- news.Annotation
    search        tsvector    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A') ||
        setweight(to_tsvector('simple', description), 'B') ||
        to_tsvector('simple', body)) STORED
);
CREATE INDEX articles_sort_time ON articles (sort_time, id);
CREATE INDEX articles_story ON articles (story_id, sort_time);
CREATE INDEX articles_parent ON articles (parent_uuid, sort_time);
CREATE INDEX articles_search ON articles USING gin (search);

-- One row per listing an article names; sort_time is the article's, so a
-- symbol and a date range are answered from this index alone.
CREATE TABLE article_listings (
    article_id  bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    symbol      text             NOT NULL, -- upper case
    mic         text             NOT NULL, -- upper case
    match_score double precision NOT NULL,
    sentiment   double precision NOT NULL,
    sort_time   timestamptz      NOT NULL,
    PRIMARY KEY (article_id, symbol, mic)
);
CREATE INDEX article_listings_symbol ON article_listings (symbol, sort_time, mic, article_id);

CREATE TABLE article_events (
    article_id bigint      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type       text        NOT NULL,
    sort_time  timestamptz NOT NULL,
    PRIMARY KEY (article_id, type)
);
CREATE INDEX article_events_type ON article_events (type, sort_time, article_id);

CREATE TABLE sources (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                 text    NOT NULL,
    url                  text    NOT NULL UNIQUE,
    name                 text    NOT NULL,
    full_text            boolean NOT NULL,
    interval_ns          bigint  NOT NULL,
    headers              jsonb   NOT NULL,
    last_success         timestamptz,
    last_error           text    NOT NULL,
    last_error_at        timestamptz,
    consecutive_failures integer NOT NULL,
    items_seen           integer NOT NULL,
    blocked              boolean NOT NULL,
    etag                 text    NOT NULL,
    last_modified        text    NOT NULL,
    next_poll            timestamptz
);

CREATE TABLE security_master (
    id    integer     PRIMARY KEY CHECK (id = 1),
    data  bytea       NOT NULL,
    saved timestamptz NOT NULL
);
