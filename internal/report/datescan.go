package report

// fullDate, run over the regions around each year of a line, was most of
// the intro's date reading: BenchmarkDates gives 0.7 µs a line with a
// year by hand, 10 µs with the pattern on those regions and 25 µs with it
// on the whole line (findAllDatesRegionsRef keeps the regions' way, for
// the tests to compare). matchDate reads the same dates by hand: it tries the
// pattern's choices in the order the pattern does (its alternatives in
// turn, each optional part first taken, then left out; a greedy run
// longest first), so that its match at a place is the one the pattern's
// leftmost-first search gives there. Runs of \s are taken whole, since
// what follows each is no space. The words are compared ignoring ASCII
// case; text holding one of the two letters a case-insensitive pattern
// folds to ASCII (ſ, K) is left to the pattern.

// The choices of fullDate's words, in the pattern's order.
var (
	dateWeekdays = []string{"mon", "tues", "wednes", "thurs", "fri", "satur", "sun"}
	dateOrdinals = []string{"st", "nd", "rd", "th"}
	// dateMonthForms are the forms of each month, longest first, as
	// monthPattern tries them ("sep(?:t(?:ember)?)?": september, sept, sep).
	dateMonthForms = [][]string{{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sept", "sep"},
		{"october", "oct"}, {"november", "nov"}, {"december", "dec"}}
)

// dateFirsts holds the bytes a date may begin with, in either case.
var dateFirsts = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, w := range dateWeekdays {
		t[w[0]], t[w[0]-'a'+'A'] = true, true
	}
	for _, forms := range dateMonthForms {
		t[forms[0][0]], t[forms[0][0]-'a'+'A'] = true, true
	}
	return t
}()

// findAllDates is fullDate.FindAllStringIndex(s, -1).
func findAllDates(s string) [][]int {
	if !hasYear(s) {
		return nil
	}
	if hasFoldToASCII(s) {
		return fullDate.FindAllStringIndex(s, -1)
	}
	var out [][]int
	eachDate(s, nil, func(p, e int) bool {
		out = append(out, []int{p, e})
		return true
	})
	return out
}

// findDatePattern is findDate by running fullDate over all of s: for text
// matchDate leaves to the pattern, and for the tests to compare with.
func findDatePattern(s string) (date string, start, end int) {
	for _, loc := range fullDate.FindAllStringSubmatchIndex(s, -1) {
		m := make([]string, 13)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = s[loc[2*i]:loc[2*i+1]]
			}
		}
		if v := parseDateMatch(m); v != "" {
			return v, loc[0], loc[1]
		}
	}
	return "", -1, -1
}

// findDate returns the first full date in s, with its byte span: the
// first of fullDate's matches that is a real date.
func findDate(s string) (date string, start, end int) {
	if !hasYear(s) {
		return "", -1, -1
	}
	if hasFoldToASCII(s) {
		return findDatePattern(s)
	}
	date, start, end = "", -1, -1
	var m [13]string
	eachDate(s, &m, func(p, e int) bool {
		if v := parseDateMatch(m[:]); v != "" {
			date, start, end = v, p, e
			return false
		}
		return true
	})
	return date, start, end
}

// eachDate calls f with the start and end of each of fullDate's matches in
// s, in order, until it returns false; m holds the match's submatches. A
// date holds a run of four digits (its year, or all of it) with at most
// dateLead bytes other than white space before it: only the places that
// close before such a run are tried.
func eachDate(s string, m *[13]string, f func(p, e int) bool) {
	next := 0 // where the next match may start
	for i := 0; i+4 <= len(s); i++ {
		if digitsAt(s, i, 4) < 4 || i > 0 && isDigit(s[i-1]) {
			continue
		}
		from := i
		for n := 0; from > 0 && n < dateLead; from-- {
			if !isSpaceRE(s[from-1]) {
				n++
			}
		}
		for p := max(from, next); p <= i; p++ {
			if m != nil {
				*m = [13]string{}
			}
			if e := matchDate(s, p, m); e >= 0 {
				if !f(p, e) {
					return
				}
				next, p = e, e-1
			}
		}
		next = max(next, i+1)
	}
}

// dateLead bounds what a date holds before its year, white space aside:
// "Wednesday, 25th of September., " is 28 bytes.
const dateLead = 40

