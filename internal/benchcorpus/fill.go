package benchcorpus

import (
	"context"
	"fmt"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// Fill saves the generator's articles into st until it holds n, in batches
// (a store filled earlier from the same seed is topped up, not refilled:
// articles already there are skipped over). The articles keep the companies
// they were written about as their annotation, so no annotator runs.
func Fill(ctx context.Context, st store.Store, g *Generator, n int, progress func(done int)) error {
	res, err := st.SearchArticles(ctx, store.Query{Limit: 1})
	if err != nil {
		return err
	}
	if res.Found >= n {
		return nil
	}
	for range res.Found {
		g.Next()
	}
	const batch = 1000
	for done := res.Found; done < n; {
		as := make([]*news.Article, 0, batch)
		for ; done < n && len(as) < batch; done++ {
			as = append(as, g.Next().NewsArticle())
		}
		if _, err := st.SaveArticles(ctx, as); err != nil {
			return fmt.Errorf("fill: %w", err)
		}
		if progress != nil {
			progress(done)
		}
	}
	return nil
}
