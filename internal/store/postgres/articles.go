package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

const articleColumns = `a.uuid::text, a.kind, a.url, a.canonical_url, a.title, a.description, a.body, a.author,
	a.published, a.discovered, a.source, a.source_id, a.language, a.content_hash, a.parent_uuid,
	a.story_id, a.annotation`

func scanArticle(row pgx.Row) (news.Article, error) {
	var a news.Article
	var published, discovered *time.Time
	var ann []byte
	err := row.Scan(&a.UUID, &a.Kind, &a.URL, &a.CanonicalURL, &a.Title, &a.Description, &a.Text, &a.Author,
		&published, &discovered, &a.Source, &a.SourceID, &a.Language, &a.ContentHash, &a.ParentUUID,
		&a.StoryID, &ann)
	if err != nil {
		return a, err
	}
	a.Published, a.Discovered = fromNull(published), fromNull(discovered)
	if err := store.DecodeAnnotation(ann, &a.Annotation); err != nil {
		return a, fmt.Errorf("article %s: annotation: %w", a.UUID, err)
	}
	return a, nil
}

// SaveArticle stores a, or finds the article with its URL or content hash.
func (s *Store) SaveArticle(ctx context.Context, a *news.Article) (bool, error) {
	created, err := s.SaveArticles(ctx, []*news.Article{a})
	if err != nil {
		return false, err
	}
	return created[0], nil
}

// SaveArticles saves articles in one transaction.
func (s *Store) SaveArticles(ctx context.Context, as []*news.Article) ([]bool, error) {
	anns, err := store.PrepareAll(as, s.now())
	if err != nil {
		return nil, err
	}
	created := make([]bool, len(as))
	uuids := make([]string, len(as))
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for i, a := range as {
			var err error
			if created[i], uuids[i], err = saveArticle(ctx, tx, a, anns[i]); err != nil {
				return fmt.Errorf("article %q: %w", a.Title, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save articles: %w", err)
	}
	for i, a := range as { // only now: a failed transaction leaves the articles as they were
		a.UUID = uuids[i]
	}
	return created, nil
}

// saveArticle saves one prepared article with its annotation as JSON, or
// finds the stored one; it returns the article's UUID.
func saveArticle(ctx context.Context, tx pgx.Tx, a *news.Article, ann []byte) (bool, string, error) {
	_, urlKey := store.DedupKeys(a)
	id := a.UUID
	if id == "" {
		id = store.NewUUID()
	}
	var rowID int64
	err := tx.QueryRow(ctx, `INSERT INTO articles (uuid, kind, url, canonical_url, url_key, title,
		description, body, author, published, discovered, sort_time, source, source_id, language,
		content_hash, parent_uuid, story_id, annotation)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
		ON CONFLICT DO NOTHING RETURNING id`,
		id, a.Kind, a.URL, a.CanonicalURL, urlKey, a.Title, a.Description, a.Text, a.Author,
		nullTime(a.Published), a.Discovered, a.When(), a.Source, a.SourceID, a.Language,
		a.ContentHash, a.ParentUUID, a.StoryID, json.RawMessage(ann)).Scan(&rowID)
	if errors.Is(err, pgx.ErrNoRows) { // a conflict: the article is stored
		var existing string
		err := tx.QueryRow(ctx, findArticle, a.ContentHash, urlKey).Scan(&existing)
		if errors.Is(err, pgx.ErrNoRows) {
			return false, "", fmt.Errorf("%w: uuid %s is taken by another article", store.ErrInvalid, id)
		}
		return false, existing, err
	}
	if err != nil {
		return false, "", err
	}
	return true, id, insertIndex(ctx, tx, rowID, a.When(), a.Annotation)
}

// insertIndex adds the listing and event rows of an article's annotation.
func insertIndex(ctx context.Context, tx pgx.Tx, id int64, sortTime time.Time, ann news.Annotation) error {
	listings, events := store.IndexRows(ann)
	if len(listings) > 0 {
		var symbols, mics, names, countries, industries []string
		var scores, sentiments []float64
		var ranks []int32
		for _, l := range listings {
			symbols, mics = append(symbols, l.Symbol), append(mics, l.MIC)
			scores, sentiments = append(scores, l.MatchScore), append(sentiments, l.Sentiment)
			names, countries, industries = append(names, l.Name), append(countries, l.Country), append(industries, l.Industry)
			ranks = append(ranks, int32(l.Rank))
		}
		if _, err := tx.Exec(ctx, `INSERT INTO article_listings (article_id, symbol, mic, match_score, sentiment, sort_time,
				name, country, industry, rank)
			SELECT $1, symbol, mic, score, sentiment, $6, name, country, industry, rank
			FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $7::text[], $8::text[], $9::text[], $10::int[])
				AS l (symbol, mic, score, sentiment, name, country, industry, rank)`,
			id, symbols, mics, scores, sentiments, sortTime, names, countries, industries, ranks); err != nil {
			return err
		}
	}
	if len(events) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO article_events (article_id, type, sort_time)
			SELECT $1, type, $3 FROM unnest($2::text[]) AS e (type)`, id, events, sortTime); err != nil {
			return err
		}
	}
	return nil
}

// UpdateAnnotation replaces an article's annotation, index rows and story.
func (s *Store) UpdateAnnotation(ctx context.Context, id string, ann news.Annotation, storyID string) error {
	id, ok := store.ParseUUID(id)
	if !ok {
		return store.ErrNotFound
	}
	data, err := json.Marshal(ann)
	if err != nil {
		return fmt.Errorf("annotation: %w", err)
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var rowID int64
		var sortTime time.Time
		err := tx.QueryRow(ctx, `UPDATE articles SET annotation = $2, story_id = $3,
			language = CASE WHEN language = '' THEN lower($4) ELSE language END
			WHERE uuid = $1 RETURNING id, sort_time`, id, json.RawMessage(data), storyID, ann.Language).Scan(&rowID, &sortTime)
		if errors.Is(err, pgx.ErrNoRows) {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		for _, table := range []string{"article_listings", "article_events"} {
			if _, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE article_id = $1`, rowID); err != nil {
				return err
			}
		}
		return insertIndex(ctx, tx, rowID, sortTime, ann)
	})
}

