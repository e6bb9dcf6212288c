package render

import (
	"html/template"
	"strings"
)

// glossary spells out abbreviations on their first use on each page:
// "IQA" becomes "<abbr>IQA</abbr> (Individual Quality Assessment)", the
// expansion linking to its glossary entry. Later uses stay as they are.
type glossary struct {
	expand   map[string]string
	glossURL string
	// starts marks the bytes an abbreviation may begin with: a word that
	// begins otherwise needs no lookup.
	starts [256]bool
}

func newGlossary(entries map[string]string, glossURL string) *glossary {
	g := &glossary{expand: map[string]string{}, glossURL: glossURL}
	for k, v := range entries {
		g.expand[k] = v
		if k != "" {
			g.starts[k[0]] = true
		}
	}
	return g
}

// words finds each glossary abbreviation in s, as a whole word, with an
// optional plural or possessive ending ("IQAs", "CPS's"). It returns
// [start, end, keyEnd] triples. One pass and a map lookup per word, no
// regular expression: this runs on every text of every page.
func (g *glossary) words(s string) [][3]int {
	var out [][3]int
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if (i > 0 && s[i-1] >= 0x80) || (j < len(s) && s[j] >= 0x80 && !strings.HasPrefix(s[j:], "’")) {
			i = j // part of a word with non-ASCII letters
			continue
		}
		if !g.starts[s[i]] {
			i = j
			continue
		}
		word := s[i:j]
		key := word
		if _, ok := g.expand[key]; !ok && len(word) > 1 && word[len(word)-1] == 's' {
			key = word[:len(word)-1]
		}
		if _, ok := g.expand[key]; ok {
			end := j
			if strings.HasPrefix(s[j:], "'s") {
				end = j + 2
			} else if strings.HasPrefix(s[j:], "’s") {
				end = j + len("’s")
			}
			out = append(out, [3]int{i, end, i + len(key)})
		}
		i = j
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// abbrState remembers which abbreviations a page has already spelled out.
type abbrState struct {
	g    *glossary
	seen map[string]bool
}

func (g *glossary) page() *abbrState { return &abbrState{g: g, seen: map[string]bool{}} }

// Text escapes plain text for HTML and marks its abbreviations.
func (a *abbrState) Text(s string) template.HTML {
	return template.HTML(a.appendMarked(nil, s, true))
}

// appendMarked appends s to b, escaped if escape, with abbreviations marked.
func (a *abbrState) appendMarked(b []byte, s string, escape bool) []byte {
	esc := func(b []byte, x string) []byte {
		if escape {
			return appendEscaped(b, x)
		}
		return append(b, x...)
	}
	if a == nil || len(a.g.expand) == 0 {
		return esc(b, s)
	}
	matches := a.g.words(s)
	if len(matches) == 0 {
		return esc(b, s)
	}
	last := 0
	for _, m := range matches {
		key := s[m[0]:m[2]]
		b = esc(b, s[last:m[0]])
		if a.seen[key] {
			b = esc(b, s[m[0]:m[1]])
			last = m[1]
			continue
		}
		a.seen[key] = true
		exp := a.g.expand[key]
		b = append(b, `<abbr title="`...)
		b = appendEscaped(b, exp)
		b = append(b, `">`...)
		b = esc(b, s[m[0]:m[1]])
		b = append(b, `</abbr>`...)
		// Skip the expansion when the text defines the abbreviation
		// itself: "Individual Quality Assessment (IQA)".
		before := strings.TrimRight(s[:m[0]], " ")
		defined := strings.HasSuffix(before, "(") && strings.HasPrefix(s[m[1]:], ")")
		if !defined && !endsWithFold(strings.TrimRight(before, " ("), exp) {
			b = append(b, ` (<a href="`...)
			b = append(b, a.g.glossURL...)
			b = append(b, '#')
			b = append(b, strings.ToLower(key)...)
			b = append(b, `">`...)
			b = appendEscaped(b, exp)
			b = append(b, `</a>)`...)
		}
		last = m[1]
	}
	return esc(b, s[last:])
}

// HTML marks abbreviations in the text parts of trusted HTML (goldmark's
// output), leaving tags alone.
func (a *abbrState) HTML(h template.HTML) template.HTML {
	s := string(h)
	b := make([]byte, 0, len(s)+len(s)/8)
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b = a.appendMarked(b, s, false)
			break
		}
		b = a.appendMarked(b, s[:i], false)
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b = append(b, s[i:]...)
			break
		}
		b = append(b, s[i:i+j+1]...)
		s = s[i+j+1:]
	}
	return template.HTML(b)
}

// endsWithFold is strings.HasSuffix ignoring case, without lowering all of s.
func endsWithFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
