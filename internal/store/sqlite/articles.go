package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

const articleColumns = `a.uuid, a.kind, a.url, a.canonical_url, a.title, a.description, a.body, a.author,
	a.published, a.discovered, a.source, a.source_id, a.language, a.content_hash, a.parent_uuid,
	a.story_id, a.annotation`

func scanArticle(row interface{ Scan(...any) error }) (news.Article, error) {
	var a news.Article
	var published, discovered sql.NullInt64
	var ann []byte
	err := row.Scan(&a.UUID, &a.Kind, &a.URL, &a.CanonicalURL, &a.Title, &a.Description, &a.Text, &a.Author,
		&published, &discovered, &a.Source, &a.SourceID, &a.Language, &a.ContentHash, &a.ParentUUID,
		&a.StoryID, &ann)
	if err != nil {
		return a, err
	}
	a.Published, a.Discovered = fromMicro(published), fromMicro(discovered)
	if err := json.Unmarshal(ann, &a.Annotation); err != nil {
		return a, fmt.Errorf("article %s: annotation: %w", a.UUID, err)
	}
	return a, nil
}

// SaveArticle stores a, or finds the article with its URL or content hash.
func (s *Store) SaveArticle(ctx context.Context, a *news.Article) (bool, error) {
	if err := store.Prepare(a, s.now()); err != nil {
		return false, err
	}
	ann, err := json.Marshal(a.Annotation)
	if err != nil {
		return false, fmt.Errorf("annotation: %w", err)
	}
	var urlKey any
	if k := store.URLKey(a); k != "" {
		urlKey = k
	}
	created := false
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var existing string
		err := tx.QueryRowContext(ctx, `SELECT uuid FROM articles WHERE content_hash = ?
			UNION ALL SELECT uuid FROM articles WHERE url_key = ? LIMIT 1`, a.ContentHash, urlKey).Scan(&existing)
		if err == nil {
			a.UUID = existing
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if a.UUID == "" {
			a.UUID = store.NewUUID()
		}
		var id int64
		err = tx.QueryRowContext(ctx, `INSERT INTO articles (uuid, kind, url, canonical_url, url_key, title,
			description, body, author, published, discovered, sort_time, source, source_id, language,
			content_hash, parent_uuid, story_id, annotation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.UUID, a.Kind, a.URL, a.CanonicalURL, urlKey, a.Title, a.Description, a.Text, a.Author,
			micro(a.Published), micro(a.Discovered), a.When().UnixMicro(), a.Source, a.SourceID, a.Language,
			a.ContentHash, a.ParentUUID, a.StoryID, ann).Scan(&id)
		if err != nil {
			return err
		}
		created = true
		return insertIndex(ctx, tx, id, a.When().UnixMicro(), a.Annotation)
	})
	if err != nil {
		return false, fmt.Errorf("save article: %w", err)
	}
	return created, nil
}

// insertIndex adds the listing and event rows of an article's annotation.
func insertIndex(ctx context.Context, tx *sql.Tx, id, sortTime int64, ann news.Annotation) error {
	listings, events := store.IndexRows(ann)
	for _, l := range listings {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_listings (article_id, symbol, mic, match_score, sentiment, sort_time)
			VALUES (?, ?, ?, ?, ?, ?)`, id, l.Symbol, l.MIC, l.MatchScore, l.Sentiment, sortTime); err != nil {
			return err
		}
	}
	for _, e := range events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_events (article_id, type, sort_time) VALUES (?, ?, ?)`,
			id, e, sortTime); err != nil {
			return err
		}
	}
	return nil
}

// UpdateAnnotation replaces an article's annotation, index rows and story.
func (s *Store) UpdateAnnotation(ctx context.Context, id string, ann news.Annotation, storyID string) error {
	data, err := json.Marshal(ann)
	if err != nil {
		return fmt.Errorf("annotation: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var rowID, sortTime int64
		err := tx.QueryRowContext(ctx, `SELECT id, sort_time FROM articles WHERE uuid = ?`, normalUUID(id)).Scan(&rowID, &sortTime)
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET annotation = ?, story_id = ?,
			language = CASE WHEN language = '' THEN lower(?) ELSE language END WHERE id = ?`,
			data, storyID, ann.Language, rowID); err != nil {
			return err
		}
		for _, table := range []string{"article_listings", "article_events"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE article_id = ?`, rowID); err != nil {
				return err
			}
		}
		return insertIndex(ctx, tx, rowID, sortTime, ann)
	})
}

// normalUUID is id in the canonical lower-case form, or id unchanged when it
// is not a UUID (and so matches nothing).
func normalUUID(id string) string {
	if u, err := uuid.Parse(id); err == nil {
		return u.String()
	}
	return id
}

// GetArticle returns one article, or store.ErrNotFound.
func (s *Store) GetArticle(ctx context.Context, id string) (*news.Article, error) {
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.uuid = ?`, normalUUID(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

var dialect = sqlquery.Dialect{
	Placeholder: func(int) string { return "?" },
	Time:        func(t time.Time) any { return t.UnixMicro() },
	Search: func(ph string, n searchquery.Node) (string, any) {
		return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + ph + ")", searchquery.FTS5(n)
	},
}

// SearchArticles returns one page of the articles matching q, newest first.
func (s *Store) SearchArticles(ctx context.Context, q store.Query) (store.Result, error) {
	q, search, err := store.Normalize(q)
	if err != nil {
		return store.Result{}, err
	}
	where, b := sqlquery.Where(dialect, q, search)
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.Result{}, err
	}
	defer tx.Rollback()
	var res store.Result
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+where, b.Args()...).Scan(&res.Found); err != nil {
		return res, fmt.Errorf("search articles: %w", err)
	}
	if res.Found <= q.Offset {
		return res, nil
	}
	page := `SELECT ` + articleColumns + ` FROM articles a WHERE ` + where +
		` ORDER BY a.sort_time DESC, a.id DESC LIMIT ` + b.Arg(q.Limit) + ` OFFSET ` + b.Arg(q.Offset)
	rows, err := tx.QueryContext(ctx, page, b.Args()...)
	if err != nil {
		return res, fmt.Errorf("search articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return res, err
		}
		res.Articles = append(res.Articles, a)
	}
	return res, rows.Err()
}
