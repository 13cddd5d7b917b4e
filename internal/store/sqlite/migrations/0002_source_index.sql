-- Index for the Sources filter (the API's domains parameter).
CREATE INDEX IF NOT EXISTS articles_source ON articles (lower(source), sort_time);
