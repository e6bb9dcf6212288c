package report

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// termSet finds which of a list of terms occur in a text, by whole words,
// case-insensitively. Any word of a term may end in "*" to match any ending
// ("letter* to victim*" finds "letters to victims").
// It tokenises the text once and looks up each word, so its cost does not
// grow with the number of terms.
type termSet struct {
	byFirst  map[string][]*term // terms whose first word is exact
	byPrefix map[string][]*term // terms whose first word ends in *, by its stem
	// stems are, by their first byte, the stems in byPrefix: a word is
	// compared with the few that share its first byte, not looked up once
	// for each length a stem may have.
	stems [256][]string
	// firsts holds byFirst again, in a table of open addressing a quarter
	// full, placed by firstKey: most words of a text are no first word,
	// and land on an empty slot at once; a word that is one is found
	// without hashing all of it. Looking each word up in byFirst (behind
	// a bit set of firstKeys) took two fifths longer (BenchmarkTermMatches).
	firsts []firstTerms
}

type firstTerms struct {
	word  string // "" for an empty slot
	terms []*term
}

// firstKey hashes a word by its length and its first and last bytes.
func firstKey(w string) uint {
	return uint(len(w))*0x9E37 ^ uint(w[0])<<5 ^ uint(w[len(w)-1])*131
}

// firstTermsOf is the terms whose first word is w (not "").
func (ts *termSet) firstTermsOf(w string) []*term {
	mask := uint(len(ts.firsts) - 1)
	for k := firstKey(w) & mask; ; k = (k + 1) & mask {
		e := &ts.firsts[k]
		if e.word == "" {
			return nil
		}
		if e.word == w {
			return e.terms
		}
	}
}

// placeFirsts makes ts.firsts again from ts.byFirst.
func (ts *termSet) placeFirsts() {
	n := 64
	for n < 4*len(ts.byFirst) {
		n *= 2
	}
	ts.firsts = make([]firstTerms, n)
	for w, terms := range ts.byFirst {
		k := firstKey(w) & uint(n-1)
		for ts.firsts[k].word != "" {
			k = (k + 1) & uint(n-1)
		}
		ts.firsts[k] = firstTerms{w, terms}
	}
}

type term struct {
	label string   // as written in site.toml
	group int      // index of the owner (a theme, a kind, ...)
	words []string // normalised words
	wild  []bool   // which words are prefixes (written with *)
}

func newTermSet() *termSet {
	ts := &termSet{byFirst: map[string][]*term{}, byPrefix: map[string][]*term{}}
	ts.placeFirsts()
	return ts
}

func (ts *termSet) add(label string, group int) {
	raw := strings.TrimSpace(label)
	var words []string
	var wild []bool
	for _, f := range strings.Fields(raw) {
		ws := tokens(f)
		for i, w := range ws {
			words = append(words, w)
			wild = append(wild, i == len(ws)-1 && strings.HasSuffix(f, "*"))
		}
	}
	if len(words) == 0 {
		return
	}
	t := &term{label: raw, group: group, words: words, wild: wild}
	if wild[0] {
		ts.byPrefix[words[0]] = append(ts.byPrefix[words[0]], t)
		if first := words[0][0]; !slices.Contains(ts.stems[first], words[0]) {
			ts.stems[first] = append(ts.stems[first], words[0])
		}
		return
	}
	ts.byFirst[words[0]] = append(ts.byFirst[words[0]], t)
	ts.setFirst(words[0])
}

// setFirst puts w's terms in ts.firsts, placing the table again when it
// would be more than a quarter full.
func (ts *termSet) setFirst(w string) {
	if 4*len(ts.byFirst) > len(ts.firsts) {
		ts.placeFirsts()
		return
	}
	mask := uint(len(ts.firsts) - 1)
	k := firstKey(w) & mask
	for ts.firsts[k].word != "" && ts.firsts[k].word != w {
		k = (k + 1) & mask
	}
	ts.firsts[k] = firstTerms{w, ts.byFirst[w]}
}

// match is one term found in a text; pos is the index of its first word.
// It points to its term rather than holding a copy (24 bytes a match, not
// 80, for matching to copy; BenchmarkTermMatches); group starts as the
// term's and may be renumbered (Parser.vocab).
type match struct {
	*term
	group int
	pos   int
}

// find returns every term occurrence in text, in text order.
func (ts *termSet) find(text string) []match {
	return ts.findTokens(tokens(text))
}

