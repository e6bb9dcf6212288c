package render

import (
	"net/url"
	"strings"
)

// Every URL a page, the feed, the sitemap or robots.txt holds is made here:
// the base path, then the site path, each segment percent-encoded, so that a
// base URL or a slug carrying quotes, "<", a new line or "%22" can only ever
// stand for itself.

// escapePath percent-encodes each segment of a slash path ("/a b/c/" →
// "/a%20b/c/"); a "#fragment" is encoded likewise.
func escapePath(p string) string {
	if plainPath(p) {
		return p
	}
	p, frag, hasFrag := strings.Cut(p, "#")
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	out := strings.Join(segs, "/")
	if hasFrag {
		out += "#" + url.PathEscape(frag)
	}
	return out
}

// plainPath: p holds only bytes no segment escapes (letters, digits,
// "-._~", "/", and one "#"), the usual case, so it is its own escape.
func plainPath(p string) bool {
	hashes := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~', c == '/':
		case c == '#':
			hashes++
		default:
			return false
		}
	}
	return hashes <= 1
}

// urls makes the URLs of one site: under its base path, and absolute when
// its base URL names a host.
type urls struct {
	base   string // the base path, escaped: "/", "/sub/"
	origin string // "https://example.org", or "" without a host
}

func newURLs(baseURL, basePath string) urls {
	u := urls{base: escapePath(basePath)}
	if p, err := url.Parse(baseURL); err == nil && p.Host != "" && (p.Scheme == "http" || p.Scheme == "https") {
		u.origin = (&url.URL{Scheme: p.Scheme, Host: p.Host}).String()
	}
	return u
}

// rel is a site path ("/reports/x/", "/themes/t/#area-a") under the base path.
func (u urls) rel(sitePath string) string {
	if sitePath == "" {
		return ""
	}
	return u.base + escapePath(strings.TrimPrefix(sitePath, "/"))
}

// abs is rel with the origin, for the feed, the sitemap and robots.txt.
func (u urls) abs(sitePath string) string { return u.origin + u.rel(sitePath) }

// joinURL is the templates' url function: the base path, then each
// segment escaped on its own, ending in a slash ({{url .Base "areas" .Slug}}).
// base is a page's .Base, already escaped.
func joinURL(base string, segments ...string) string {
	var b strings.Builder
	b.WriteString(base)
	for _, s := range segments {
		s = strings.Trim(s, "/")
		if s == "" {
			continue
		}
		b.WriteString(url.PathEscape(s))
		b.WriteByte('/')
	}
	return b.String()
}
