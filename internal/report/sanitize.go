package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite/internal/diag"
)

// Hidden reports a character that extracted text never holds: a control
// character other than tab and newline (U+0001, ESC, DEL, the C1 range),
// or an invisible formatting character that can reorder or hide the words
// around it: the bidirectional embeddings, overrides, isolates and marks,
// and the zero-width characters. The source view shows each one visibly.
func Hidden(r rune) bool {
	return (unicode.IsControl(r) && r != '\t' && r != '\n') || invisible(r)
}

func invisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0xFEFF || r == 0x061C || r == 0x180E
}

// mayHide is a quick test on bytes: false means s has no Hidden character.
// It is true for a control byte, and for the lead bytes of C1 controls and
// of the invisible characters (which curly quotes share, so it is a hint).
func mayHide(s string) bool {
	// Eight bytes at a time, passing those that are all printable ASCII
	// (0x20 to 0x7E), as most text is: each line and the whole text are
	// tested, and a byte at a time was a fortieth of the reader's time
	// (BenchmarkParseGenerated).
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if printable8(load8(s, i)) {
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if mayHideByte(c) {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if mayHideByte(s[i]) {
			return true
		}
	}
	return false
}

// printable8 reports whether every byte of x is printable ASCII, 0x20 to
// 0x7E: none has its highest bit, each gets it from adding 0x60 (it is
// 0x20 or more), and none from adding 1 (it is no 0x7F).
func printable8(x uint64) bool {
	return x&highBits == 0 && (x+0x60*lowBits)&highBits == highBits && (x+lowBits)&highBits == 0
}

// mayHideByte is the test mayHide makes of each byte.
func mayHideByte(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c == 0xC2 || c == 0xD8 || c == 0xE1 || c == 0xE2 || c == 0xEF
}

// visibleText is s without Hidden characters. The white-space controls
// (form feed, vertical tab, carriage return, next line) become spaces, so
// the words either side stay apart.
func visibleText(s string) string {
	if !mayHide(s) || strings.IndexFunc(s, Hidden) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\f' || r == '\v' || r == '\r' || r == 0x85:
			return ' '
		case Hidden(r):
			return -1
		}
		return r
	}, s)
}

// hiddenIn counts the Hidden characters in text and finds the first of each
// kind, with its line.
type hiddenIn struct {
	controls, invisibles int
	control, invis       rune
	controlLine, invLine int
}

func findHidden(text string) hiddenIn {
	var h hiddenIn
	if !mayHide(text) {
		return h
	}
	line := 1
	// Printable ASCII is passed over, eight bytes at a time where it can
	// be, as no such byte is a line break or hidden: a text with a curly
	// quote was read rune by rune, a fortieth of the reader's time
	// (BenchmarkParseReal).
	for i := 0; i < len(text); {
		if i+8 <= len(text) && printable8(load8(text, i)) {
			i += 8
			continue
		}
		if c := text[i]; ' ' <= c && c < 0x7F {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '\n':
			line++
		case r == '\f' || r == '\v' || r == '\r' || r == 0x85:
			// white space to the reader: becomes a space, unremarked
		case invisible(r):
			if h.invisibles == 0 {
				h.invis, h.invLine = r, line
			}
			h.invisibles++
		case Hidden(r):
			if h.controls == 0 {
				h.control, h.controlLine = r, line
			}
			h.controls++
		}
	}
	return h
}

// sanitize cleans the fields front matter may set, as the reader cleans
// every line of the body, marks a report whose text holds Hidden
// characters (so that its source view shows them), and warns about them.
func sanitize(r *Report, text string) []diag.Diagnostic {
	r.Title, r.SourceURL = visibleText(r.Title), visibleText(r.SourceURL)
	if area := visibleText(r.Area); area != r.Area { // an Area site.toml does not know
		r.Area, r.AreaSlug = area, Slugify(area)
	}
	h := findHidden(text)
	r.HiddenChars = h.controls+h.invisibles > 0
	var ds []diag.Diagnostic
	if h.controls > 0 {
		ds = append(ds, diag.Warnf(r.Source, h.controlLine, "%s (%U first) dropped from the extracted text; the source page marks them",
			count(h.controls, "control character"), h.control))
	}
	if h.invisibles > 0 {
		ds = append(ds, diag.Warnf(r.Source, h.invLine, "%s (%U first) removed from the title and text: they can reorder or hide words; the source page marks them",
			count(h.invisibles, "invisible formatting character"), h.invis))
	}
	return ds
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
