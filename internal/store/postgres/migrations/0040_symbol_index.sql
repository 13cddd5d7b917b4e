-- Each article once per symbol it names (on any exchange), in time order,
-- and how many articles name each symbol: a query by symbol reads its page
-- from article_symbols and its count from symbol_counts, instead of
-- deduplicating and counting every listing row of every match. Kept by
-- triggers on article_listings; filled here from the rows stored before.

CREATE TABLE article_symbols (
    symbol     text        NOT NULL,  -- upper case
    sort_time  timestamptz NOT NULL,  -- the article's
    article_id bigint      NOT NULL,
    PRIMARY KEY (symbol, sort_time, article_id)
);
INSERT INTO article_symbols (symbol, sort_time, article_id)
    SELECT DISTINCT symbol, sort_time, article_id FROM article_listings;

CREATE TABLE symbol_counts (
    symbol   text    NOT NULL PRIMARY KEY,
    articles integer NOT NULL
);
INSERT INTO symbol_counts (symbol, articles)
    SELECT symbol, count(*) FROM article_symbols GROUP BY symbol;

CREATE FUNCTION article_symbols_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO article_symbols (symbol, sort_time, article_id) VALUES (NEW.symbol, NEW.sort_time, NEW.article_id)
        ON CONFLICT DO NOTHING;
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM article_listings WHERE article_id = OLD.article_id AND symbol = OLD.symbol) THEN
        DELETE FROM article_symbols WHERE symbol = OLD.symbol AND sort_time = OLD.sort_time AND article_id = OLD.article_id;
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER article_listings_symbols AFTER INSERT OR DELETE ON article_listings
    FOR EACH ROW EXECUTE FUNCTION article_symbols_keep();

CREATE FUNCTION symbol_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO symbol_counts AS c (symbol, articles) VALUES (NEW.symbol, 1)
        ON CONFLICT (symbol) DO UPDATE SET articles = c.articles + 1;
        RETURN NEW;
    END IF;
    UPDATE symbol_counts SET articles = articles - 1 WHERE symbol = OLD.symbol;
    RETURN OLD;
END $$;
CREATE TRIGGER article_symbols_counts AFTER INSERT OR DELETE ON article_symbols
    FOR EACH ROW EXECUTE FUNCTION symbol_counts_keep();
