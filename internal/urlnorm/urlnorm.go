// Package urlnorm canonicalises article URLs so that the same article reached
// through different links (tracking parameters, fragments, letter case of the
// host, default ports) has one address.
package urlnorm

import (
	"errors"
	"net/url"
	"sort"
	"strings"
)

// ErrNotHTTP is returned for URLs that are not absolute http or https URLs.
var ErrNotHTTP = errors.New("urlnorm: not an absolute http(s) URL")

// trackingParams are query parameters that only track the reader.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true,
	"igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true,
	"rb_clickid": true, "s_cid": true, "vero_conv": true, "vero_id": true, "wickedid": true,
	"cmpid": true, "ncid": true, "ocid": true, "sr_share": true, "ref_src": true,
	"ref_url": true, "spm": true, "guccounter": true, "guce_referrer": true,
	"guce_referrer_sig": true, "smid": true, "ito": true, "taid": true,
	"sessionid": true, "jsessionid": true, "phpsessid": true,
}

// trackingPrefixes start the names of tracking parameter families.
var trackingPrefixes = []string{"utm_", "pk_", "mtm_", "matomo_", "hmb_", "ga_", "stm_", "at_", "piwik_"}

// IsTracking reports whether a query parameter name only tracks the reader.
func IsTracking(name string) bool {
	name = strings.ToLower(name)
	if trackingParams[name] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// Canonical returns raw as a canonical absolute URL: scheme and host lower-
// cased, default ports, fragments, tracking parameters and path parameters
// such as ";jsessionid=..." removed, remaining query parameters sorted, an
// empty path written as "/". It fails on URLs that are not absolute
// http(s) URLs.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", ErrNotHTTP
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", ErrNotHTTP
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if i := strings.IndexByte(u.Path, ';'); i >= 0 && isSessionPathParam(u.Path[i+1:]) {
		u.Path = u.Path[:i]
		u.RawPath = ""
	}
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

// Resolve resolves ref against base and canonicalises the result.
func Resolve(base, ref string) (string, error) {
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return "", err
	}
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", err
	}
	return Canonical(b.ResolveReference(r).String())
}

func isSessionPathParam(p string) bool {
	name, _, _ := strings.Cut(strings.ToLower(p), "=")
	return name == "jsessionid" || name == "phpsessid" || name == "sid" || name == "sessionid"
}

// cleanQuery drops tracking parameters, re-encodes the rest uniformly and
// sorts them by name (stable, so repeated names keep their order).
func cleanQuery(q string) string {
	if q == "" {
		return ""
	}
	var kept []string
	for _, pair := range strings.FieldsFunc(q, func(r rune) bool { return r == '&' || r == ';' }) {
		name, value, hasValue := strings.Cut(pair, "=")
		name, value = unescape(name), unescape(value)
		if name == "" || IsTracking(name) {
			continue
		}
		pair = url.QueryEscape(name)
		if hasValue {
			pair += "=" + url.QueryEscape(value)
		}
		kept = append(kept, pair)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, _, _ := strings.Cut(kept[i], "=")
		b, _, _ := strings.Cut(kept[j], "=")
		return a < b
	})
	return strings.Join(kept, "&")
}

// unescape decodes a query component, or returns it as it is when it is not
// valid percent-encoding.
func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}
