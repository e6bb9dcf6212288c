package report

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reader divides a document into blocks before it reads any field: web
// chrome (single lines, dropped by splitLines; cookie banners and licence
// boilerplate, dropped here), then paragraphs cut where the shape of the
// lines changes, which the header, the metadata block, the narrative and
// the issue list are read from. Page text copied from a browser often has
// no blank lines at all, so a paragraph is not simply a run of lines.

// segment groups the lines into paragraphs, cut at blank lines, headings
// and changes of shape, and leaves out cookie banners.
func (d *docState) segment(ls []line) []paragraph {
	paras := paragraphs(ls)
	out := make([]paragraph, 0, len(paras)+len(paras)/2)
	for _, p := range paras {
		out = d.appendByShape(out, p)
	}
	return out
}

// appendByShape cuts a paragraph between two lines that do not read as
// one run of text and appends the parts to out, but for cookie banners,
// which it records as chrome: a list item beside a line that is not one,
// a sentence ending a line before one that starts a new sentence, or a
// short heading-like line above running text (see shapeBreak).
func (d *docState) appendByShape(out []paragraph, p paragraph) []paragraph {
	from := 0
	for i := 1; i <= len(p.lines); i++ {
		if i < len(p.lines) && !shapeBreak(p.lines[i-1], p.lines[i]) {
			continue
		}
		q := paragraph{p.lines[from:i]}
		from = i
		if isCookieBanner(q) {
			d.block("chrome", q)
			continue
		}
		out = append(out, q)
	}
	return out
}

// shapeBreak reports whether lines a and b, one after the other, do not
// read as one run of text.
func shapeBreak(a, b line) bool {
	if a.bullet != b.bullet {
		return true
	}
	if !startsSentence(b.text) {
		return false // a wrapped line goes on in lower case
	}
	if endsSentence(a.text) {
		return wordCount(a.text) > 3
	}
	if endsInComma(a.text) {
		return false
	}
	// A title ending in its date, or a title or label above running text.
	return endsInYear(a.text) || isSentence(b.text) && wordCount(a.text) <= 40
}

// isSentence reports a line of running text.
func isSentence(s string) bool {
	n := wordCount(s)
	return n > 20 || n >= 8 && endsSentence(s)
}

// endsInYear reports text whose last word is a year.
func endsInYear(s string) bool {
	s = strings.TrimRight(s, ")] ")
	return len(s) >= 5 && hasYear(s[len(s)-4:]) && !isAlnum(s[len(s)-5])
}

// startsSentence reports text that opens with a capital, a digit or an
// opening quote.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(", r)
}

// endsSentence reports text whose last word closes a sentence or
// introduces what follows.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’') ")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return false
}

func endsInComma(s string) bool {
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, "-")
}

// isCookieBanner is a paragraph asking about or describing the site's
// cookies: never part of a document.
func isCookieBanner(p paragraph) bool {
	for _, l := range p.lines {
		if mentionsCookie(l.lower) && wordCount(l.text) <= 120 {
			return true
		}
	}
	return false
}

// Lines of licence and copyright boilerplate: the licence notice itself,
// and the addresses, links and "write to:" lines that go with it.
var (
	licenceNotice = regexp.MustCompile(`(?i)\b(?:open government licen[cs]e|this licen[cs]e|crown copyright)`)
	bareLink      = regexp.MustCompile(`(?i)^(?:(?:or\s+)?(?:email|e-mail|visit|write\s+to|at)\s*:?\s*)?(?:https?://\S+|www\.\S+|\S+@\S+\.\S+)$`)
	postcode      = regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`)
)

// dropBoilerplate removes licence notices and the lines that belong to
// them, as chrome. A notice opens the run; it goes on while the lines keep
// the shape of such text: links, addresses, and short lines ending in ":"
// or ",".
func (d *docState) dropBoilerplate(ls []line) []line {
	k := 0
	for k < len(ls) && !mayBeNotice(ls[k].lower) {
		k++
	}
	if k == len(ls) {
		return ls // no notice: nothing to drop, nothing to copy
	}
	out := append(make([]line, 0, len(ls)), ls[:k]...)
	ls = ls[k:]
	inNotice := false
	var dropped []line
	for _, l := range ls {
		if l.text == "" {
			out = append(out, l)
			continue
		}
		if mayBeNotice(l.lower) && licenceNotice.MatchString(l.text) && wordCount(l.text) <= 40 {
			inNotice = true
			dropped = append(dropped, l)
			continue
		}
		if inNotice && boilerplateShape(l.text) {
			dropped = append(dropped, l)
			continue
		}
		inNotice = false
		out = append(out, l)
	}
	if len(dropped) > 0 {
		d.block("chrome", paragraph{dropped})
	}
	return out
}

// mayBeNotice is a cheap first look for licenceNotice's words.
func mayBeNotice(lower string) bool {
	return containsByRare(lower, "licen", 2) || containsByRare(lower, "copyright", 3)
}

func boilerplateShape(s string) bool {
	n := wordCount(s)
	switch {
	case bareLink.MatchString(s):
		return true
	case strings.HasSuffix(s, ":") && n <= 8:
		return true
	case strings.HasSuffix(s, ",") && n <= 6:
		return true
	case postcode.MatchString(s) && n <= 6:
		return true
	}
	return false
}

// mentionsCookie is strings.Contains(lower, "cookie"), asked of every line.
func mentionsCookie(lower string) bool { return containsByRare(lower, "cookie", 3) }

// containsByRare is strings.Contains(s, needle), where needle[k] is rarer
// in text than needle[0] ("k" in "cookie", "y" in "copyright"): looking
// for it with IndexByte skips more text at a time. Every line is asked
// about these words, and strings.Contains, stopping at each "c" or "l",
// was a twentieth of the reader's time (BenchmarkParse); this takes three
// fifths of its time (BenchmarkLineWords).
func containsByRare(s, needle string, k int) bool {
	hi := len(s) - len(needle) + k + 1 // needle[k] stands before hi
	for i := k; i < hi; i++ {
		j := strings.IndexByte(s[i:hi], needle[k])
		if j < 0 {
			return false
		}
		i += j
		if s[i-k:i-k+len(needle)] == needle {
			return true
		}
	}
	return false
}
