package store

import (
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/tickerwire/tickerwire/internal/news"
)

// DecodeAnnotation decodes a stored annotation (written by encoding/json)
// into ann. It decodes with JSON v2, which reads an article's annotation in
// about half the time encoding/json takes, a large part of a search's cost;
// lenient like encoding/json about duplicate names and invalid UTF-8.
func DecodeAnnotation(data []byte, ann *news.Annotation) error {
	return json.Unmarshal(data, ann, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true),
		json.MatchCaseInsensitiveNames(true))
}
