-- Indexes for the web UI's filters: an article's source and its sentiment
-- label (read from the annotation JSON).
CREATE INDEX articles_source ON articles (source, sort_time);
CREATE INDEX articles_sentiment ON articles (json_extract(annotation, '$.sentiment.label'), sort_time);
