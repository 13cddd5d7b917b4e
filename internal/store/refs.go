package store

import "context"

// ArticleRef names one stored version of an article: its row ID and its
// revision, which changes whenever the stored article does (re-annotated,
// given a story, removed). What was made from an article may be reused for
// as long as its reference is the same.
type ArticleRef struct {
	ID       int64
	Revision int64
}

// RefSearcher is a store that answers a search with the references of its
// page's articles, reading in full only those the caller does not already
// have made into what it needs. The SQLite store implements it.
type RefSearcher interface {
	// SearchRefs answers q as SearchArticles does, and returns the
	// references of the page's articles in order. have is called once for
	// each, in order, during the search; Result.Articles holds, in page
	// order, the articles for which it returned false.
	SearchRefs(ctx context.Context, q Query, have func(ArticleRef) bool) (Result, []ArticleRef, error)
}
