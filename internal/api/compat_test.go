package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The structs below are written from Marketaux's and Polygon's published
// documentation, not from our types: a client built for those APIs must
// decode our answers by changing only the base URL.

type marketauxNews struct {
	Meta struct {
		Found    *int `json:"found"`
		Returned *int `json:"returned"`
		Limit    *int `json:"limit"`
		Page     *int `json:"page"`
	} `json:"meta"`
	Data []struct {
		UUID        string   `json:"uuid"`
		Title       string   `json:"title"`
		Description *string  `json:"description"`
		Keywords    *string  `json:"keywords"`
		Snippet     *string  `json:"snippet"`
		URL         string   `json:"url"`
		ImageURL    *string  `json:"image_url,omitempty"`
		Language    string   `json:"language"`
		PublishedAt string   `json:"published_at"`
		Source      string   `json:"source"`
		Relevance   *float64 `json:"relevance_score"`
		Entities    []struct {
			Symbol         string   `json:"symbol"`
			Name           string   `json:"name"`
			Exchange       *string  `json:"exchange"`
			ExchangeLong   *string  `json:"exchange_long"`
			Country        string   `json:"country"`
			Type           string   `json:"type"`
			Industry       string   `json:"industry"`
			MatchScore     float64  `json:"match_score"`
			SentimentScore *float64 `json:"sentiment_score"`
			Highlights     []struct {
				Highlight     string  `json:"highlight"`
				Sentiment     float64 `json:"sentiment"`
				HighlightedIn string  `json:"highlighted_in"`
			} `json:"highlights"`
		} `json:"entities"`
		Similar []json.RawMessage `json:"similar"`
	} `json:"data"`
}

type marketauxMeta struct {
	Found    int `json:"found"`
	Returned int `json:"returned"`
	Limit    int `json:"limit"`
	Page     int `json:"page"`
}

type marketauxStats struct {
	Meta marketauxMeta `json:"meta"`
	Data []struct {
		Key            string   `json:"key"`
		TotalDocuments int      `json:"total_documents"`
		SentimentAvg   *float64 `json:"sentiment_avg"`
	} `json:"data"`
}

type marketauxTrending struct {
	Meta marketauxMeta `json:"meta"`
	Data []struct {
		Key            string   `json:"key"`
		TotalDocuments int      `json:"total_documents"`
		SentimentAvg   *float64 `json:"sentiment_avg"`
		Score          *float64 `json:"score"`
	} `json:"data"`
}

type marketauxIntraday struct {
	Data []struct {
		Date string `json:"date"`
		Data []struct {
			Key            string   `json:"key"`
			TotalDocuments int      `json:"total_documents"`
			SentimentAvg   *float64 `json:"sentiment_avg"`
		} `json:"data"`
	} `json:"data"`
}

type marketauxEntitySearch struct {
	Meta struct {
		Found    int `json:"found"`
		Returned int `json:"returned"`
	} `json:"meta"`
	Data []struct {
		Symbol       string `json:"symbol"`
		Name         string `json:"name"`
		Type         string `json:"type"`
		Industry     string `json:"industry"`
		Exchange     string `json:"exchange"`
		ExchangeLong string `json:"exchange_long"`
		MICCode      string `json:"mic_code"`
		Country      string `json:"country"`
	} `json:"data"`
}

type marketauxSources struct {
	Data []struct {
		SourceID   string   `json:"source_id"`
		Domain     string   `json:"domain"`
		Language   string   `json:"language"`
		Locale     *string  `json:"locale"`
		Categories []string `json:"categories"`
	} `json:"data"`
}

type polygonNews struct {
	Results []struct {
		ID        string `json:"id"`
		Publisher struct {
			Name        string `json:"name"`
			HomepageURL string `json:"homepage_url"`
			LogoURL     string `json:"logo_url,omitempty"`
			FaviconURL  string `json:"favicon_url,omitempty"`
		} `json:"publisher"`
		Title        string   `json:"title"`
		Author       string   `json:"author"`
		PublishedUTC string   `json:"published_utc"`
		ArticleURL   string   `json:"article_url"`
		Tickers      []string `json:"tickers"`
		AmpURL       string   `json:"amp_url,omitempty"`
		ImageURL     string   `json:"image_url,omitempty"`
		Description  string   `json:"description"`
		Keywords     []string `json:"keywords"`
		Insights     []struct {
			Ticker             string `json:"ticker"`
			Sentiment          string `json:"sentiment"`
			SentimentReasoning string `json:"sentiment_reasoning"`
		} `json:"insights"`
	} `json:"results"`
	Status    string `json:"status"`
	RequestID string `json:"request_id"`
	Count     int    `json:"count"`
	NextURL   string `json:"next_url,omitempty"`
}