// FindArticle returns the UUID of the stored copy of a, or store.ErrNotFound.
func (s *Store) FindArticle(ctx context.Context, a *news.Article) (string, error) {
	hash, urlKey := store.DedupKeys(a)
	var id string
	err := s.pool.QueryRow(ctx, findArticle, hash, urlKey).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", store.ErrNotFound
	}
	return id, err
}

// findArticle selects the UUID of the article with a content hash or URL key.
const findArticle = `SELECT uuid::text FROM articles WHERE content_hash = $1
	UNION ALL SELECT uuid::text FROM articles WHERE url_key = $2 LIMIT 1`

// GetArticle returns one article, or store.ErrNotFound.
func (s *Store) GetArticle(ctx context.Context, id string) (*news.Article, error) {
	id, ok := store.ParseUUID(id)
	if !ok {
		return nil, store.ErrNotFound
	}
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.uuid = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

var dialect = sqlquery.Dialect{
	Placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
	Time:        func(t time.Time) any { return t },
	Search: func(b *sqlquery.Builder, n searchquery.Node, _ func() string, _ []string) string {
		return "a.search @@ to_tsquery('simple', " + b.Arg(searchquery.TSQuery(n)) + ")"
	},
	Rank: func(ph string, n searchquery.Node) (string, string, any) {
		return "", "ts_rank(a.search, to_tsquery('simple', " + ph + "))", searchquery.TSQuery(n)
	},
	Micros: func(col string) string { return "(extract(epoch FROM " + col + ") * 1000000)::bigint" },
	Bucket: bucket,
}

// SearchArticles returns one page of the articles matching q, newest first.
func (s *Store) SearchArticles(ctx context.Context, q store.Query) (store.Result, error) {
	q, search, err := store.Normalize(q)
	if err != nil {
		return store.Result{}, err
	}
	var res store.Result
	err = pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		var err error
		res, err = sqlquery.Search(runner{ctx, tx}, dialect, q, search, articleColumns)
		return err
	})
	if err != nil {
		return store.Result{}, fmt.Errorf("search articles: %w", err)
	}
	return res, nil
}

// runner runs search queries in a read transaction.
type runner struct {
	ctx context.Context
	tx  pgx.Tx
}

func (r runner) Keys(query string, args []any) ([]sqlquery.Key, error) {
	rows, err := r.tx.Query(r.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (sqlquery.Key, error) {
		var k sqlquery.Key
		err := row.Scan(&k.Micros, &k.ID)
		return k, err
	})
}

func (r runner) CountedKeys(query string, args []any) (int, []sqlquery.Key, error) {
	rows, err := r.tx.Query(r.ctx, query, args...)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	var n int
	var keys []sqlquery.Key
	for rows.Next() {
		var micros, id *int64
		if err := rows.Scan(&n, &micros, &id); err != nil {
			return 0, nil, err
		}
		if id != nil && micros != nil {
			keys = append(keys, sqlquery.Key{Micros: *micros, ID: *id})
		}
	}
	return n, keys, rows.Err()
}

func (r runner) Count(query string, args []any) (int, error) {
	var n int
	err := r.tx.QueryRow(r.ctx, query, args...).Scan(&n)
	return n, err
}

func (r runner) Articles(query string, args []any) ([]news.Article, error) {
	rows, err := r.tx.Query(r.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (news.Article, error) { return scanArticle(row) })
}
