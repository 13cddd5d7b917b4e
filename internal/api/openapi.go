package api

import (
	"net/http"
	"regexp"
	"strings"
)

// pathParam finds the {name} parameters of a route path.
var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// OpenAPI returns the OpenAPI 3 document of the routes Register added.
func (s *Server) OpenAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range s.routes {
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = operation(rt)
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":       "tickerwire API",
			"version":     "1",
			"description": "Financial news tagged with listed companies (symbol and ISO 10383 MIC), events and sentiment. /v1/news and /v1/entity follow Marketaux, /v2/reference/news follows Polygon.",
		},
		"paths": paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"api_token": map[string]any{"type": "apiKey", "in": "query", "name": "api_token"},
				"bearer":    map[string]any{"type": "http", "scheme": "bearer"},
			},
			"schemas": map[string]any{
				"Error": object(map[string]any{"error": object(map[string]any{
					"code":    map[string]any{"type": "string", "enum": errorCodes},
					"message": map[string]any{"type": "string"},
				})}),
				"Watchlist": object(map[string]any{
					"name": str(), "symbols": strs(), "searches": strs(), "events": strs(),
					"sentiment_gte": num(), "sentiment_lte": num(), "webhook_url": str(), "webhook_secret": str(),
					"webhook_template": str(), "webhook_content_type": str(),
				}),
			},
		},
		"security": []any{map[string]any{"api_token": []any{}}, map[string]any{"bearer": []any{}}},
	}
}

var errorCodes = []string{CodeMalformedParameters, CodeInvalidAPIToken, CodeEndpointRestricted, CodeResourceNotFound,
	CodeInvalidEndpoint, CodeRateLimitReached, CodeServerError}

func object(props map[string]any) map[string]any {
	return map[string]any{"type": "object", "properties": props}
}
func str() map[string]any  { return map[string]any{"type": "string"} }
func num() map[string]any  { return map[string]any{"type": "number"} }
func strs() map[string]any { return map[string]any{"type": "array", "items": str()} }

func operation(rt Route) map[string]any {
	var params []any
	for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": str()})
	}
	for _, p := range rt.Params {
		schema := map[string]any{"type": p.Type}
		if len(p.Enum) > 0 && !strings.HasPrefix(p.Description, "Comma-separated") {
			schema["enum"] = p.Enum
		}
		params = append(params, map[string]any{"name": p.Name, "in": "query", "description": p.Description, "schema": schema})
	}
	ok := map[string]any{"description": "OK"}
	status := "200"
	switch rt.Method {
	case http.MethodPost:
		status = "201"
	case http.MethodDelete:
		status = "204"
	}
	errResp := map[string]any{"description": "Error", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	op := map[string]any{
		"summary":   rt.Summary,
		"responses": map[string]any{status: ok, "400": errResp, "401": errResp, "403": errResp, "404": errResp, "429": errResp, "500": errResp},
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if rt.Public {
		op["security"] = []any{}
	}
	if rt.Method == http.MethodPost || rt.Method == http.MethodPut {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Watchlist"}}}}
	}
	return op
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.OpenAPI())
}
