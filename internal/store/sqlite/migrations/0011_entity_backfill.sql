-- Fills the entity columns of the listing rows stored before 0010 from
-- their articles' annotations (one JSON pass over the articles), then the
-- entities table from the listing rows. Safe to run again.

CREATE TEMP TABLE listing_details AS
    SELECT a.id AS article_id,
           upper(json_extract(l.value, '$.symbol')) AS symbol,
           upper(coalesce(json_extract(l.value, '$.mic'), '')) AS mic,
           coalesce(json_extract(c.value, '$.name'), '') AS name,
           upper(coalesce(json_extract(c.value, '$.country'), '')) AS country,
           coalesce(json_extract(c.value, '$.industry'), '') AS industry,
           l.key AS rank
    FROM articles a, json_each(a.annotation, '$.companies') c, json_each(c.value, '$.listings') l
    WHERE json_type(a.annotation, '$.companies') = 'array' AND json_type(c.value, '$.listings') = 'array';
CREATE INDEX temp.listing_details_key ON listing_details (article_id, symbol, mic);

UPDATE article_listings SET (name, country, industry, rank) = (
        SELECT d.name, d.country, d.industry, d.rank FROM listing_details d
        WHERE d.article_id = article_listings.article_id AND d.symbol = article_listings.symbol AND d.mic = article_listings.mic
        ORDER BY d.rank LIMIT 1)
    WHERE name = '' AND EXISTS (SELECT 1 FROM listing_details d
        WHERE d.article_id = article_listings.article_id AND d.symbol = article_listings.symbol AND d.mic = article_listings.mic);
DROP TABLE temp.listing_details;

INSERT INTO entities (symbol, mic, name, country, industry, documents)
    SELECT symbol, mic, max(name), max(country), max(industry), count(*) FROM article_listings WHERE true GROUP BY symbol, mic
    ON CONFLICT (symbol, mic) DO UPDATE SET documents = excluded.documents, name = excluded.name,
        country = excluded.country, industry = excluded.industry;
