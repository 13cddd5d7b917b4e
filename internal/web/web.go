// Package web serves tickerwire's pages: server-rendered html/template pages
// with their assets embedded in the binary.
package web

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// contentSecurityPolicy allows only the server's own scripts, styles and images.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// Pages serves the web UI.
type Pages struct {
	Store store.Store
	Log   *slog.Logger
	tmpl  map[string]*template.Template
}

// New parses the embedded templates.
func New(st store.Store, log *slog.Logger) (*Pages, error) {
	p := &Pages{Store: st, Log: log, tmpl: map[string]*template.Template{}}
	if p.Log == nil {
		p.Log = slog.Default()
	}
	for _, page := range []string{"home", "article", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, err
		}
		p.tmpl[page] = t
	}
	return p, nil
}

// Register adds the page routes to mux.
func (p *Pages) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheForever(http.FileServerFS(static))))
	mux.HandleFunc("GET /{$}", p.home)
	mux.HandleFunc("GET /news/{uuid}", p.article)
}

func cacheForever(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

var funcs = template.FuncMap{
	"ago": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		d := time.Since(t)
		switch {
		case d < time.Minute:
			return "just now"
		case d < time.Hour:
			return plural(int(d.Minutes()), "minute") + " ago"
		case d < 48*time.Hour:
			return plural(int(d.Hours()), "hour") + " ago"
		case d < 60*24*time.Hour:
			return plural(int(d.Hours()/24), "day") + " ago"
		}
		return t.Format("2 Jan 2006")
	},
	"iso":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"title": displayTitle,
	"tone": func(s news.Sentiment) string {
		if s.Label == "" {
			return news.Neutral
		}
		return s.Label
	},
	"primary": func(c news.Company) news.Listing { return c.PrimaryListing() },
	"paragraphs": func(text string) []string {
		var out []string
		for _, p := range strings.Split(text, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	},
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return itoa(n) + " " + unit + "s"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func displayTitle(a news.Article) string {
	if a.Title != "" {
		return a.Title
	}
	t := strings.TrimSpace(a.Text)
	if i := strings.Index(t, ". "); i > 0 && i < 200 {
		return t[:i+1]
	}
	if len(t) > 160 {
		cut := t[:160]
		if i := strings.LastIndexByte(cut, ' '); i > 80 {
			cut = cut[:i]
		}
		return cut + "…"
	}
	return t
}

func (p *Pages) render(w http.ResponseWriter, status int, page string, data any) {
	w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	if err := p.tmpl[page].Execute(&b, data); err != nil {
		p.Log.Error("rendering page", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(b.String()))
}

func (p *Pages) fail(w http.ResponseWriter, status int, msg string) {
	p.render(w, status, "error", map[string]any{"Title": http.StatusText(status), "Message": msg})
}

type homeData struct {
	Title    string
	Query    string
	Symbol   string
	Articles []news.Article
	Found    int
}

func (p *Pages) home(w http.ResponseWriter, r *http.Request) {
	q := store.Query{Limit: 50, Search: strings.TrimSpace(r.URL.Query().Get("q"))}
	sym := strings.TrimSpace(r.URL.Query().Get("symbol"))
	if sym != "" {
		q.Symbols = []string{strings.ToUpper(sym)}
	}
	res, err := p.Store.SearchArticles(r.Context(), q)
	if errors.Is(err, store.ErrBadQuery) {
		p.fail(w, http.StatusBadRequest, "The search could not be understood: "+err.Error())
		return
	}
	if err != nil {
		p.Log.Error("home page", "err", err)
		p.fail(w, http.StatusInternalServerError, "The news could not be loaded.")
		return
	}
	p.render(w, http.StatusOK, "home", homeData{Title: "Latest news", Query: q.Search, Symbol: sym, Articles: res.Articles, Found: res.Found})
}

type articleData struct {
	Title     string
	Article   *news.Article
	Headlines []news.Article
}

func (p *Pages) article(w http.ResponseWriter, r *http.Request) {
	a, err := p.Store.GetArticle(r.Context(), r.PathValue("uuid"))
	if errors.Is(err, store.ErrNotFound) {
		p.fail(w, http.StatusNotFound, "No such article.")
		return
	}
	if err != nil {
		p.Log.Error("article page", "err", err)
		p.fail(w, http.StatusInternalServerError, "The article could not be loaded.")
		return
	}
	data := articleData{Title: displayTitle(*a), Article: a}
	parent := a.UUID
	if a.ParentUUID != "" {
		parent = a.ParentUUID
	}
	if res, err := p.Store.SearchArticles(r.Context(), store.Query{ParentUUID: parent, Limit: 50}); err == nil {
		for _, h := range res.Articles {
			if h.UUID != a.UUID {
				data.Headlines = append(data.Headlines, h)
			}
		}
	}
	p.render(w, http.StatusOK, "article", data)
}