// decodeStrict decodes body into v, failing on a field v does not know
// only when strict (our answers may add fields; they must not lack any).
func decodeInto(t *testing.T, f *fixture, path string, v any) {
	t.Helper()
	code, _, body := get(t, f.srv.URL+path)
	if code != http.StatusOK {
		t.Fatalf("%s: status %d: %s", path, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var raw any
	_ = json.Unmarshal(body, &raw)
	if missing := missingFields(v, raw); len(missing) > 0 {
		t.Errorf("%s lacks the published fields %v", path, missing)
	}
}

// missingFields lists the JSON fields of the struct type of v that the
// first object (or first array element) of raw lacks, recursively.
func missingFields(v any, raw any) []string {
	var typed any
	b, _ := json.Marshal(v)
	_ = json.Unmarshal(b, &typed)
	var out []string
	var walk func(path string, want, got any)
	walk = func(path string, want, got any) {
		switch w := want.(type) {
		case map[string]any:
			g, ok := got.(map[string]any)
			if !ok {
				return
			}
			for k, wv := range w {
				gv, ok := g[k]
				if !ok {
					out = append(out, path+k)
					continue
				}
				walk(path+k+".", wv, gv)
			}
		case []any:
			g, ok := got.([]any)
			if ok && len(w) > 0 && len(g) > 0 {
				walk(path, w[0], g[0])
			}
		}
	}
	walk("", typed, raw)
	return out
}

func TestMarketauxClient(t *testing.T) {
	f := newFixture(t, "")
	var news marketauxNews
	decodeInto(t, f, "/v1/news/all?symbols=7201.XTKS&limit=1", &news)
	if *news.Meta.Found != 2 || *news.Meta.Returned != 1 || *news.Meta.Limit != 1 || *news.Meta.Page != 1 {
		t.Errorf("meta %+v", news.Meta)
	}
	d := news.Data[0]
	if d.Title != fxTalks || d.Entities[0].Symbol != "7201" || *d.Entities[0].Exchange != "XTKS" || d.Entities[0].Country != "jp" ||
		d.Entities[0].Type != "equity" || len(d.Entities[0].Highlights) == 0 {
		t.Errorf("article %+v", d)
	}
	if _, err := time.Parse(time.RFC3339, d.PublishedAt); err != nil {
		t.Errorf("published_at %q: %v", d.PublishedAt, err)
	}
	var agg marketauxStats
	decodeInto(t, f, "/v1/entity/stats/aggregation?countries=jp", &agg)
	got := map[string]int{}
	for _, e := range agg.Data {
		got[e.Key] = e.TotalDocuments
	}
	if diff := cmp.Diff(map[string]int{"7201": 2, "7267": 1, "7203": 1}, got); diff != "" {
		t.Errorf("aggregation (-want +got):\n%s", diff)
	}
	var intraday marketauxIntraday
	decodeInto(t, f, "/v1/entity/stats/intraday?interval=hour&symbols=7201&published_after=2026-03-01", &intraday)
	if len(intraday.Data) != 2 || intraday.Data[0].Data[0].Key != "7201" || intraday.Data[0].Date != "2026-03-02T12:00:00Z" {
		t.Errorf("intraday %+v", intraday)
	}
	var trending marketauxTrending
	decodeInto(t, f, "/v1/entity/trending/aggregation?published_after=2026-03-02T09:00&published_before=2026-03-02T12:00", &trending)
	if len(trending.Data) == 0 || trending.Data[0].Score == nil {
		t.Errorf("trending %+v", trending)
	}
	var entities marketauxEntitySearch
	decodeInto(t, f, "/v1/entity/search?search=honda", &entities)
	if entities.Meta.Found != 2 || entities.Data[0].MICCode == "" || entities.Data[0].Type != "equity" {
		t.Errorf("entity search %+v", entities)
	}
	var sources marketauxSources
	decodeInto(t, f, "/v1/news/sources?language=de", &sources)
	if len(sources.Data) != 1 || sources.Data[0].Domain != "example.de" || sources.Data[0].SourceID != "4" {
		t.Errorf("sources %+v", sources)
	}
	var similar marketauxNews
	decodeInto(t, f, "/v1/news/similar/"+f.ids[fxTalks], &similar)
	var titles []string
	for _, a := range similar.Data {
		titles = append(titles, a.Title)
	}
	if diff := cmp.Diff([]string{fxRecall}, titles); diff != "" { // the same story; no other article names Nissan or Hon Hai
		t.Errorf("similar (-want +got):\n%s", diff)
	}
	for _, path := range []string{"/v1/entity/type/list", "/v1/entity/industry/list"} {
		var list struct {
			Data []string `json:"data"`
		}
		decodeInto(t, f, path, &list)
		if len(list.Data) == 0 {
			t.Errorf("%s is empty", path)
		}
	}
}

// TestPolygonClient pages through /v2/reference/news following next_url,
// as Polygon clients do.
func TestPolygonClient(t *testing.T) {
	f := newFixture(t, "")
	next := f.srv.URL + "/v2/reference/news?limit=2&published_utc.gte=2026-03-02T07:00:00Z"
	var ids []string
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("next_url never ends")
		}
		u, err := url.Parse(next)
		if err != nil {
			t.Fatal(err)
		}
		var page polygonNews
		decodeInto(t, f, u.RequestURI(), &page)
		if page.Status != "OK" || page.RequestID == "" || page.Count != len(page.Results) {
			t.Errorf("page %+v", page)
		}
		for _, r := range page.Results {
			ids = append(ids, r.Title)
			if r.Title == fxHonda {
				if diff := cmp.Diff([]string{"7267", "HMC"}, r.Tickers); diff != "" {
					t.Errorf("tickers (-want +got):\n%s", diff)
				}
				if len(r.Insights) != 1 || r.Insights[0].Ticker != "7267" || r.Insights[0].Sentiment != "negative" ||
					!strings.Contains(r.Insights[0].SentimentReasoning, "Honda") {
					t.Errorf("insights %+v", r.Insights)
				}
				if r.Publisher.Name != "Org News" || r.Publisher.HomepageURL != "https://news.example.org/" || r.PublishedUTC != "2026-03-02T11:00:00Z" {
					t.Errorf("result %+v", r)
				}
			}
		}
		next = page.NextURL
	}
	if diff := cmp.Diff([]string{fxTalks, fxHonda, fxApple, fxBank, fxRecall, fxGerman}, ids); diff != "" {
		t.Errorf("paged titles (-want +got):\n%s", diff)
	}
	var one polygonNews
	decodeInto(t, f, "/v2/reference/news?ticker=AAPL&order=asc", &one)
	if len(one.Results) != 1 || one.Results[0].Title != fxApple || one.NextURL != "" {
		t.Errorf("ticker AAPL: %+v", one)
	}
}
