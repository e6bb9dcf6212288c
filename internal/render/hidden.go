package render

import (
	"fmt"

	"github.com/inspectsite/inspectsite/internal/report"
)

// hiddenParts splits a line at each character the reader leaves out of
// every extracted field (control and invisible formatting characters, see
// report.Hidden), so the source view can show each as its code point
// instead of letting it act on the page. It returns nil for a line holding
// none.
func hiddenParts(line string) []LinePart {
	var parts []LinePart
	last := 0
	for i, r := range line {
		if !report.Hidden(r) {
			continue
		}
		if i > last {
			parts = append(parts, LinePart{Text: line[last:i]})
		}
		parts = append(parts, LinePart{Code: fmt.Sprintf("U+%04X", r)})
		last = i + len(string(r))
	}
	if parts == nil {
		return nil
	}
	if last < len(line) {
		parts = append(parts, LinePart{Text: line[last:]})
	}
	return parts
}
