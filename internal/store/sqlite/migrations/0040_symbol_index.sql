-- Each article once per symbol it names (on any exchange), in time order,
-- and how many articles name each symbol: a query by symbol reads its page
-- from article_symbols and its count from symbol_counts, instead of
-- deduplicating and counting every listing row of every match. Kept by
-- triggers on article_listings; filled here from the rows stored before.

CREATE TABLE article_symbols (
    symbol     TEXT    NOT NULL,  -- upper case
    sort_time  INTEGER NOT NULL,  -- the article's
    article_id INTEGER NOT NULL,
    PRIMARY KEY (symbol, sort_time, article_id)
) WITHOUT ROWID;
INSERT INTO article_symbols (symbol, sort_time, article_id)
    SELECT symbol, sort_time, article_id FROM article_listings WHERE true
    ON CONFLICT DO NOTHING;

CREATE TABLE symbol_counts (
    symbol   TEXT    NOT NULL PRIMARY KEY,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO symbol_counts (symbol, articles)
    SELECT symbol, count(*) FROM article_symbols GROUP BY symbol;

CREATE TRIGGER article_listings_symbols_insert AFTER INSERT ON article_listings BEGIN
    INSERT INTO article_symbols (symbol, sort_time, article_id) VALUES (new.symbol, new.sort_time, new.article_id)
    ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER article_listings_symbols_delete AFTER DELETE ON article_listings
WHEN NOT EXISTS (SELECT 1 FROM article_listings WHERE article_id = old.article_id AND symbol = old.symbol) BEGIN
    DELETE FROM article_symbols WHERE symbol = old.symbol AND sort_time = old.sort_time AND article_id = old.article_id;
END;
CREATE TRIGGER article_symbols_count_insert AFTER INSERT ON article_symbols BEGIN
    INSERT INTO symbol_counts (symbol, articles) VALUES (new.symbol, 1)
    ON CONFLICT (symbol) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER article_symbols_count_delete AFTER DELETE ON article_symbols BEGIN
    UPDATE symbol_counts SET articles = articles - 1 WHERE symbol = old.symbol;
END;
