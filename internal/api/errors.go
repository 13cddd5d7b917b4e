package api

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
)

// Error codes, as Marketaux names them.
const (
	CodeMalformedParameters = "malformed_parameters"
	CodeInvalidAPIToken     = "invalid_api_token"
	CodeEndpointRestricted  = "endpoint_access_restricted"
	CodeResourceNotFound    = "resource_not_found"
	CodeInvalidEndpoint     = "invalid_api_endpoint"
	CodeRateLimitReached    = "rate_limit_reached"
	CodeServerError         = "server_error"
)

// Error is an API error: an HTTP status, a Marketaux error code and a message.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// badParam is a malformed_parameters error naming the parameter.
func badParam(name, problem string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: CodeMalformedParameters,
		Message: "The parameter '" + name + "' " + problem}
}

// writeError answers with {"error":{"code","message"}}.
func writeError(w http.ResponseWriter, e *Error) {
	writeJSON(w, e.Status, map[string]any{"error": map[string]string{"code": e.Code, "message": e.Message}})
}

// serverError logs err and answers 500 without leaking its text.
func serverError(w http.ResponseWriter, log *slog.Logger, err error) {
	log.Error("request failed", "err", err)
	writeError(w, &Error{Status: http.StatusInternalServerError, Code: CodeServerError,
		Message: "An internal error occurred; it has been logged."})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	writeBody(w, status, encodeJSON(v))
}

// encodeJSON is v as JSON, with a final newline.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
	return buf.Bytes()
}

// writeBody answers with a JSON body.
func writeBody(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
