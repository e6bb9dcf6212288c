package report

import (
	"regexp"
	"sort"
	"strings"
)

// Reading timeframes ran each pattern over the whole clause, trying it at
// every byte; that was most of the commitment reader's time
// (BenchmarkReadCommitments). A keyedPattern tries its pattern only where a
// match can start: every match holds one of a few key words (or a year),
// and starts at most a few words before it. The matches are those
// FindAllStringSubmatchIndex gives, in its order:
//
//   - FindAll's first match starts at the leftmost place where the pattern
//     matches, and is the match the pattern anchored there gives; the next
//     is found the same way from where the last ended.
//   - The places tried include every place where a match can start: a
//     word's start, at most before words ahead of a key (words being what
//     \s+ separates, as between a pattern's words), every such place
//     before a key being tried.
//   - A place not preceded by a word character reads \b at the start of
//     the anchored pattern as the whole text does; every pattern begins
//     with \b and a letter or digit, so no match starts after one.
//
// The key words are compared ignoring ASCII case; a text with a letter
// that a case-insensitive pattern folds to ASCII (ſ, K) is left to
// FindAll.
type keyedPattern struct {
	re    *regexp.Regexp
	at    *regexp.Regexp // re anchored at the start of its input; nil: try re everywhere
	keys  map[string]bool
	years bool // a year ((19|20)\d\d, a run of four digits) is the key
	// starts, when set, are the words (lower case) a match can begin with:
	// a place where another word begins is not tried.
	starts map[string]bool
	// wholeKeys says the pattern is \b(key|key|...)\b: a key word matches
	// where it stands, and no pattern need be run (see keyWords).
	wholeKeys bool
	// yearFits, when set, says whether the year at s[k] may be a match's
	// own: what must stand next to it is there.
	yearFits func(s string, k int) bool
	before   int // how many words before its key's a match may start
}

func newKeyedPattern(re *regexp.Regexp, before int, keys ...string) *keyedPattern {
	kp := &keyedPattern{re: re, at: regexp.MustCompile(`^(?:` + re.String() + `)`), keys: map[string]bool{}, before: before}
	for _, k := range keys {
		k = strings.ToLower(k)
		if len(k) > maxKeyLen || !isASCIIWord(k) {
			return everywhere(re) // candidates sees only such words
		}
		kp.keys[k] = true
	}
	return kp
}

// maxKeyLen is the longest key word.
const maxKeyLen = 12

// everywhere is a pattern tried at every place, as FindAll does.
func everywhere(re *regexp.Regexp) *keyedPattern { return &keyedPattern{re: re} }

// everywhereNearYear is a pattern tried at every place, as FindAll does,
// in text where a year fits it: a year is what every match holds, and a
// text with none that fits holds no match.
func everywhereNearYear(re *regexp.Regexp, fits func(s string, k int) bool) *keyedPattern {
	return &keyedPattern{re: re, yearFits: fits}
}

// anyYearFits reports whether s holds a year (19|20)\d\d, followed by \b,
// that kp.yearFits.
func (kp *keyedPattern) anyYearFits(s string) bool {
	for k := 0; k+4 <= len(s); k++ {
		if isYearAt(s, k) && (k+4 == len(s) || !isWordByteASCII(s[k+4])) && kp.yearFits(s, k) {
			return true
		}
	}
	return false
}

// leadThenYear: a year after one of tfYearOnly's leads (and \s*).
func leadThenYear(s string, k int) bool {
	e := k
	for e > 0 && isSpaceRE(s[e-1]) {
		e--
	}
	for _, w := range tfYearLeadEnds {
		if e >= len(w) && hasPrefixFoldASCII(s[e-len(w):e], w) {
			return true
		}
	}
	return false
}

// tfYearLeadEnds are the last words of tfYearOnly's leads.
var tfYearLeadEnds = []string{"in", "by", "during", "from", "before", "until", "till", "throughout", "within", "for", "since",
	"early", "late", "mid", "mid-", "of", "spring", "summer", "autumn", "winter"}

func newYearPattern(re *regexp.Regexp, before int, fits func(s string, k int) bool) *keyedPattern {
	kp := newKeyedPattern(re, before)
	kp.years, kp.yearFits = true, fits
	return kp
}

// A year is tried only where what the pattern needs next to it is there:
// most years in a response are neither a business year's nor a month's,
// and trying the three dated patterns before each was half of
// readTimeframe's time (BenchmarkParse).

// yearThenShort: a year followed by \s*[/\-–]\s*\d\d (tfBusinessYear).
func yearThenShort(s string, k int) bool {
	j := skipSpaceRE(s, k+4)
	switch {
	case j < len(s) && (s[j] == '/' || s[j] == '-'):
		j++
	case strings.HasPrefix(s[j:], "–"):
		j += len("–")
	default:
		return false
	}
	j = skipSpaceRE(s, j)
	return j+2 <= len(s) && isDigit(s[j]) && isDigit(s[j+1])
}

// monthThenYear: a year after a month's name and \s+ (tfMonth), or ,?\s+
// when comma is true (tfDay).
func monthThenYear(comma bool) func(s string, k int) bool {
	return func(s string, k int) bool {
		e := k
		for e > 0 && isSpaceRE(s[e-1]) {
			e--
		}
		if e == k {
			return false
		}
		if comma && e > 0 && s[e-1] == ',' {
			e--
		}
		for _, m := range tfMonthNames {
			if e >= len(m) && hasPrefixFoldASCII(s[e-len(m):e], m) {
				return true
			}
		}
		return false
	}
}

