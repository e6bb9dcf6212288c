package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const monthPattern = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
const weekdayPattern = `(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?`

// fullDate matches a date with day, month and four-digit year, in the forms
// these documents use. Day-first numeric dates are British: 05/04/2018 is
// 5 April 2018.
var fullDate = regexp.MustCompile(`(?i)\b(?:` +
	weekdayPattern + `(\d{1,2})[/.](\d{1,2})[/.](\d{4})` + // 1-3: 05/04/2018, 05.04.2018
	`|` + weekdayPattern + `(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:of\s+)?(` + monthPattern + `)\.?,?\s+(\d{4})` + // 4-6: 5 April 2018
	`|` + weekdayPattern + `(` + monthPattern + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + // 7-9: April 5, 2018
	`|(\d{4})-(\d{2})-(\d{2})` + // 10-12: 2018-04-05
	`)\b`)

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// parseDateMatch turns a fullDate submatch into "YYYY-MM-DD", or "" when the
// numbers do not make a real calendar date.
func parseDateMatch(m []string) string {
	var y, mo, d int
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case m[3] != "":
		d, mo, y = atoi(m[1]), atoi(m[2]), atoi(m[3])
	case m[6] != "":
		d, mo, y = atoi(m[4]), int(months[strings.ToLower(m[5])[:3]]), atoi(m[6])
	case m[9] != "":
		mo, d, y = int(months[strings.ToLower(m[7])[:3]]), atoi(m[8]), atoi(m[9])
	case m[10] != "":
		y, mo, d = atoi(m[10]), atoi(m[11]), atoi(m[12])
	}
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 {
		return ""
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "" // 31 June
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// hasYear is a cheap test that s holds four digits in a row, which every
// full date does; it saves running fullDate on most lines.
//
// It looks at eight bytes at a time, stepping five: four digits in a row
// lie within one such window. Every line is tested, and a byte at a time
// took nearly twice as long (BenchmarkHasYear).
func hasYear(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 5 {
		if d := digits8(load8(s, i)); d&(d>>8)&(d>>16)&(d>>24) != 0 {
			return true
		}
	}
	run := 0
	for ; i < len(s); i++ { // (a run that begins before i lies in a window)
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// digits8 has the highest bit set of each byte of x that is a digit. A
// byte c gets it from c+0x50 when c >= '0', and from c+0x46 when c > '9';
// bytes beyond ASCII are added without their highest bit, so that no sum
// carries into the next byte, and are no digits.
func digits8(x uint64) uint64 {
	y := x &^ highBits
	return (y + 0x50*lowBits) &^ (y + 0x46*lowBits) &^ x & highBits
}

// tail returns at most the last n bytes of s, cut at a rune boundary, for
// patterns that look only at what stands just before a match.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && s[i]&0xC0 == 0x80 {
		i++
	}
	return s[i:]
}

func isWordByteASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// ParseDate reads a date written in any form fullDate knows.
func ParseDate(s string) (string, bool) {
	v, _, _ := findDate(s)
	return v, v != ""
}

// onlyDate reports whether s is a date and nothing else (brackets and a
// "Published:" style label aside).
func onlyDate(s string) (string, bool) {
	t := strings.Trim(s, " []()|.")
	t = dateLabel.ReplaceAllString(t, "")
	v, start, end := findDate(t)
	if v == "" || start > 0 || end < len(strings.TrimRight(t, " .")) {
		return "", false
	}
	return v, true
}

// dateLabel is a label that introduces a document's own date.
var dateLabel = regexp.MustCompile(`(?i)^(?:date\s+of\s+publication|publication\s+date|date\s+published|published(?:\s+on)?|first\s+published|last\s+updated|updated(?:\s+on)?|date)\s*:?\s*`)

// isDateLabel reports a line that is only such a label ("Date of publication").
// Every label begins with d, p, f, l or u, in either case (letters no
// other folds to): a line that begins otherwise, as most do, skips the
// pattern (BenchmarkParseGenerated).
func isDateLabel(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || !strings.ContainsRune("dpfluDPFLU", rune(t[0])) {
		return false
	}
	return dateLabel.ReplaceAllString(t, "") == ""
}

var (
	// "has today [5 April 2018] issued", "today, 25 October 2018,"
	todayDate = regexp.MustCompile(`(?i)\btoday\s*[\[(,]?\s*$`)
	// "this summary was updated on Wednesday 25 October 2017"
	updatedOn = regexp.MustCompile(`(?i)\b(?:updated|published|issued|released)\s+(?:on\s+)?$`)
)
