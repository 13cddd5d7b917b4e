package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tickerwire/tickerwire/internal/api"
)

// getNews fetches /v1/news/all?query, which must answer 200.
func getNews(t *testing.T, f *fixture, query string) api.NewsResponse {
	t.Helper()
	code, _, body := get(t, f.srv.URL+"/v1/news/all?"+query)
	if code != http.StatusOK {
		t.Fatalf("%s: status %d: %s", query, code, body)
	}
	var resp api.NewsResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatal(err)
	}
	return resp
}

func newsTitles(t *testing.T, f *fixture, query string) ([]string, api.NewsResponse) {
	t.Helper()
	resp := getNews(t, f, query)
	titles := []string{}
	for _, a := range resp.Data {
		titles = append(titles, a.Title)
	}
	return titles, resp
}

// TestNewsAllEveryParameter runs each parameter of /v1/news/all.
func TestNewsAllEveryParameter(t *testing.T) {
	f := newFixture(t, "")
	all := []string{fxTalks, fxHonda, fxApple, fxBank, fxRecall, fxGerman}
	tests := []struct {
		query string
		want  []string
	}{
		{"", all},
		{"symbols=NSANY", []string{fxTalks, fxRecall}},
		{"symbols=7267.XTKS,aapl", []string{fxHonda, fxApple}},
		{"entity_types=equity", []string{fxTalks, fxHonda, fxApple, fxRecall, fxGerman}},
		{"entity_types=index,etf", []string{}},
		{"industries=Consumer%20Electronics", []string{fxApple}},
		{"countries=tw,us", []string{fxTalks, fxApple}},
		{"sentiment_gte=0.55", []string{fxApple, fxGerman}},
		{"sentiment_lte=-0.5", []string{fxHonda}},
		{"sentiment_gte=-0.5&sentiment_lte=-0.3", []string{fxTalks, fxRecall}},
		{"min_match_score=0.97", []string{fxApple}},
		{"must_have_entities=true", []string{fxTalks, fxHonda, fxApple, fxRecall, fxGerman}},
		{"must_have_entities=false", all},
		{"group_similar=true", []string{fxTalks, fxHonda, fxApple, fxBank, fxGerman}},
		{"search=phone", []string{fxApple}},
		{"search=" + url.QueryEscape(`nissan -recall`), []string{fxTalks}},
		{"search=" + url.QueryEscape(`(honda | apple) "new phone"`), []string{fxApple}},
		{"domains=example.com", []string{fxTalks, fxApple, fxRecall}},
		{"exclude_domains=example.com,example.de", []string{fxHonda, fxBank}},
		{"source_ids=2,3", []string{fxHonda, fxBank}},
		{"language=de", []string{fxGerman}},
		{"published_after=2026-03-02T10:00", []string{fxTalks, fxHonda, fxApple}},
		{"published_before=2026-03-02T08:00:00Z", []string{fxRecall, fxGerman}},
		{"published_on=2026-03-02", all},
		{"published_on=2026-03-01", []string{}},
		{"sort=entity_match_score", []string{fxApple, fxTalks, fxRecall, fxHonda, fxGerman, fxBank}},
		{"sort=entity_sentiment_score&must_have_entities=true", []string{fxApple, fxGerman, fxTalks, fxRecall, fxHonda}},
		{"sort=relevance_score&search=phone%20|%20nissan", []string{fxApple, fxRecall, fxTalks}}, // the shorter text ranks higher
		{"sort=published_on&sort_order=asc", []string{fxGerman, fxRecall, fxBank, fxApple, fxHonda, fxTalks}},
		{"limit=2", []string{fxTalks, fxHonda}},
		{"limit=2&page=3", []string{fxRecall, fxGerman}},
		{"events=incident,product", []string{fxApple, fxRecall}},
		{"mic=XNYS", []string{fxHonda}},
		{"symbols=NSANY&mic=XTKS", []string{}},
		{"story=s1", []string{fxTalks, fxRecall}},
		{"filter_entities=true&countries=tw", []string{fxTalks}},
	}
	for _, tt := range tests {
		got, _ := newsTitles(t, f, tt.query)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.query, diff)
		}
	}
}

func TestFilterEntitiesAndGroupSimilar(t *testing.T) {
	f := newFixture(t, "")
	_, resp := newsTitles(t, f, "countries=tw&filter_entities=true")
	if len(resp.Data[0].Entities) != 1 || resp.Data[0].Entities[0].Symbol != "2317" {
		t.Errorf("filter_entities kept %+v", resp.Data[0].Entities)
	}
	_, resp = newsTitles(t, f, "countries=tw")
	if len(resp.Data[0].Entities) != 2 {
		t.Errorf("without filter_entities: %d entities, want 2", len(resp.Data[0].Entities))
	}
	_, resp = newsTitles(t, f, "group_similar=true&story=s1")
	if len(resp.Data) != 1 || len(resp.Data[0].Similar) != 1 || resp.Data[0].Similar[0].Title != fxRecall {
		t.Errorf("group_similar: %+v", resp.Data)
	}
}