// appendIn appends the term occurrences in text to out, with a reusable
// slice for the text's words.
func (ts *termSet) appendIn(out []match, text string, buf *[]string) []match {
	*buf = appendTokens((*buf)[:0], text)
	return ts.appendMatches(out, *buf)
}

func (ts *termSet) findTokens(toks []string) []match { return ts.appendMatches(nil, toks) }

// appendMatches appends the term occurrences in toks to out: a caller
// looking in many texts in turn can reuse one slice.
func (ts *termSet) appendMatches(out []match, toks []string) []match {
	for i, w := range toks {
		for _, t := range ts.firstTermsOf(w) {
			if t.matchesFrom(toks, i, 1) { // (its first word is w)
				out = append(out, match{t, t.group, i})
			}
		}
		for _, stem := range ts.stems[w[0]] {
			// (The second byte first: most stems differ there already.)
			if len(stem) > len(w) || len(stem) > 1 && stem[1] != w[1] || w[:len(stem)] != stem {
				continue
			}
			for _, t := range ts.byPrefix[stem] {
				if t.matchesAt(toks, i) {
					out = append(out, match{t, t.group, i})
				}
			}
		}
	}
	return out
}

func (t *term) matchesAt(toks []string, i int) bool { return t.matchesFrom(toks, i, 0) }

// matchesFrom is matchesAt with the words before word from known to match.
func (t *term) matchesFrom(toks []string, i, from int) bool {
	if i+len(t.words) > len(toks) {
		return false
	}
	for j := from; j < len(t.words); j++ {
		w, got := t.words[j], toks[i+j]
		if t.wild[j] {
			if !strings.HasPrefix(got, w) {
				return false
			}
		} else if got != w {
			return false
		}
	}
	return true
}

// tokens lower-cases s and splits it into words of letters and digits.
// Apostrophes inside a word are dropped ("Director's" → "directors"), so a
// term and a text written with either apostrophe compare equal.
func tokens(s string) []string { return appendTokens(make([]string, 0, len(s)/6+1), s) }

// appendTokens appends the words of s to out: a caller tokenising many
// texts in turn can reuse one slice.
//
// The words with a capital are lower-cased into one buffer, made at the
// first of them, rather than each into its own: most sentences have
// several (BenchmarkTokens).
func appendTokens(out []string, s string) []string {
	var low strings.Builder // the words with a capital, lower-cased
	for i := 0; i < len(s); {
		j, simple, upper := wordEnd(s, i)
		if j == i {
			if s[i] < utf8.RuneSelf {
				i++
			} else {
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
			}
			continue
		}
		w := s[i:j]
		switch {
		case !simple:
			w = slowToken(w)
		case upper:
			if low.Cap() == 0 {
				low.Grow(min(len(s)-i, 64))
			}
			w = appendLower(&low, w)
		}
		if w != "" {
			out = append(out, w)
		}
		i = j
	}
	return out
}

// wordEnd finds the end of the word starting at s[i]: letters, digits and
// apostrophes. simple is a word of ASCII letters and digits alone, which
// needs no more than lower-casing; upper says it has a capital. ASCII is
// classed by a table, one look a byte where there were up to four tests:
// with those, and a rune decoded between words, appendTokens took two
// thirds longer (BenchmarkTokens).
func wordEnd(s string, i int) (j int, simple, upper bool) {
	simple = true
	for j = i; j < len(s); {
		switch tokenClass[s[j]] {
		case tokenLower:
			j++
		case tokenUpper:
			upper = true
			j++
		case tokenApostrophe:
			simple = false
			j++
		case tokenEnd:
			return j, simple, upper
		default: // beyond ASCII
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' && r != '‘' {
				return j, simple, upper
			}
			simple = false
			j += n
		}
	}
	return j, simple, upper
}

// The classes of bytes wordEnd reads.
const (
	tokenEnd        = iota // ASCII that is no part of a word
	tokenLower             // a lower-case letter or a digit
	tokenUpper             // a capital
	tokenApostrophe        // '
	tokenWide              // a byte of a rune beyond ASCII
)

var tokenClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = tokenWide
		case 'A' <= c && c <= 'Z':
			t[c] = tokenUpper
		case isAlnum(byte(c)):
			t[c] = tokenLower
		case c == '\'':
			t[c] = tokenApostrophe
		}
	}
	return t
}()

// slowToken lower-cases a word with apostrophes or letters beyond ASCII,
// dropping the apostrophes.
func slowToken(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r != '\'' && r != '’' && r != '‘' {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
