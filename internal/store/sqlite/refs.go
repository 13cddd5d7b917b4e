package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/tickerwire/tickerwire/internal/store"
	"github.com/tickerwire/tickerwire/internal/store/searchquery"
	"github.com/tickerwire/tickerwire/internal/store/sqlquery"
)

var _ store.RefSearcher = (*Store)(nil)

// SearchRefs answers q as SearchArticles does, reading in full only the
// page's articles have lacks; their revisions come from article_revisions
// (migration 0050), in the same read transaction.
func (s *Store) SearchRefs(ctx context.Context, q store.Query, have func(store.ArticleRef) bool) (store.Result, []store.ArticleRef, error) {
	var refs []store.ArticleRef
	res, err := s.search(ctx, q, func(r *runner, q store.Query, search searchquery.Node) (store.Result, error) {
		res, page, err := sqlquery.Page(r, dialect, q, search)
		if err != nil || len(page) == 0 {
			return res, err
		}
		res.Next = sqlquery.NextCursor(q, page)
		revisions, err := r.revisions(page)
		if err != nil {
			return res, err
		}
		refs = make([]store.ArticleRef, len(page))
		var missing []sqlquery.Key
		for i, k := range page {
			refs[i] = store.ArticleRef{ID: k.ID, Revision: revisions[k.ID]}
			if !have(refs[i]) {
				missing = append(missing, k)
			}
		}
		if len(missing) == 0 {
			return res, nil
		}
		if res.Articles, err = r.Articles(sqlquery.ByIDs(dialect, articleColumns, missing)); err == nil && len(res.Articles) != len(missing) {
			err = fmt.Errorf("read %d of the page's %d articles", len(res.Articles), len(missing))
		}
		return res, err
	})
	if err != nil {
		return store.Result{}, nil, err
	}
	return res, refs, nil
}

// revisions returns the revisions of the articles of keys that have one
// (the others have revision 0).
func (r *runner) revisions(keys []sqlquery.Key) (map[int64]int64, error) {
	places := make([]string, len(keys))
	args := make([]any, len(keys))
	for i, k := range keys {
		places[i], args[i] = "?"+strconv.Itoa(i+1), k.ID
	}
	rows, err := r.query(`SELECT article_id, revision FROM article_revisions WHERE article_id IN (`+strings.Join(places, ", ")+`)`, args)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, rev int64
		if err := rows.Scan(&id, &rev); err != nil {
			return nil, err
		}
		out[id] = rev
	}
	return out, rows.Err()
}
