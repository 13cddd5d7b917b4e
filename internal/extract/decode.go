package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxPageSize is the largest decompressed page Decode accepts.
const MaxPageSize = 32 << 20

// ErrTooLarge is returned when a page, once decompressed, exceeds MaxPageSize.
var ErrTooLarge = errors.New("extract: page too large")

// Gunzip returns raw decompressed when it starts with the gzip magic bytes,
// and raw itself otherwise. It refuses output larger than MaxPageSize.
func Gunzip(raw []byte) ([]byte, error) {
	if len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("extract: gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxPageSize+1))
	if err != nil {
		return nil, fmt.Errorf("extract: gzip: %w", err)
	}
	if len(out) > MaxPageSize {
		return nil, ErrTooLarge
	}
	return out, nil
}

// metaCharset finds a charset declared in a <meta> tag or an XML declaration
// anywhere in the page.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)`)

// ToUTF8 returns page (gunzipped when compressed) converted to UTF-8.
// The charset is chosen from the whole page: valid UTF-8 is UTF-8; otherwise
// a byte-order mark, then a charset declared in the page, then contentType
// (an HTTP Content-Type header value, may be empty), then the detection of
// x/net/html/charset.
func ToUTF8(page []byte, contentType string) ([]byte, error) {
	page, err := Gunzip(page)
	if err != nil {
		return nil, err
	}
	if hasBOM(page) {
		// DetermineEncoding looks at the byte-order mark first.
		enc, _, _ := charset.DetermineEncoding(page, "")
		return decodeWith(unicode.BOMOverride(enc.NewDecoder()), page)
	}
	if utf8.Valid(page) {
		return page, nil
	}
	if enc := declaredEncoding(page, contentType); enc != nil {
		return decodeWith(enc.NewDecoder(), page)
	}
	if mostlyUTF8(page) {
		return bytes.ToValidUTF8(page, []byte("\uFFFD")), nil
	}
	enc, name, _ := charset.DetermineEncoding(page, contentType)
	if name == "utf-8" { // declared, but the bytes say otherwise
		enc = charmap.Windows1252
	}
	return decodeWith(enc.NewDecoder(), page)
}

// declaredEncoding is the non-UTF-8 encoding named in the page or in
// contentType, or nil. A declared UTF-8 is ignored because the page is not
// valid UTF-8.
func declaredEncoding(page []byte, contentType string) encoding.Encoding {
	var names []string
	for _, m := range metaCharset.FindAllSubmatch(page, -1) {
		names = append(names, string(m[1])+string(m[2]))
	}
	if _, params, ok := strings.Cut(contentType, "charset="); ok {
		names = append(names, strings.Trim(params, `"' ;`))
	}
	for _, n := range names {
		enc, err := htmlindex.Get(n)
		if err != nil || enc == unicode.UTF8 {
			continue
		}
		return enc
	}
	return nil
}

func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) ||
		bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE})
}

func decodeWith(t transform.Transformer, page []byte) ([]byte, error) {
	out, _, err := transform.Bytes(t, page)
	if err != nil {
		return nil, fmt.Errorf("extract: decode: %w", err)
	}
	return out, nil
}

// mostlyUTF8 reports whether page is UTF-8 with a few stray bytes: many
// valid multi-byte sequences for each invalid byte.
func mostlyUTF8(page []byte) bool {
	multi, invalid := 0, 0
	for len(page) > 0 {
		r, size := utf8.DecodeRune(page)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			multi++
		}
		page = page[size:]
	}
	return multi >= 10*invalid
}
