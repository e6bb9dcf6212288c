package report

import (
	"errors"
	"strings"
)

// errUnclosed is returned when a document opens front matter and never closes it.
var errUnclosed = errors.New("front matter opened with +++ is never closed")

// splitFrontMatter separates TOML front matter between "+++" lines from the
// body. bodyLine is the 1-based line number of the body's first line, so
// that diagnostics about the body name the right line of the file.
func splitFrontMatter(text string) (front string, body string, bodyLine int, err error) {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimSpace(first) != "+++" {
		return "", text, 1, nil
	}
	line := 2
	pos := 0
	for pos <= len(rest) {
		end := strings.IndexByte(rest[pos:], '\n')
		var l string
		if end < 0 {
			l = rest[pos:]
		} else {
			l = rest[pos : pos+end]
		}
		if strings.TrimSpace(l) == "+++" {
			front = rest[:pos]
			if end < 0 {
				return front, "", line + 1, nil
			}
			return front, rest[pos+end+1:], line + 1, nil
		}
		if end < 0 {
			break
		}
		pos += end + 1
		line++
	}
	return "", "", 0, errUnclosed
}