// startingWith sets the words a match of kp can begin with (see starts):
// each is followed by \s or \b in the pattern, so it is a whole word of
// letters and digits in the text. Most places before a key begin no
// match, and trying the pattern there was most of readTimeframe's time
// (BenchmarkReadCommitments).
func (kp *keyedPattern) startingWith(words ...string) *keyedPattern {
	kp.starts = map[string]bool{}
	for _, w := range words {
		if len(w) > maxKeyLen || !isASCIIWord(w) || w != strings.ToLower(w) {
			kp.starts = nil // startsAt reads no such word: try every place
			return kp
		}
		kp.starts[w] = true
	}
	return kp
}

// findAll calls f with each match of the pattern in s, as
// re.FindAllStringSubmatchIndex(s, -1) gives them, until f returns false.
func (kp *keyedPattern) findAll(s string, f func(loc []int) bool) {
	kp.findAllBefore(s, len(s)+1, f)
}

// findAllBefore is findAll for the matches that start before limit.
func (kp *keyedPattern) findAllBefore(s string, limit int, f func(loc []int) bool) {
	if kp.at == nil || hasFoldToASCII(s) {
		if kp.at == nil && kp.yearFits != nil && !hasFoldToASCII(s) && !kp.anyYearFits(s) {
			return
		}
		for _, loc := range kp.re.FindAllStringSubmatchIndex(s, -1) {
			if loc[0] >= limit || !f(loc) {
				return
			}
		}
		return
	}
	var buf [16]int
	cands := kp.candidates(s, buf[:0])
	end := 0
	for _, p := range cands {
		if p >= limit {
			return
		}
		if p < end || kp.starts != nil && !kp.startsAt(s, p) {
			continue
		}
		var loc []int
		if kp.wholeKeys {
			if loc = kp.keyAt(s, p); loc == nil {
				continue
			}
		} else {
			if loc = kp.at.FindStringSubmatchIndex(s[p:]); loc == nil {
				continue
			}
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += p
				}
			}
		}
		if !f(loc) {
			return
		}
		end = loc[1]
	}
}

// keyWords marks kp as the pattern (?i)\b(key|key|...)\b of its keys,
// each a word of ASCII letters and digits: at a candidate, which begins a
// word, it matches when that whole word is a key and no word byte ("_")
// follows, whichever key comes first in the pattern, as no other key can
// match there. Running the anchored pattern at every rating word was a
// quarter of rateSentence's time (BenchmarkParse).
func (kp *keyedPattern) keyWords() *keyedPattern {
	kp.wholeKeys = kp.at != nil
	return kp
}

// keyAt is the match of a whole-keys pattern at s[p] (see keyWords), as
// FindStringSubmatchIndex gives it, or nil.
func (kp *keyedPattern) keyAt(s string, p int) []int {
	var word [maxKeyLen]byte
	e := p
	for e < len(s) && isAlnum(s[e]) {
		if e-p == len(word) {
			return nil // longer than any key
		}
		word[e-p] = lowerASCII(s[e])
		e++
	}
	if e < len(s) && s[e] == '_' || !kp.keys[string(word[:e-p])] {
		return nil
	}
	return []int{p, e, p, e}
}

// startsAt reports whether the word of letters and digits at s[p] is one
// of kp.starts.
func (kp *keyedPattern) startsAt(s string, p int) bool {
	var word [maxKeyLen]byte
	j := p
	for j < len(s) && isAlnum(s[j]) && j-p < len(word) {
		word[j-p] = lowerASCII(s[j])
		j++
	}
	if j < len(s) && isAlnum(s[j]) {
		return false // longer than any start word
	}
	return kp.starts[string(word[:j-p])]
}

// candidates are the places in s where a match may start, in order.
func (kp *keyedPattern) candidates(s string, out []int) []int {
	var word [maxKeyLen]byte
	sorted := true
	add := func(key int) {
		for _, p := range wordStartsBefore(s, key, kp.before) {
			if n := len(out); n > 0 && p <= out[n-1] {
				if p < out[n-1] {
					sorted = false
				}
				if p == out[n-1] {
					continue
				}
			}
			out = append(out, p)
		}
	}
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		bounded := i == 0 || !isWordByteASCII(s[i-1])
		if kp.years {
			for k := i; k+4 <= j; k++ {
				if isYearAt(s, k) && (k == i || !isDigit(s[k-1])) && (k+4 == j || !isDigit(s[k+4])) && (kp.yearFits == nil || kp.yearFits(s, k)) {
					add(k)
				}
			}
		} else if bounded && j-i <= len(word) {
			w := word[:j-i]
			for k := range w {
				w[k] = lowerASCII(s[i+k])
			}
			if kp.keys[string(w)] {
				add(i)
			}
		}
		i = j
	}
	if !sorted {
		sort.Ints(out)
	}
	return out
}

// wordStartsBefore is the places where a word starts (a letter or digit
// after a byte that is no word character) in the token holding s[key] and
// in the n tokens before it, tokens being what runs of \s separate.
func wordStartsBefore(s string, key, n int) []int {
	from := key
	for from > 0 && !isSpaceRE(s[from-1]) {
		from--
	}
	for ; n > 0 && from > 0; n-- {
		for from > 0 && isSpaceRE(s[from-1]) {
			from--
		}
		for from > 0 && !isSpaceRE(s[from-1]) {
			from--
		}
	}
	var out []int
	for p := from; p <= key; p++ {
		if isAlnum(s[p]) && (p == 0 || !isWordByteASCII(s[p-1])) {
			out = append(out, p)
		}
	}
	return out
}

// isSpaceRE is \s in a pattern: space, tab, newline, form feed, carriage
// return.
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isYearAt(s string, i int) bool {
	return i+4 <= len(s) && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3])
}
