-- Fills the entity columns of the listing rows stored before 0010 from
-- their articles' annotations, then the entities table from the listing
-- rows. Safe to run again.

UPDATE article_listings al SET name = d.name, country = d.country, industry = d.industry, rank = d.rank
FROM (
    SELECT DISTINCT ON (a.id, upper(l.value->>'symbol'), upper(coalesce(l.value->>'mic', '')))
           a.id AS article_id, upper(l.value->>'symbol') AS symbol, upper(coalesce(l.value->>'mic', '')) AS mic,
           coalesce(c.value->>'name', '') AS name, upper(coalesce(c.value->>'country', '')) AS country,
           coalesce(c.value->>'industry', '') AS industry, (l.ord - 1)::integer AS rank
    FROM articles a
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.annotation->'companies') = 'array'
        THEN a.annotation->'companies' ELSE '[]'::jsonb END) AS c (value)
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c.value->'listings') = 'array'
        THEN c.value->'listings' ELSE '[]'::jsonb END) WITH ORDINALITY AS l (value, ord)
    ORDER BY 1, 2, 3, rank
) d
WHERE al.name = '' AND al.article_id = d.article_id AND al.symbol = d.symbol AND al.mic = d.mic;

INSERT INTO entities AS e (symbol, mic, name, country, industry, documents)
    SELECT symbol, mic, max(name), max(country), max(industry), count(*) FROM article_listings GROUP BY symbol, mic
    ON CONFLICT (symbol, mic) DO UPDATE SET documents = excluded.documents, name = excluded.name,
        country = excluded.country, industry = excluded.industry;
