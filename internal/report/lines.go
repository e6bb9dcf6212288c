package report

import (
	"encoding/binary"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of a document body, cleaned of markup.
type line struct {
	n       int    // 1-based line number in the file
	text    string // cleaned text, whitespace folded; "" for a blank line
	lower   string // text in lower case, for the tests of many words
	heading bool   // a markdown heading (#)
	bullet  bool   // started with a list bullet
}

var (
	headingMark  = regexp.MustCompile(`^#{1,6}\s+`)
	bulletMark   = regexp.MustCompile(`^(?:[-*+•·▪◦‣]|\x{2022})\s+`)
	quoteMark    = regexp.MustCompile(`^(?:>\s*)+`)
	mdLink       = regexp.MustCompile(`\[([^\[\]]*)\]\([^()\s]*\)`)
	htmlTag      = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	fileSizeTail = regexp.MustCompile(`(?i)\(\s*\d+(?:\.\d+)?\s*(?:kb|mb|bytes)\s*\)\s*$`)
	pageMarker   = regexp.MustCompile(`(?i)^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$`)
)

// chromeLines are whole lines of web-page or PDF furniture, compared
// case-insensitively: they are never content.
var chromeLines = map[string]bool{
	"skip to main content": true, "skip to content": true, "skip to navigation": true,
	"accessibility controls": true, "accessibility tools": true, "contrast": true, "text size": true,
	"main content area": true, "scroll to top": true, "back to top": true, "top of page": true,
	"print": true, "print this page": true, "share": true, "share this page": true, "menu": true,
	"search": true, "home": true, "cookies": true, "cookie settings": true, "accept all cookies": true,
	"reject all cookies": true, "accept additional cookies": true, "reject additional cookies": true,
	"hide this message": true, "view cookies": true, "change your cookie settings": true,
	"publication": true, "open document": true, "download": true, "breadcrumb": true, "you are here": true, "close": true, "toggle navigation": true,
}

// isChrome reports whether a cleaned line is page furniture.
func isChrome(raw, text, lower string) bool {
	t := strings.Trim(text, " |:")
	if chromeLines[strings.Trim(lower, " |:")] {
		return true
	}
	if strings.HasPrefix(strings.TrimSpace(raw), "|") && len(strings.Fields(text)) <= 3 {
		return true // a tab strip such as "|Publication"
	}
	if mentionsCookie(lower) && len(strings.Fields(t)) <= 40 {
		return true
	}
	if strings.HasPrefix(lower, "home >") || strings.HasPrefix(lower, "home /") || strings.HasPrefix(lower, "home ›") {
		return true // a breadcrumb trail
	}
	// The patterns below need a short line, or one ending in ")".
	if len(t) <= len("page 1234 of 1234") && pageMarker.MatchString(t) && !strings.HasSuffix(strings.TrimSpace(raw), ".") {
		return len(t) >= 4 && strings.EqualFold(t[:4], "page") // "Page 3", "Page 3 of 12"
	}
	return strings.HasSuffix(strings.TrimRight(t, " \t"), ")") && fileSizeTail.MatchString(t) && len(strings.Fields(t)) <= 20
}

// splitLines cleans every line of body; first is the file line number of the
// body's first line. Chrome lines are dropped entirely, so that a paragraph
// broken by a PDF page marker reads as one.
func splitLines(body string, first int) []line {
	raw := strings.Split(body, "\n")
	out := make([]line, 0, len(raw))
	// The lines' lower-case texts are written one after another into one
	// buffer, not each made on its own: a string taken from a Builder
	// stays valid as it grows, since it only appends. Most lines have a
	// capital, so that was an allocation a line (BenchmarkSplitLines: 45
	// allocations a document, now 19, and a third less time).
	var lowers strings.Builder
	lowers.Grow(len(body))
	for i, r := range raw {
		l := cleanLine(r)
		l.n = first + i
		l.lower = appendLower(&lowers, l.text)
		if l.text != "" && isChrome(r, l.text, l.lower) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// appendLower is strings.ToLower(s): s itself when it has no capital,
// else, when s is ASCII, written to b and returned as a string sharing
// b's bytes.
//
// It reads and lower-cases eight bytes at a time (see capitals8): every
// line, and every sentence of a response, is lower-cased, which was a
// twentieth of the reader's time, and a byte at a time took two fifths
// longer (BenchmarkLower).
func appendLower(b *strings.Builder, s string) string {
	upper := false
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		if x&highBits != 0 {
			return strings.ToLower(s) // (it may change the length)
		}
		upper = upper || capitals8(x) != 0
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	// Lower-cased a chunk at a time into a buffer on the stack and
	// written in one call: a call to WriteByte for each byte was a third
	// of appendLower's time (the profile of BenchmarkParseGenerated).
	from := b.Len()
	var chunk [128]byte
	for len(s) > 0 {
		n := copy(chunk[:], s)
		j := 0
		for ; j+8 <= n; j += 8 {
			x := binary.LittleEndian.Uint64(chunk[j:])
			binary.LittleEndian.PutUint64(chunk[j:], x|capitals8(x)>>2) // 0x80 → 0x20: 'A' → 'a'
		}
		for ; j < n; j++ {
			chunk[j] = lowerASCII(chunk[j])
		}
		b.Write(chunk[:n])
		s = s[n:]
	}
	return b.String()[from:]
}

// Eight bytes of text in a uint64, for tests of them all at once.
const (
	lowBits  = 0x0101010101010101 // the lowest bit of each byte
	highBits = 0x8080808080808080 // the highest bit of each byte
)

// load8 is s[i:i+8] in a uint64, s[i] lowest (one load, as the compiler
// combines these).
func load8(s string, i int) uint64 {
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// zeroBytes has the highest bit set of each byte of x that is zero.
// Adding 0x7F to a byte's low seven bits sets its highest bit unless they
// are all zero, without carrying into the next byte.
func zeroBytes(x uint64) uint64 {
	return ^((x&^highBits + 0x7F*lowBits) | x) & highBits
}

// capitals8 has the highest bit set of each byte of x that is a capital
// A-Z; every byte of x must be ASCII. A byte c gets its highest bit from
// c+0x3F when c >= 'A', and from c+0x25 when c > 'Z'; neither sum carries
// into the next byte.
func capitals8(x uint64) uint64 {
	return (x + 0x3F*lowBits) &^ (x + 0x25*lowBits) & highBits
}

// cleanLine removes markdown and HTML markup from one line, keeping its words.
func cleanLine(raw string) line {
	var l line
	s := strings.TrimSpace(visibleText(raw))
	// Each pattern runs only when the byte it needs is there.
	if strings.HasPrefix(s, ">") {
		s = quoteMark.ReplaceAllString(s, "")
	}
	if strings.HasPrefix(s, "#") {
		if m := headingMark.FindString(s); m != "" {
			l.heading = true
			s = s[len(m):]
			s = strings.TrimRight(s, "# ")
		}
	}
	s = stripEmphasis(s)
	s = strings.TrimSpace(s)
	if mayBeBullet(s) {
		if m := bulletMark.FindString(s); m != "" {
			l.bullet = true
			s = s[len(m):]
		}
	}
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	l.text = fold(s)
	return l
}

// mayBeBullet reports whether s starts with a character bulletMark knows.
func mayBeBullet(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("-*+•·▪◦‣", r)
}

// fold collapses every run of white space (including no-break spaces) to one
// space and trims the ends.
func fold(s string) string {
	if isFolded(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// isFolded reports whether fold would return s as it is: its only white
// space is single spaces between words. Letters beyond ASCII (a curly
// apostrophe) need no folding; they once sent a line the slow way.
//
// Eight bytes of ASCII at a time pass at once when they hold no control
// byte, no two spaces side by side, and no space first in s or last of
// the eight (whose next byte the test needs): every line is tested, and a
// byte at a time was a twenty-fifth of the reader's time
// (BenchmarkParseGenerated), and four times as long over the seed
// documents' lines.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) {
			x := load8(s, i)
			if x&highBits == 0 && (x+0x60*lowBits)&highBits == highBits { // ASCII, no byte below ' '
				sp := zeroBytes(x ^ 0x20*lowBits) // the spaces
				if sp&(sp>>8) == 0 && sp>>56 == 0 && (i > 0 || sp&0x80 == 0) {
					i += 7
					continue
				}
			}
		}
		c := s[i]
		if ' ' < c && c < utf8.RuneSelf {
			continue // most bytes: one test
		}
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
		case c == ' ':
			if i == 0 || i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\r' || c == '\f':
			return false // (a vertical tab stays, as it always has)
		}
	}
	return true
}

// wordCount counts space-separated words in folded text.
func wordCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// paragraph is a run of non-blank lines.
type paragraph struct {
	lines []line
}

func (p paragraph) text() string {
	parts := make([]string, len(p.lines))
	for i, l := range p.lines {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

func (p paragraph) first() int { return p.lines[0].n }

// paragraphs groups lines into paragraphs at blank lines and headings.
// Each paragraph is a run of ls, and holds that part of ls (capped, so
// that appending to it copies), not a copy of its lines: copying them
// line by line was most of paragraphs' time and allocations
// (BenchmarkParseGenerated).
func paragraphs(ls []line) []paragraph {
	var out []paragraph
	from := 0 // where the paragraph being gathered starts
	flush := func(to int) {
		if to > from {
			out = append(out, paragraph{ls[from:to:to]})
		}
		from = to
	}
	for i, l := range ls {
		switch {
		case l.text == "":
			flush(i)
			from = i + 1
		case l.heading:
			flush(i)
			flush(i + 1)
		}
	}
	flush(len(ls))
	return out
}
