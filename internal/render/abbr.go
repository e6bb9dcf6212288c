package render

import (
	"html/template"
	"regexp"
	"sort"
	"strings"
)

// glossary spells out abbreviations on their first use on each page:
// "IQA" becomes "<abbr>IQA</abbr> (Individual Quality Assessment)", the
// abbreviation linking to its glossary entry. Later uses stay as they are.
type glossary struct {
	re       *regexp.Regexp
	expand   map[string]string
	glossURL string
}

func newGlossary(entries map[string]string, glossURL string) *glossary {
	g := &glossary{expand: map[string]string{}, glossURL: glossURL}
	keys := make([]string, 0, len(entries))
	for k, v := range entries {
		keys = append(keys, regexp.QuoteMeta(k))
		g.expand[k] = v
	}
	if len(keys) == 0 {
		return g
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	g.re = regexp.MustCompile(`\b(` + strings.Join(keys, "|") + `)(s|'s|’s)?\b`)
	return g
}

// abbrState remembers which abbreviations a page has already spelled out.
type abbrState struct {
	g    *glossary
	seen map[string]bool
}

func (g *glossary) page() *abbrState { return &abbrState{g: g, seen: map[string]bool{}} }

// Text escapes plain text for HTML and marks its abbreviations.
func (a *abbrState) Text(s string) template.HTML {
	return template.HTML(a.mark(s, true))
}

// mark works on plain text (escape=true) or on text already escaped.
func (a *abbrState) mark(s string, escape bool) string {
	esc := func(x string) string {
		if escape {
			return template.HTMLEscapeString(x)
		}
		return x
	}
	if a == nil || a.g.re == nil {
		return esc(s)
	}
	var b strings.Builder
	last := 0
	for _, m := range a.g.re.FindAllStringSubmatchIndex(s, -1) {
		key := s[m[2]:m[3]]
		exp := a.g.expand[key]
		b.WriteString(esc(s[last:m[0]]))
		word := esc(s[m[0]:m[1]])
		if a.seen[key] {
			b.WriteString(word)
		} else {
			a.seen[key] = true
			b.WriteString(`<abbr title="` + template.HTMLEscapeString(exp) + `">` + word + `</abbr>`)
			// Skip the expansion when the text defines the abbreviation
			// itself: "Individual Quality Assessment (IQA)".
			before := strings.ToLower(strings.TrimRight(s[:m[0]], " ("))
			defined := strings.HasSuffix(strings.TrimRight(s[:m[0]], " "), "(") && strings.HasPrefix(s[m[1]:], ")")
			if !defined && !strings.HasSuffix(before, strings.ToLower(exp)) {
				b.WriteString(` (<a href="` + a.g.glossURL + `#` + strings.ToLower(key) + `">` + template.HTMLEscapeString(exp) + `</a>)`)
			}
		}
		last = m[1]
	}
	b.WriteString(esc(s[last:]))
	return b.String()
}

// HTML marks abbreviations in the text parts of trusted HTML (goldmark's
// output), leaving tags alone.
func (a *abbrState) HTML(h template.HTML) template.HTML {
	s := string(h)
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(a.mark(s, false))
			break
		}
		b.WriteString(a.mark(s[:i], false))
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j+1])
		s = s[i+j+1:]
	}
	return template.HTML(b.String())
}
