package urlnorm

import (
	"net/url"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.COM/a/b?utm_source=x&id=3&utm_medium=y#frag", "https://example.com/a/b?id=3"},
		{"http://example.com:80", "http://example.com/"},
		{"https://example.com:443/x?fbclid=abc&gclid=1", "https://example.com/x"},
		{"https://example.com:8443/x", "https://example.com:8443/x"},
		{"https://example.com/x;jsessionid=ABC123?b=2&a=1", "https://example.com/x?a=1&b=2"},
		{"https://user:pw@example.com./x?mc_cid=1&q=a%20b", "https://example.com/x?q=a+b"},
		{"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
		{" https://example.com/news/2024/01/story.html?ref_src=twsrc ", "https://example.com/news/2024/01/story.html"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil {
			t.Errorf("Canonical(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonicalRejects(t *testing.T) {
	for _, in := range []string{"", "/relative/path", "mailto:a@b.c", "ftp://example.com/x", "javascript:alert(1)", "http://", "https://:443/"} {
		if got, err := Canonical(in); err == nil {
			t.Errorf("Canonical(%q) = %q, want an error", in, got)
		}
	}
}

func TestResolve(t *testing.T) {
	got, err := Resolve("https://example.com/news/a.html?utm_source=x", "../b.html?utm_campaign=z#top")
	if err != nil || got != "https://example.com/b.html" {
		t.Errorf("Resolve = %q, %v", got, err)
	}
}

func TestIsTracking(t *testing.T) {
	for name, want := range map[string]bool{"utm_source": true, "UTM_Campaign": true, "fbclid": true, "gclid": true, "id": false, "page": false, "q": false} {
		if got := IsTracking(name); got != want {
			t.Errorf("IsTracking(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzCanonical checks that Canonical never panics, is idempotent, and
// returns absolute http(s) URLs without tracking parameters or fragments.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"https://example.com/a?utm_source=x&b=1#f", "http://EXAMPLE.com:80/", "https://[::1]:443/x;jsessionid=1", "http://a/b?%zz=1&&=&c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := Canonical(raw)
		if err != nil {
			return
		}
		again, err := Canonical(got)
		if err != nil {
			t.Fatalf("Canonical(%q) = %q, which fails: %v", raw, got, err)
		}
		if again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, got, again)
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
			t.Fatalf("Canonical(%q) = %q: not a clean absolute URL", raw, got)
		}
		for k := range u.Query() {
			if IsTracking(k) {
				t.Fatalf("Canonical(%q) = %q keeps tracking parameter %q", raw, got, k)
			}
		}
		if strings.Contains(got, "#") {
			t.Fatalf("fragment kept: %q", got)
		}
	})
}
