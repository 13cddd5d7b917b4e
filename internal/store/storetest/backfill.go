package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// EntityBackfill checks that listing rows stored before migration 0010
// get their entity details, and the entities table, from migration 0011.
// exec runs SQL on s; remigrate runs the store's migrations again and
// returns the store to use from then on.
func EntityBackfill(t *testing.T, s store.Store, exec func(query string) error, remigrate func() store.Store) {
	a := &news.Article{Title: "Nissan and Honda", Annotation: news.Annotation{Companies: []news.Company{
		{Name: "Nissan Motor", Country: "jp", Industry: "Autos", Listings: []news.Listing{{Symbol: "7201", MIC: "XTKS"}, {Symbol: "NSANY", MIC: "OTCM"}}},
		{Name: "Honda Motor", Listings: []news.Listing{{Symbol: "HMC", MIC: "XNYS"}}},
	}}}
	save(t, s, a)
	for _, q := range []string{ // as a store from before 0010 has them
		`UPDATE article_listings SET name = '', country = '', industry = '', rank = 0`,
		`DELETE FROM entities`,
		`DELETE FROM schema_migrations WHERE version = 11`,
	} {
		if err := exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s = remigrate()
	got, _, err := s.SearchEntities(ctx, store.EntitySearch{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.EntityInfo{
		{Symbol: "7201", MIC: "XTKS", Name: "Nissan Motor", Country: "JP", Industry: "Autos", Documents: 1},
		{Symbol: "HMC", MIC: "XNYS", Name: "Honda Motor", Documents: 1},
		{Symbol: "NSANY", MIC: "OTCM", Name: "Nissan Motor", Country: "JP", Industry: "Autos", Documents: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	stats, err := s.EntityStats(ctx, store.StatsQuery{})
	if err != nil || len(stats) != 2 { // primary listings only: 7201 and HMC
		t.Errorf("stats after backfill = %+v, %v", stats, err)
	}
}
