package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

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
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := prepareInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		for i, a := range as {
			if created[i], uuids[i], err = st.save(ctx, a, anns[i]); err != nil {
				return fmt.Errorf("article %q: %w", a.Title, err)
			}
		}
		return st.flushFTS(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("save articles: %w", err)
	}
	for i, a := range as { // only now: a failed transaction leaves the articles as they were
		a.UUID = uuids[i]
	}
	return created, nil
}

// inserter holds the statements that save articles, prepared once per
// transaction.
type inserter struct {
	find, taken, article, fts, refts, listing, event *sql.Stmt
	pending                                          []ftsRow
}

// ftsRow is an article's row of the full-text index. The rows of a batch
// are added after its articles and listings: a statement that opens a
// savepoint (such as an insert into articles) makes FTS5 write out what it
// holds in memory, so interleaving would write the index once per article.
type ftsRow struct {
	id                       int64
	title, description, body string
}

// flushFTS adds the pending full-text rows.
func (st *inserter) flushFTS(ctx context.Context) error {
	for _, r := range st.pending {
		if _, err := st.fts.ExecContext(ctx, r.id, r.title, r.description, r.body); err != nil {
			return err
		}
	}
	st.pending = nil
	return nil
}

func prepareInsert(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	var st inserter
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&st.find, findArticle},
		{&st.taken, `SELECT EXISTS (SELECT 1 FROM articles WHERE uuid = ?)`},
		{&st.article, `INSERT INTO articles (uuid, kind, url, canonical_url, url_key, title,
			description, body, author, published, discovered, sort_time, source, source_id, language,
			content_hash, parent_uuid, story_id, annotation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&st.fts, `INSERT INTO articles_fts (rowid, title, description, body, symbols) VALUES (?1, ?2, ?3, ?4, ` + ftsSymbols + `)`},
		{&st.refts, `INSERT INTO articles_fts (rowid, title, description, body, symbols)
			SELECT id, title, description, body, ` + ftsSymbols + ` FROM articles WHERE id = ?1`},
		{&st.listing, `INSERT INTO article_listings (article_id, symbol, mic, match_score, sentiment, sort_time, name, country, industry, rank)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.event, `INSERT INTO article_events (article_id, type, sort_time) VALUES (?, ?, ?)`},
	} {
		var err error
		if *p.dst, err = tx.PrepareContext(ctx, p.query); err != nil {
			st.close()
			return nil, err
		}
	}
	return &st, nil
}

func (st *inserter) close() {
	for _, s := range []*sql.Stmt{st.find, st.taken, st.article, st.fts, st.refts, st.listing, st.event} {
		if s != nil {
			s.Close()
		}
	}
}

// save saves one prepared article with its annotation as JSON, or finds the
// stored one; it returns the article's UUID.
func (st *inserter) save(ctx context.Context, a *news.Article, ann []byte) (bool, string, error) {
	_, urlKey := store.DedupKeys(a)
	var existing string
	err := st.find.QueryRowContext(ctx, a.ContentHash, urlKey).Scan(&existing)
	if err == nil {
		return false, existing, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, "", err
	}
	id := a.UUID
	if id == "" {
		id = store.NewUUID()
	} else {
		var taken bool
		if err := st.taken.QueryRowContext(ctx, id).Scan(&taken); err != nil {
			return false, "", err
		}
		if taken {
			return false, "", fmt.Errorf("%w: uuid %s is taken by another article", store.ErrInvalid, id)
		}
	}
	var rowID int64
	err = st.article.QueryRowContext(ctx, id, a.Kind, a.URL, a.CanonicalURL, urlKey, a.Title, a.Description,
		a.Text, a.Author, micro(a.Published), micro(a.Discovered), a.When().UnixMicro(), a.Source, a.SourceID,
		a.Language, a.ContentHash, a.ParentUUID, a.StoryID, ann).Scan(&rowID)
	if err != nil {
		return false, "", err
	}
	st.pending = append(st.pending, ftsRow{rowID, a.Title, a.Description, a.Text})
	return true, id, st.index(ctx, rowID, a.When().UnixMicro(), a.Annotation)
}

// index adds the listing and event rows of an article's annotation.
func (st *inserter) index(ctx context.Context, id, sortTime int64, ann news.Annotation) error {
	listings, events := store.IndexRows(ann)
	for _, l := range listings {
		if _, err := st.listing.ExecContext(ctx, id, l.Symbol, l.MIC, l.MatchScore, l.Sentiment, sortTime, l.Name, l.Country, l.Industry, l.Rank); err != nil {
			return err
		}
	}
	for _, e := range events {
		if _, err := st.event.ExecContext(ctx, id, e, sortTime); err != nil {
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
	id, ok := store.ParseUUID(id)
	if !ok {
		return store.ErrNotFound
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var rowID, sortTime int64
		err := tx.QueryRowContext(ctx, `SELECT id, sort_time FROM articles WHERE uuid = ?`, id).Scan(&rowID, &sortTime)
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
		st, err := prepareInsert(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		if err := st.index(ctx, rowID, sortTime, ann); err != nil {
			return err
		}
		// The full-text row holds the article's symbols: replace it.
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, rowID); err != nil {
			return err
		}
		_, err = st.refts.ExecContext(ctx, rowID)
		return err
	})
}

// FindArticle returns the UUID of the stored copy of a, or store.ErrNotFound.
func (s *Store) FindArticle(ctx context.Context, a *news.Article) (string, error) {
	hash, urlKey := store.DedupKeys(a)
	var id string
	err := s.read.QueryRowContext(ctx, findArticle, hash, urlKey).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", store.ErrNotFound
	}
	return id, err
}