// TestEveryBadValue sends a bad value of each parameter of each endpoint
// and expects 400 naming it.
func TestEveryBadValue(t *testing.T) {
	f := newFixture(t, "")
	newsBad := map[string][]string{
		"symbols":            {"%3Cscript%3E", "A,,B%20C"},
		"entity_types":       {"stock"},
		"industries":         {"%3Cb%3E"},
		"countries":          {"japan"},
		"sentiment_gte":      {"high", "1.5", "NaN"},
		"sentiment_lte":      {"-2"},
		"min_match_score":    {"2", "x"},
		"filter_entities":    {"yes"},
		"must_have_entities": {"2"},
		"group_similar":      {"maybe"},
		"search":             {strings.Repeat("a", 1001)},
		"domains":            {"not_a_domain"},
		"exclude_domains":    {"http://x.com/"},
		"source_ids":         {"abc", "-1"},
		"language":           {"english"},
		"published_before":   {"2025-13-45"},
		"published_after":    {"not-a-date"},
		"published_on":       {"tomorrow"},
		"sort":               {"popularity"},
		"sort_order":         {"up"},
		"limit":              {"0", "101", "ten"},
		"page":               {"0", "-1"},
		"events":             {"party"},
		"mic":                {"NASDAQ"},
		"story":              {"a%20b"},
		"cursor":             {"abc"},
		"colour":             {"red"},
	}
	check := func(path, param, value string) {
		t.Helper()
		u := f.srv.URL + path
		if strings.Contains(u, "?") {
			u += "&"
		} else {
			u += "?"
		}
		code, hdr, body := get(t, u+param+"="+value)
		if code != http.StatusBadRequest {
			t.Errorf("%s %s=%s: status %d, want 400: %s", path, param, value, code, body)
			return
		}
		if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("content type %q", ct)
		}
		var e struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if err := json.Unmarshal(body, &e); err != nil {
			t.Fatal(err)
		}
		if e.Error.Code != "malformed_parameters" || !strings.Contains(e.Error.Message, "'"+param+"'") {
			t.Errorf("%s %s=%s: error %+v does not name it", path, param, value, e.Error)
		}
	}
	for param, values := range newsBad {
		for _, v := range values {
			check("/v1/news/all", param, v)
		}
	}
	check("/v1/news/all?sort=entity_match_score", "cursor", "AAAAAAAAAAAAAAAAAAAAAA")
	check("/v1/news/all?page=2", "cursor", "AAAAAAAAAAAAAAAAAAAAAA")
	check("/v1/news/all?sentiment_lte=-0.5", "sentiment_gte", "0.5")
	check("/v1/news/all?published_before=2026-01-01", "published_after", "2026-02-01")
	check("/v1/news/all", "sort", "relevance_score") // without a search
	others := []struct{ path, param, value string }{
		{"/v1/news/similar/" + f.ids[fxTalks], "limit", "0"},
		{"/v1/news/similar/" + f.ids[fxTalks], "symbols", "AAPL"},
		{"/v1/news/sources", "language", "x"},
		{"/v1/news/sources", "page", "0"},
		{"/v1/entity/stats/intraday", "interval", "fortnight"},
		{"/v1/entity/stats/intraday", "group_by", "colour"},
		{"/v1/entity/stats/intraday", "countries", "xyz"},
		{"/v1/entity/stats/aggregation", "sort", "name"},
		{"/v1/entity/stats/aggregation", "sort_order", "sideways"},
		{"/v1/entity/stats/aggregation", "limit", "1000"},
		{"/v1/entity/trending/aggregation", "min_doc_count", "0"},
		{"/v1/entity/trending/aggregation", "published_after", "soon"},
		{"/v1/entity/search", "types", "bond"},
		{"/v1/entity/search", "exchanges", "NASDAQ"},
		{"/v1/entity/search", "symbols", "%3C%3E"},
		{"/v1/entity/type/list", "x", "1"},
		{"/v1/entity/industry/list", "x", "1"},
		{"/v2/reference/news", "ticker", "%3C%3E"},
		{"/v2/reference/news", "published_utc.gte", "yesterday"},
		{"/v2/reference/news", "order", "random"},
		{"/v2/reference/news", "sort", "title"},
		{"/v2/reference/news", "limit", "1001"},
		{"/v2/reference/news", "cursor", "zzz"},
		{"/v1/stream", "events", "party"},
		{"/v1/stream", "last_event_id", "x"},
		{"/v1/stream", "limit", "5"},
		{"/feeds/news.rss", "symbols", "%3C%3E"},
		{"/feeds/news.atom", "page", "2"},
		{"/feeds/news.json", "limit", "0"},
		{"/v1/watchlists/1/deliveries", "status", "lost"},
	}
	for _, o := range others {
		check(o.path, o.param, o.value)
	}
}
