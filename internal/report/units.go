package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// responseUnits splits a response into sentences. A paragraph that stops
// without a full stop and is continued in lower case by the next (a line
// broken in the middle of a sentence) is read as one with it.
func responseUnits(paras []string) []string {
	var joined []string
	for _, p := range paras {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if n := len(joined); n > 0 {
			prev := joined[n-1]
			r, _ := utf8.DecodeRuneInString(p)
			if !strings.ContainsAny(prev[len(prev)-1:], ".!?:;") && unicode.IsLower(r) {
				joined[n-1] = prev + " " + p
				continue
			}
		}
		joined = append(joined, p)
	}
	var out []string
	for _, p := range joined {
		out = append(out, responseSentences(p)...)
	}
	return out
}

// responseSentences cuts a paragraph after ".", "!" or "?" followed by a space
// and a capital, digit or quotation mark, except after an abbreviation.
func responseSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == ')' || p[j] == '\'') {
			j++
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k >= len(p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[k:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘(", r) {
			continue
		}
		if c == '.' && endsWithAbbreviation(p[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = k
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// endsWithAbbreviation reports whether s ends with a word that a full stop
// abbreviates ("e.g", "Mr", a lone initial).
func endsWithAbbreviation(s string) bool {
	i := strings.LastIndexAny(s, " (") + 1
	w := strings.ToLower(s[i:])
	switch w {
	case "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "st", "vs", "cf", "approx", "inc", "ltd", "para", "paras":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}

// lineLocator finds the source line of a sentence of a response: it
// compares letters and digits only, so markdown, line breaks and folded
// spaces do not matter.
type lineLocator struct {
	stream []byte // lower-case letters and digits of the response's lines
	lineAt []int  // the line of each byte of stream
	pos    int    // where the last sentence was found: sentences come in order
	first  int
}

// newLineLocator indexes lines from (1-based, inclusive) to to (exclusive;
// 0 for the end) of text.
func newLineLocator(text string, from, to int) *lineLocator {
	loc := &lineLocator{first: from}
	n := 1
	for len(text) > 0 && (to == 0 || n < to) {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if n >= from {
			for _, r := range strings.ToLower(line) {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					loc.stream = utf8.AppendRune(loc.stream, r)
					for k := utf8.RuneLen(r); k > 0; k-- {
						loc.lineAt = append(loc.lineAt, n)
					}
				}
			}
		}
		n++
	}
	return loc
}

// find returns the line where sentence starts, or the response's first
// line when it cannot be found.
func (loc *lineLocator) find(sentence string) int {
	var key []byte
	for _, r := range strings.ToLower(sentence) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			key = utf8.AppendRune(key, r)
			if len(key) >= 40 {
				break
			}
		}
	}
	if len(key) == 0 {
		return loc.first
	}
	if i := strings.Index(string(loc.stream[loc.pos:]), string(key)); i >= 0 {
		loc.pos += i
		return loc.lineAt[loc.pos]
	}
	if i := strings.Index(string(loc.stream), string(key)); i >= 0 {
		return loc.lineAt[i]
	}
	return loc.first
}
