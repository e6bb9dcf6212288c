package render

import (
	"html/template"
	"strconv"
)

// markup builds the HTML of the blocks a page repeats many times (an issue
// with its response, a row of a list, a line of a source view). Templates
// call them as page methods. Writing them in Go rather than in template
// actions matters at scale: html/template costs about a microsecond per
// action, through reflection, and a large site's pages hold hundreds of
// thousands of these blocks.
//
// Every string from a document goes through text or attr, which escape as
// html/template does; raw is only for literals and for markup already made
// safe.
type markup struct {
	b   []byte
	src []byte // a document read again for its source page
}

// markup is a page's scratch buffer for its blocks, reused from block to
// block and page to page by the goroutine rendering them: each block costs
// one allocation, its finished string.
func (p *page) markup() *markup {
	if p.scratch == nil {
		p.scratch = &markup{}
	}
	p.scratch.b = p.scratch.b[:0]
	return p.scratch
}

// raw appends trusted markup.
func (m *markup) raw(s string) *markup { m.b = append(m.b, s...); return m }

// text appends s escaped for HTML text or a quoted attribute value.
func (m *markup) text(s string) *markup { m.b = appendEscaped(m.b, s); return m }

// int appends a number.
func (m *markup) int(n int) *markup { m.b = strconv.AppendInt(m.b, int64(n), 10); return m }

// url appends a site URL for an href: percent-encoded where a URL needs it,
// then escaped for the attribute.
func (m *markup) url(u string) *markup { m.b = appendEscaped(m.b, normalizeURL(u)); return m }

// html is the result, for a template.
func (m *markup) html() template.HTML { return template.HTML(m.b) }

// appendEscaped escapes the characters html/template escapes in text and
// in quoted attributes, so pages read the same whichever made them.
func appendEscaped[T string | []byte](b []byte, s T) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case 0:
			rep = "\uFFFD"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, rep...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// normalizeURL percent-encodes the bytes that may not stand in a URL (spaces,
// quotes, non-ASCII), leaving existing escapes and URL punctuation alone.
func normalizeURL(u string) string {
	for i := 0; i < len(u); i++ {
		if !urlSafe(u[i]) {
			return encodeURL(u)
		}
	}
	return u
}

func encodeURL(u string) string {
	const hex = "0123456789ABCDEF"
	out := make([]byte, 0, len(u)+16)
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlSafe(c) {
			out = append(out, c)
			continue
		}
		out = append(out, '%', hex[c>>4], hex[c&15])
	}
	return string(out)
}

// urlSafe: the bytes html/template's URL normaliser keeps: letters, digits,
// RFC 3986's unreserved marks, most of its delimiters, and '%'.
func urlSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '.', '_', '~', ':', '/', '?', '#', '[', ']', '@', '!', '$', '&', '*', '+', ',', ';', '=', '%':
		return true
	}
	return false
}
