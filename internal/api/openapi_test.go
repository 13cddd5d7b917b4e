package api_test

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/tickerwire/tickerwire/internal/api"
)

// TestOpenAPIDocumentsEveryRoute checks that the document served at
// /v1/openapi.json describes every route the server registered, with its
// path parameters, and that every documented path is served.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	f := newFixture(t, "")
	code, _, body := get(t, f.srv.URL+"/v1/openapi.json")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Summary    string `json:"summary"`
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	routes := f.api.Routes()
	if len(routes) < 20 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	pathParam := regexp.MustCompile(`\{([a-z_]+)\}`)
	documented := 0
	for _, rt := range routes {
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("%s %s is not documented", rt.Method, rt.Path)
			continue
		}
		documented++
		if op.Summary == "" || len(op.Responses) == 0 {
			t.Errorf("%s %s lacks a summary or responses", rt.Method, rt.Path)
		}
		for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
			found := false
			for _, p := range op.Parameters {
				found = found || (p.Name == m[1] && p.In == "path")
			}
			if !found {
				t.Errorf("%s %s: path parameter %s is not documented", rt.Method, rt.Path, m[1])
			}
		}
	}
	ops := 0
	for path, methods := range doc.Paths {
		for method := range methods {
			ops++
			if method != "get" {
				continue
			}
			url := pathParam.ReplaceAllString(path, "1")
			if strings.Contains(path, "{uuid}") {
				url = strings.ReplaceAll(path, "{uuid}", f.ids[fxTalks])
			}
			if path == "/v1/stream" {
				continue // never ends
			}
			code, _, body := get(t, f.srv.URL+url)
			if code == http.StatusNotFound && strings.Contains(string(body), api.CodeInvalidEndpoint) {
				t.Errorf("documented %s is not served", path)
			}
		}
	}
	if ops != documented {
		t.Errorf("the document has %d operations, the server %d routes", ops, documented)
	}
}

// TestEveryDocumentedParameterIsAccepted sends each documented query
// parameter of /v1/news/all with an empty value: none is "not supported".
func TestEveryDocumentedParameterIsAccepted(t *testing.T) {
	f := newFixture(t, "")
	for _, rt := range f.api.Routes() {
		if rt.Method != "GET" || rt.Path == "/v1/stream" || strings.Contains(rt.Path, "{") {
			continue
		}
		for _, p := range rt.Params {
			code, _, body := get(t, f.srv.URL+rt.Path+"?"+p.Name+"=")
			if strings.Contains(string(body), "is not supported") {
				t.Errorf("%s documents %s but refuses it: %d %s", rt.Path, p.Name, code, body)
			}
		}
	}
}

func TestFeeds(t *testing.T) {
	f := newFixture(t, "")
	code, hdr, body := get(t, f.srv.URL+"/feeds/news.atom?symbols=7201&limit=5")
	var atom struct {
		XMLName xml.Name `xml:"feed"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
		} `xml:"entry"`
	}
	if code != 200 || !strings.Contains(hdr.Get("Content-Type"), "atom") || xml.Unmarshal(body, &atom) != nil ||
		len(atom.Entries) != 2 || atom.Entries[0].Title != fxTalks {
		t.Errorf("atom: %d %q %+v", code, hdr.Get("Content-Type"), atom)
	}
	code, hdr, body = get(t, f.srv.URL+"/feeds/news.json?search=phone")
	var jf struct {
		Version string `json:"version"`
		Items   []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			URL   string `json:"url"`
		} `json:"items"`
	}
	if code != 200 || !strings.Contains(hdr.Get("Content-Type"), "json") || json.Unmarshal(body, &jf) != nil ||
		!strings.Contains(jf.Version, "jsonfeed.org") || len(jf.Items) != 1 || jf.Items[0].URL != "https://example.com/apple" {
		t.Errorf("json feed: %d %s", code, body)
	}
}