// matchDate is fullDate's match at s[p:] (which starts no later than any
// other match from p on, only if no match starts earlier): it returns the
// end, or -1, and sets the submatches in m unless m is nil.
func matchDate(s string, p int, m *[13]string) int {
	// Every form begins with \b and a digit or a weekday's or month's
	// first letter.
	if !dateFirsts[s[p]] || p > 0 && isWordByteASCII(s[p-1]) {
		return -1
	}
	var wb [2]int
	starts := weekdayStarts(s, p, wb[:0])
	set := func(k int, groups ...int) {
		if m != nil {
			for i := 0; i < len(groups); i += 2 {
				m[k+i/2] = s[groups[i]:groups[i+1]]
			}
		}
	}
	// 05/04/2018, 05.04.2018
	for _, q := range starts {
		for d := digitsAt(s, q, 2); d >= 1; d-- {
			r := q + d
			if !isDateSep(s, r) {
				continue
			}
			for mo := digitsAt(s, r+1, 2); mo >= 1; mo-- {
				t := r + 1 + mo
				if isDateSep(s, t) && yearEndsAt(s, t+1) {
					set(1, q, r, r+1, t, t+1, t+5)
					return t + 5
				}
			}
		}
	}
	// The places each choice leaves, one buffer for each level of choice
	// (none holds more than three).
	var buf [6][3]int
	// 5 April 2018, 5th of April, 2018
	for _, q := range starts {
		for d := digitsAt(s, q, 2); d >= 1; d-- {
			for _, r1 := range optWord(s, q+d, dateOrdinals, buf[0][:0]) {
				for _, r2 := range optByte(s, r1, ',', buf[1][:0]) {
					r3 := skipSpaceRE(s, r2)
					if r3 == r2 {
						continue
					}
					for _, r4 := range ofStarts(s, r3, buf[2][:0]) {
						for _, r5 := range monthEnds(s, r4, buf[3][:0]) {
							for _, r6 := range optByte(s, r5, '.', buf[4][:0]) {
								for _, r7 := range optByte(s, r6, ',', buf[5][:0]) {
									if y := skipSpaceRE(s, r7); y > r7 && yearEndsAt(s, y) {
										set(4, q, q+d, r4, r5, y, y+4)
										return y + 4
									}
								}
							}
						}
					}
				}
			}
		}
	}
	// April 5, 2018
	for _, q := range starts {
		for _, r1 := range monthEnds(s, q, buf[0][:0]) {
			for _, r2 := range optByte(s, r1, '.', buf[1][:0]) {
				r3 := skipSpaceRE(s, r2)
				if r3 == r2 {
					continue
				}
				for d := digitsAt(s, r3, 2); d >= 1; d-- {
					for _, r4 := range optWord(s, r3+d, dateOrdinals, buf[2][:0]) {
						for _, r5 := range optByte(s, r4, ',', buf[3][:0]) {
							if y := skipSpaceRE(s, r5); y > r5 && yearEndsAt(s, y) {
								set(7, q, r1, r3, r3+d, y, y+4)
								return y + 4
							}
						}
					}
				}
			}
		}
	}
	// 2018-04-05
	if digitsAt(s, p, 4) == 4 && p+10 <= len(s) && s[p+4] == '-' && digitsAt(s, p+5, 2) == 2 && s[p+7] == '-' &&
		digitsAt(s, p+8, 2) == 2 && (p+10 == len(s) || !isWordByteASCII(s[p+10])) {
		set(10, p, p+4, p+5, p+7, p+8, p+10)
		return p + 10
	}
	return -1
}

// weekdayStarts appends to out where a date's day or month may start
// after p: after a weekday ("(?:(?:mon|...|sun)day,?\s+)?"), then at p.
func weekdayStarts(s string, p int, out []int) []int {
	for _, w := range dateWeekdays {
		if hasPrefixFoldASCII(s[p:], w) && hasPrefixFoldASCII(s[p+len(w):], "day") {
			k := p + len(w) + len("day")
			if k < len(s) && s[k] == ',' {
				k++ // (left out, the comma would stand where \s+ must)
			}
			if j := skipSpaceRE(s, k); j > k {
				out = append(out, j)
			}
			break // no two weekdays begin alike
		}
	}
	return append(out, p)
}

// digitsAt is how many digits, at most n, stand at s[i:].
func digitsAt(s string, i, n int) int {
	k := 0
	for k < n && i+k < len(s) && isDigit(s[i+k]) {
		k++
	}
	return k
}

// isDateSep reports a "/" or "." at s[i].
func isDateSep(s string, i int) bool { return i < len(s) && (s[i] == '/' || s[i] == '.') }

// yearEndsAt reports four digits at s[i:] followed by \b.
func yearEndsAt(s string, i int) bool {
	return digitsAt(s, i, 4) == 4 && (i+4 == len(s) || !isWordByteASCII(s[i+4]))
}

// optByte appends the places an optional byte c at s[i] leaves: after it
// when it is there, then i.
func optByte(s string, i int, c byte, out []int) []int {
	if i < len(s) && s[i] == c {
		out = append(out, i+1)
	}
	return append(out, i)
}

// optWord is optByte for one of the lower-case words (none beginning
// another), in any case.
func optWord(s string, i int, words []string, out []int) []int {
	for _, w := range words {
		if hasPrefixFoldASCII(s[i:], w) {
			out = append(out, i+len(w))
			break
		}
	}
	return append(out, i)
}

// ofStarts appends the places "(?:of\s+)?" at s[i] leaves.
func ofStarts(s string, i int, out []int) []int {
	if hasPrefixFoldASCII(s[i:], "of") {
		if j := skipSpaceRE(s, i+2); j > i+2 {
			out = append(out, j)
		}
	}
	return append(out, i)
}

// monthEnds appends the ends of the month names at s[i], in monthPattern's
// order.
func monthEnds(s string, i int, out []int) []int {
	if i+3 > len(s) {
		return out
	}
	for _, forms := range dateMonthForms {
		if !hasPrefixFoldASCII(s[i:], forms[len(forms)-1]) {
			continue
		}
		for _, f := range forms {
			if hasPrefixFoldASCII(s[i:], f) {
				out = append(out, i+len(f))
			}
		}
		break // no two months begin alike
	}
	return out
}