// findArticle selects the UUID of the article with a content hash or URL key.
const findArticle = `SELECT uuid FROM articles WHERE content_hash = ? UNION ALL SELECT uuid FROM articles WHERE url_key = ? LIMIT 1`

// GetArticle returns one article, or store.ErrNotFound.
func (s *Store) GetArticle(ctx context.Context, id string) (*news.Article, error) {
	id, ok := store.ParseUUID(id)
	if !ok {
		return nil, store.ErrNotFound
	}
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.uuid = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

var dialect = sqlquery.Dialect{
	Placeholder: func(n int) string { return "?" + strconv.Itoa(n) },
	Time:        func(t time.Time) any { return t.UnixMicro() },
	Search: func(b *sqlquery.Builder, n searchquery.Node, candidates func() string, symbols []string) string {
		ph := b.Arg(ftsMatch(n, symbols))
		match := "SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + ph
		switch {
		case candidates == nil:
			return "a.id IN (" + match + ")"
		case len(symbols) == 0:
			// Read the matches only between the lowest and highest candidate
			// IDs: articles are mostly stored in time order, so for a date
			// range this is a short stretch of the index.
			return "a.id IN (" + match + " AND rowid >= (SELECT min(article_id) FROM (" + candidates() + "))" +
				" AND rowid <= (SELECT max(article_id) FROM (" + candidates() + ")))"
		}
		return "a.id IN (" + fmt.Sprintf(ftsSpans, candidates(), candidates(), ph) + ")"
	},
	Rank: func(ph string, n searchquery.Node) (string, string, any) {
		return " JOIN (SELECT rowid AS rank_id, bm25(articles_fts, 3.0, 2.0, 1.0, 0.0) AS rank FROM articles_fts WHERE articles_fts MATCH " + ph +
			") fts_rank ON fts_rank.rank_id = a.id", "-fts_rank.rank", ftsMatch(n, nil)
	},
	SearchOnIDs: true,
	Micros:      func(col string) string { return col },
	Bucket:      bucket,
}

// SearchArticles returns one page of the articles matching q, newest first.
func (s *Store) SearchArticles(ctx context.Context, q store.Query) (store.Result, error) {
	return s.search(ctx, q, func(r *runner, q store.Query, search searchquery.Node) (store.Result, error) {
		return sqlquery.Search(r, dialect, q, search, articleColumns)
	})
}

// search normalises q and answers it with run in a read transaction.
func (s *Store) search(ctx context.Context, q store.Query, run func(*runner, store.Query, searchquery.Node) (store.Result, error)) (store.Result, error) {
	q, search, err := store.Normalize(q)
	if err != nil {
		return store.Result{}, err
	}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.Result{}, err
	}
	defer tx.Rollback()
	r := &runner{ctx: ctx, tx: tx, stmts: &s.stmts}
	res, err := run(r, q, search)
	tx.Rollback()
	if err != nil {
		return store.Result{}, fmt.Errorf("search articles: %w", err)
	}
	s.stmts.prepare(ctx, r.unprepared)
	return res, nil
}

// runner runs search queries in a read transaction, with the statements
// prepared for them; it notes the queries that had none.
type runner struct {
	ctx        context.Context
	tx         *sql.Tx
	stmts      *stmtCache
	unprepared []string
}

// query runs a query in the transaction.
func (r *runner) query(query string, args []any) (*sql.Rows, error) {
	if st := r.stmts.get(query); st != nil {
		return r.tx.StmtContext(r.ctx, st).QueryContext(r.ctx, args...)
	}
	r.unprepared = append(r.unprepared, query)
	return r.tx.QueryContext(r.ctx, query, args...)
}

func (r *runner) Keys(query string, args []any) ([]sqlquery.Key, error) {
	rows, err := r.query(query, args)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []sqlquery.Key
	for rows.Next() {
		var k sqlquery.Key
		if err := rows.Scan(&k.Micros, &k.ID); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

func (r *runner) CountedKeys(query string, args []any) (int, []sqlquery.Key, error) {
	rows, err := r.query(query, args)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	var n int
	var keys []sqlquery.Key
	for rows.Next() {
		var micros, id sql.NullInt64
		if err := rows.Scan(&n, &micros, &id); err != nil {
			return 0, nil, err
		}
		if id.Valid {
			keys = append(keys, sqlquery.Key{Micros: micros.Int64, ID: id.Int64})
		}
	}
	return n, keys, rows.Err()
}

func (r *runner) Count(query string, args []any) (int, error) {
	rows, err := r.query(query, args)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, sql.ErrNoRows
	}
	var n int
	if err := rows.Scan(&n); err != nil {
		return 0, err
	}
	return n, rows.Close()
}

func (r *runner) Articles(query string, args []any) ([]news.Article, error) {
	rows, err := r.query(query, args)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
