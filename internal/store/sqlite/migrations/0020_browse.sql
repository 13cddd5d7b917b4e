-- Indexes for the web UI: filters on an article's source and sentiment
-- label (read from the annotation JSON), and a listing's daily mentions
-- and sentiment answered from the index alone.
CREATE INDEX articles_source ON articles (source, sort_time);
CREATE INDEX articles_sentiment ON articles (json_extract(annotation, '$.sentiment.label'), sort_time);
CREATE INDEX article_listings_daily ON article_listings (symbol, mic, sort_time, sentiment);
