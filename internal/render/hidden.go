package render

import (
	"fmt"
	"unicode/utf8"

	"github.com/inspectsite/inspectsite/internal/report"
)

// appendMarkedSourceLine is appendSourceLine for a report whose text holds
// characters the reader leaves out of every extracted field (control and
// invisible formatting characters, see report.Hidden): each is shown as
// its code point, marked, instead of reaching the page as it is.
func appendMarkedSourceLine(m *markup, n int, line []byte) {
	m.raw(`<li id="L`).int(n).raw(`">`)
	if len(line) == 0 {
		m.raw(`<span class="visually-hidden">(blank line)</span>`)
	}
	last := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if report.Hidden(r) {
			m.b = appendEscaped(m.b, line[last:i])
			code := fmt.Sprintf("U+%04X", r)
			m.raw(`<mark class="hidden-char" title="`).raw(code).raw(`: a character the text does not show, left out of the report">`).raw(code).raw(`</mark>`)
			last = i + size
		}
		i += size
	}
	m.b = appendEscaped(m.b, line[last:])
	m.raw("</li>\n")
}
