// Package web serves tickerwire's pages: server-rendered html/template pages
// with their assets (CSS, one script, no third-party code) embedded in the
// binary. Live updates and watchlists use the JSON API from the browser
// (/v1/stream, /v1/watchlists).
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/tickerwire/tickerwire/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// contentSecurityPolicy allows only the server's own scripts, styles,
// images and connections (fetch, EventSource); no inline script or style.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// pageNames are the page templates; each is parsed with layout.html and
// parts.html.
var pageNames = []string{"home", "article", "company", "search", "story", "sources", "watchlists", "error"}

// Pages serves the web UI.
type Pages struct {
	Store   store.Store
	Browser store.Browser
	Log     *slog.Logger
	tmpl    map[string]*template.Template
}

// New parses the embedded templates. st must also implement store.Browser
// (the SQLite and PostgreSQL stores do).
func New(st store.Store, log *slog.Logger) (*Pages, error) {
	b, ok := st.(store.Browser)
	if !ok {
		return nil, fmt.Errorf("web: store %T does not implement store.Browser", st)
	}
	p := &Pages{Store: st, Browser: b, Log: log, tmpl: map[string]*template.Template{}}
	if p.Log == nil {
		p.Log = slog.Default()
	}
	for _, page := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/parts.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", page, err)
		}
		p.tmpl[page] = t
	}
	return p, nil
}

// Register adds the page routes to mux.
func (p *Pages) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheAssets(http.FileServerFS(static))))
	for pattern, h := range map[string]http.HandlerFunc{
		"GET /{$}":               p.home,
		"GET /news/{uuid}":       p.article,
		"GET /company/{listing}": p.company,
		"GET /search":            p.search,
		"GET /stories/{id}":      p.story,
		"GET /sources":           p.sources,
		"GET /watchlists":        p.watchlists,
	} {
		mux.Handle(pattern, p.recoverer(h))
	}
}

func cacheAssets(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in a page handler into a logged error page.
func (p *Pages) recoverer(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				p.Log.Error("page panic", "path", r.URL.Path, "panic", v)
				p.fail(w, http.StatusInternalServerError, "Something went wrong; it has been logged.")
			}
		}()
		h(w, r)
	})
}

// render executes a page template into a buffer, then writes it with the
// security headers, so a template error never sends half a page.
func (p *Pages) render(w http.ResponseWriter, status int, page string, data any) {
	var b bytes.Buffer
	if err := p.tmpl[page].Execute(&b, data); err != nil {
		p.Log.Error("rendering page", "page", page, "err", err)
		if page != "error" {
			p.fail(w, http.StatusInternalServerError, "The page could not be shown.")
		} else {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// errorData is the error page's data.
type errorData struct {
	Title   string
	Message string
	Nav     string
}

func (p *Pages) fail(w http.ResponseWriter, status int, msg string) {
	p.render(w, status, "error", errorData{Title: http.StatusText(status), Message: msg})
}

// storeError answers a failed store call: 400 for a search that cannot be
// understood, 404 for a missing item, else a logged 500.
func (p *Pages) storeError(w http.ResponseWriter, what string, err error) {
	switch {
	case errors.Is(err, store.ErrBadQuery):
		p.fail(w, http.StatusBadRequest, "The search could not be understood: "+err.Error())
	case errors.Is(err, store.ErrNotFound):
		p.fail(w, http.StatusNotFound, "No such "+what+".")
	default:
		p.Log.Error("page store call", "what", what, "err", err)
		p.fail(w, http.StatusInternalServerError, "The "+what+" could not be loaded.")
	}
}
