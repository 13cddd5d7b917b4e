-- Indexes for the web UI: the filter on an article's sentiment label (read
-- from the annotation), and a listing's daily mentions and sentiment
-- answered from the index alone.
CREATE INDEX IF NOT EXISTS articles_sentiment ON articles ((annotation -> 'sentiment' ->> 'label'), sort_time);
CREATE INDEX IF NOT EXISTS article_listings_daily ON article_listings (symbol, mic, sort_time) INCLUDE (sentiment);
