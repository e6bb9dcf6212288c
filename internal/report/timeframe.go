package report

import (
	"fmt"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Timeframe is when a commitment is due, as the text writes it and as it
// can be read. Read is ISO 8601: a year ("2017"), a month ("2018-04"), a
// day ("2022-06-27"), a span of months ("2018-04/2019-03" for the business
// year 2018/19) or a start and a duration ("2022-06-28/P12M" for "over the
// next twelve months" in a document of 28 June 2022). Relative says the
// reading rests on the document's date; with no date a relative timeframe
// reads as its duration alone ("P12M") or not at all.
type Timeframe struct {
	Written  string
	Read     string
	Relative bool
	// Due is the last day of the timeframe (YYYY-MM-DD), "" when it has
	// none: unread, open-ended ("from April 2018") or a bare duration.
	Due string
}

const tfMonthWords = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`

var tfMonthNumber = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// The forms of a timeframe, each with what stands before it. Words that
// may open a timeframe: prepositions and "early", "the end of" and so on.
const (
	tfLead = `(?:(?:in|by|during|from|before|until|till|throughout|within|for|on|over|across|starting|since)\s+)?` +
		`(?:(?:early|late|mid|mid-|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+spring\s+of|the\s+summer\s+of|the\s+autumn\s+of|the\s+winter\s+of|spring|summer|autumn|winter)\s*)?`
	tfYear = `((?:19|20)\d\d)`
)

var (
	tfBusinessYear = regexp.MustCompile(`(?i)\b` + tfLead + `(?:the\s+)?(?:(?:business|financial|performance)\s+year\s+)?` + tfYear + `\s*[/\-–]\s*(\d\d)\b`)
	tfDay          = regexp.MustCompile(`(?i)\b` + tfLead + `(\d{1,2})(?:st|nd|rd|th)?\s+` + tfMonthWords + `,?\s+` + tfYear + `\b`)
	tfMonth        = regexp.MustCompile(`(?i)\b` + tfLead + tfMonthWords + `\s+` + tfYear + `\b`)
	tfYearOnly     = regexp.MustCompile(`(?i)\b(?:(?:in|by|during|from|before|until|till|throughout|within|for|since)\s+|(?:early|late|mid|mid-|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|spring|summer|autumn|winter)\s*)+` + tfYear + `\b`)
	// A month with no year needs a preposition, so that "we may" is no May.
	tfBareMonth = regexp.MustCompile(`(?i)\b(?:in|by|from|until|till|before|during|(?:at\s+)?the\s+end\s+of|end\s+of|early|late|mid-?)\s+` + tfMonthWords + `\b`)
	tfDuration  = regexp.MustCompile(`(?i)\b(?:over|within|in|during|for|throughout)\s+(?:the\s+)?(?:next|coming|following|forthcoming)\s+(?:(\d{1,3}|[a-z]+(?:[\s-][a-z]+)?)\s+)?(weeks?|months?|years?)\b`)
	tfWithin    = regexp.MustCompile(`(?i)\bwithin\s+(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[\s-]four)\s+(weeks?|months?|years?)\b`)
	tfCalendar  = regexp.MustCompile(`(?i)\b(?:(?:by|before|until|in|during|over)\s+)?(?:(?:the\s+)?end\s+of\s+|later\s+|early\s+|earlier\s+)?(?:the\s+)?(this|next|the\s+current|the\s+coming)\s+(financial\s+year|business\s+year|calendar\s+year|year|month)\b`)
	tfVague     = regexp.MustCompile(`(?i)\b(?:shortly|in\s+due\s+course|as\s+soon\s+as\s+possible|(?:in|over)\s+the\s+(?:coming|next\s+few)\s+(?:weeks|months|years)|in\s+the\s+near\s+future|in\s+the\s+(?:short|medium|long|longer)\s+term|imminently)\b`)
)

// The patterns, each with its keys (see keyedPattern): the words, or the
// year, that every match holds, and how many words before them a match
// may start ("the second half of" is four, "the end of" three).
var (
	kpBusinessYear = newYearPattern(tfBusinessYear, 8, yearThenShort) // lead (5), "the", "business year"
	kpDay          = newYearPattern(tfDay, 7, monthThenYear(true))    // lead (5), day, month
	kpMonth        = newYearPattern(tfMonth, 6, monthThenYear(false)) // lead (5), month
	kpYearOnly     = everywhereNearYear(tfYearOnly, leadThenYear)     // any number of leads
	kpBareMonth    = newKeyedPattern(tfBareMonth, 4, tfMonthNames...)
	kpDuration     = newKeyedPattern(tfDuration, 2, "next", "coming", "following", "forthcoming")
	kpWithin       = newKeyedPattern(tfWithin, 0, "within")
	kpCalendar     = newKeyedPattern(tfCalendar, 6, "this", "next", "current", "coming").startingWith(tfCalendarStarts...)
	kpVague        = newKeyedPattern(tfVague, 3, "shortly", "course", "possible", "coming", "few", "future", "term", "imminently").startingWith(tfVagueStarts...)
)

// The words a match of tfCalendar or tfVague can begin with.
var (
	tfCalendarStarts = []string{"by", "before", "until", "in", "during", "over", "the", "end", "later", "early", "earlier", "this", "next"}
	tfVagueStarts    = []string{"shortly", "in", "as", "over", "imminently"}
)

// tfMonthNames are the words of tfMonthWords.
var tfMonthNames = strings.Split(strings.Trim(tfMonthWords, "()"), "|")

var tfNumberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty four": 24, "twenty-four": 24,
}

// readTimeframe finds the first timeframe in text. date is the document's
// date (YYYY-MM-DD or ""); done says the action is stated as done, so a
// month with no year is the latest such month up to the date, not the next.
func readTimeframe(text, date string, done bool) Timeframe {
	best, bestAt := Timeframe{}, len(text)+1
	// Each form needs a word that most sentences lack: a cheap look for it
	// spares running the pattern.
	hints := tfHintsOf(text)
	years := firstYear(text)
	from := 0 // where the patterns start looking
	try := func(kp *keyedPattern, read func(m []string, written string) (Timeframe, bool)) {
		// A match from bestAt on is no better than the best: its place
		// is not tried.
		kp.findAllBefore(text[from:], bestAt-from, func(loc []int) bool {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += from
				}
			}
			if loc[0] >= bestAt {
				return false
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			written := strings.TrimSpace(text[loc[0]:loc[1]])
			if tf, ok := read(m, written); ok {
				best, bestAt = tf, loc[0]
				return false
			}
			return true
		})
	}
	if years >= 0 {
		// What opens a dated timeframe stands a few words before its
		// year: the patterns need not try every place before that.
		from = max(0, years-60)
		for from > 0 && text[from-1] != ' ' {
			from-- // start at a word, so that \b means what it says
		}
		tryDated(try)
		from = 0
	}
	if hasMonthStem(text) { // a month with no year is capitalised
		try(kpBareMonth, func(m []string, w string) (Timeframe, bool) { return readBareMonth(m, w, date, done) })
	}
	units := hints&tfUnits != 0
	if units && hints&tfAfter != 0 {
		try(kpDuration, readSpan(date))
	}
	if units && hints&tfWithinWord != 0 {
		try(kpWithin, readSpan(date))
	}
	if units && hints&tfWhich != 0 {
		try(kpCalendar, func(m []string, w string) (Timeframe, bool) { return readCalendar(m, w, date) })
	}
	if hints&tfVagueWord != 0 {
		try(kpVague, func(m []string, w string) (Timeframe, bool) { return Timeframe{Written: w}, true })
	}
	return best
}

// mentions reports whether s holds any of the words.
func mentions(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// The words whose presence lets readTimeframe try a pattern, each with the
// gates it opens: a unit (kpDuration, kpWithin and kpCalendar need one),
// then what kpDuration, kpWithin, kpCalendar and kpVague each need. The
// test is a substring of the lower-case text ("coming" in "becoming").
const (
	tfUnits = 1 << iota
	tfAfter
	tfWithinWord
	tfWhich
	tfVagueWord
)

var tfHintWords = []struct {
	word  string
	gates uint8
}{
	{"week", tfUnits}, {"month", tfUnits}, {"year", tfUnits},
	{"next", tfAfter | tfWhich}, {"coming", tfAfter | tfWhich | tfVagueWord}, {"following", tfAfter},
	{"within", tfWithinWord},
	{"this", tfWhich}, {"current", tfWhich},
	{"shortly", tfVagueWord}, {"due course", tfVagueWord}, {"soon", tfVagueWord}, {"near future", tfVagueWord},
	{" term", tfVagueWord}, {"imminently", tfVagueWord}, {"next few", tfVagueWord},
}

// tfHintFirst and tfHintSecond have, for each byte in either case, bit k
// set when hint word k has it as its first (second) byte.
var tfHintFirst, tfHintSecond = func() (first, second [256]uint32) {
	for k, h := range tfHintWords {
		for i, t := range []*[256]uint32{&first, &second} {
			c := h.word[i]
			t[c] |= 1 << k
			if 'a' <= c && c <= 'z' {
				t[c-'a'+'A'] |= 1 << k
			}
		}
	}
	return first, second
}()

// tfHintsOf is the gates the words of tfHintWords open in text: those
// that strings.Contains(strings.ToLower(text), word) finds. One pass over
// text, where lower-casing it and looking for each word took a quarter of
// readTimeframe's time (BenchmarkReadCommitments). Only İ and the Kelvin
// sign lower-case to ASCII letters; text holding them takes the long way.
func tfHintsOf(text string) uint8 {
	var gates uint8
	if strings.Contains(text, "\u0130") || strings.Contains(text, "\u212A") {
		lower := strings.ToLower(text)
		for _, h := range tfHintWords {
			if strings.Contains(lower, h.word) {
				gates |= h.gates
			}
		}
		return gates
	}
	// A word is compared only where the text's first two bytes are its
	// own (every hint word has two or more, and there are at most 32),
	// and only while it may open a gate not yet open: comparing at every
	// byte that begins one (every space begins " term") was a third of
	// readTimeframe's time (BenchmarkParse).
	for i := 0; i+1 < len(text); i++ {
		for ks := tfHintFirst[text[i]] & tfHintSecond[text[i+1]]; ks != 0; ks &= ks - 1 {
			h := tfHintWords[bits.TrailingZeros32(ks)]
			if h.gates&^gates != 0 && hasPrefixFoldASCII(text[i:], h.word) {
				gates |= h.gates
			}
		}
	}
	return gates
}

// hasPrefixFoldASCII reports whether s begins with the lower-case ASCII
// prefix, ignoring ASCII case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if lowerASCII(s[j]) != prefix[j] {
			return false
		}
	}
	return true
}

var tfMonthStems = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// hasMonthStem is mentions(s, tfMonthStems) in one pass over s, where
// mentions makes twelve (BenchmarkParse).
func hasMonthStem(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		switch s[i] {
		case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
			for _, m := range tfMonthStems {
				if s[i] == m[0] && s[i+1] == m[1] && s[i+2] == m[2] {
					return true
				}
			}
		}
	}
	return false
}

// firstYear is where the first run of four digits in s starts, as every
// year does, or -1.
func firstYear(s string) int {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return i - 3
			}
		} else {
			run = 0
		}
	}
	return -1
}

type tryFunc func(kp *keyedPattern, read func(m []string, written string) (Timeframe, bool))

// tryDated tries the forms with a year: business year, day, month, year.
func tryDated(try tryFunc) {
	try(kpBusinessYear, func(m []string, w string) (Timeframe, bool) {
		y, _ := strconv.Atoi(m[1])
		next, _ := strconv.Atoi(m[2])
		if (y+1)%100 != next {
			return Timeframe{}, false // "2018-04" is a month, "1998/2" nothing
		}
		return Timeframe{Written: w, Read: fmt.Sprintf("%04d-04/%04d-03", y, y+1), Due: fmt.Sprintf("%04d-03-31", y+1)}, true
	})
	try(kpDay, func(m []string, w string) (Timeframe, bool) {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		mo := tfMonthNumber[strings.ToLower(m[2])[:3]]
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return Timeframe{}, false
		}
		day := t.Format("2006-01-02")
		return Timeframe{Written: w, Read: day, Due: openEnded(w, day)}, true
	})
	try(kpMonth, func(m []string, w string) (Timeframe, bool) {
		y, _ := strconv.Atoi(m[2])
		mo := tfMonthNumber[strings.ToLower(m[1])[:3]]
		return Timeframe{Written: w, Read: fmt.Sprintf("%04d-%02d", y, mo), Due: openEnded(w, lastDay(y, mo))}, true
	})
	try(kpYearOnly, func(m []string, w string) (Timeframe, bool) {
		y, _ := strconv.Atoi(m[1])
		return Timeframe{Written: w, Read: m[1], Due: openEnded(w, fmt.Sprintf("%04d-12-31", y))}, true
	})
}

// readBareMonth reads a month with no year against the document's date.
func readBareMonth(m []string, w, date string, done bool) (Timeframe, bool) {
	if name := m[1]; name[0] < 'A' || name[0] > 'Z' {
		return Timeframe{}, false // "in may" is rather a verb than a month
	}
	tf := Timeframe{Written: w, Relative: true}
	doc, err := time.Parse("2006-01-02", date)
	if err != nil {
		return tf, true
	}
	mo := tfMonthNumber[strings.ToLower(m[1])[:3]]
	y := doc.Year()
	switch {
	case done && mo > doc.Month():
		y--
	case !done && mo < doc.Month():
		y++
	}
	tf.Read = fmt.Sprintf("%04d-%02d", y, mo)
	tf.Due = openEnded(w, lastDay(y, mo))
	return tf, true
}

// readSpan reads "over the next twelve months" from the document's date.
func readSpan(date string) func(m []string, w string) (Timeframe, bool) {
	return func(m []string, w string) (Timeframe, bool) {
		n := 1
		if m[1] != "" {
			if v, err := strconv.Atoi(m[1]); err == nil {
				n = v
			} else if v, ok := tfNumberWords[strings.ToLower(strings.Join(strings.Fields(m[1]), " "))]; ok {
				n = v
			} else {
				return Timeframe{}, false
			}
		}
		if n < 1 {
			return Timeframe{}, false
		}
		unit := strings.ToUpper(m[2][:1])
		if unit == "W" {
			n, unit = n*7, "D"
		}
		dur := fmt.Sprintf("P%d%s", n, unit)
		tf := Timeframe{Written: w, Read: dur, Relative: true}
		if doc, err := time.Parse("2006-01-02", date); err == nil {
			tf.Read = date + "/" + dur
			end := doc
			switch unit {
			case "D":
				end = doc.AddDate(0, 0, n)
			case "M":
				end = doc.AddDate(0, n, 0)
			case "Y":
				end = doc.AddDate(n, 0, 0)
			}
			tf.Due = end.AddDate(0, 0, -1).Format("2006-01-02")
		}
		return tf, true
	}
}

// readCalendar reads "this year", "next month", "the next financial year".
func readCalendar(m []string, w, date string) (Timeframe, bool) {
	tf := Timeframe{Written: w, Relative: true}
	doc, err := time.Parse("2006-01-02", date)
	if err != nil {
		return tf, true
	}
	which := strings.ToLower(m[1])
	unit := strings.ToLower(strings.Join(strings.Fields(m[2]), " "))
	next := which == "next" || which == "the coming"
	switch unit {
	case "month":
		t := time.Date(doc.Year(), doc.Month(), 1, 0, 0, 0, 0, time.UTC)
		if next {
			t = t.AddDate(0, 1, 0)
		}
		tf.Read = t.Format("2006-01")
		tf.Due = lastDay(t.Year(), t.Month())
	case "financial year", "business year":
		y := doc.Year()
		if doc.Month() < time.April {
			y--
		}
		if next {
			y++
		}
		tf.Read = fmt.Sprintf("%04d-04/%04d-03", y, y+1)
		tf.Due = fmt.Sprintf("%04d-03-31", y+1)
	default:
		y := doc.Year()
		if next {
			y++
		}
		tf.Read = strconv.Itoa(y)
		tf.Due = fmt.Sprintf("%04d-12-31", y)
	}
	return tf, true
}

// openEnded drops the due date of a timeframe that starts rather than ends
// at its date: "from April 2018", "starting in 2019", "since 2016".
func openEnded(written, due string) string {
	w := strings.ToLower(written)
	for _, p := range []string{"from ", "starting ", "since "} {
		if strings.HasPrefix(w, p) {
			return ""
		}
	}
	return due
}

func lastDay(y int, mo time.Month) string {
	return time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}
