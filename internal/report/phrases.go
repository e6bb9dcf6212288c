package report

import (
	"regexp"
	"sort"
	"strings"
)

// phraseIndex finds names from a closed list (Areas, criteria) in text, by
// whole words, case-insensitively, preferring the longest name at a place.
type phraseIndex struct {
	phrases []string
	index   map[string]int // tokens joined by " " → owner
	re      *regexp.Regexp
	at      *regexp.Regexp // re anchored at the start of its input
	// firsts are the phrases' first words: text without one of them as a
	// whole ASCII word cannot match, and skips the pattern. nil when a
	// first word is not plain ASCII.
	firsts map[string]bool
	// byFirst holds, when every word of every phrase is plain ASCII, the
	// phrases by their first word, in the order of re's alternatives (see
	// matchPhrase); nil otherwise.
	byFirst map[string][]plainPhrase
}

func newPhraseIndex() *phraseIndex { return &phraseIndex{index: map[string]int{}} }

func (pi *phraseIndex) add(phrase string, owner int) {
	key := strings.Join(tokens(phrase), " ")
	if key == "" {
		return
	}
	if _, dup := pi.index[key]; dup {
		return
	}
	pi.index[key] = owner
	pi.phrases = append(pi.phrases, phrase)
}

func (pi *phraseIndex) compile() {
	pats := make([]string, 0, len(pi.phrases))
	pi.firsts = map[string]bool{}
	type alt struct {
		pat   string
		words []string
	}
	var alts []alt
	plain := true
	for _, ph := range pi.phrases {
		words := tokens(ph)
		if pi.firsts != nil && !isASCIIWord(words[0]) {
			pi.firsts = nil
		}
		if pi.firsts != nil {
			pi.firsts[words[0]] = true
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			plain = plain && isASCIIWord(w)
			quoted[i] = regexp.QuoteMeta(w)
		}
		// Between words: spaces, hyphens, slashes or an ampersand.
		alts = append(alts, alt{strings.Join(quoted, `(?:[\s\-/]+|\s*&\s*)`), words})
	}
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i].pat) > len(alts[j].pat) })
	if plain {
		pi.byFirst = map[string][]plainPhrase{}
	}
	for _, a := range alts {
		pats = append(pats, a.pat)
		if plain {
			pi.byFirst[a.words[0]] = append(pi.byFirst[a.words[0]], plainPhrase{a.words, pi.index[strings.Join(a.words, " ")]})
		}
	}
	if len(pats) == 0 {
		pi.re = regexp.MustCompile(`\b\B`) // matches nothing
		return
	}
	pi.re = regexp.MustCompile(`(?i)\b(?:` + strings.Join(pats, "|") + `)\b`)
	pi.at = regexp.MustCompile(`(?i)^(?:` + strings.Join(pats, "|") + `)\b`)
}

// plainPhrase is a phrase of plain ASCII words, and its owner.
type plainPhrase struct {
	words []string
	owner int
}

// hit is one name found in a text.
type hit struct {
	start, end int
	owner      int
}

func (pi *phraseIndex) findAll(text string) []hit {
	if pi.firsts != nil && pi.byFirst != nil && !hasFoldToASCII(text) {
		// The words a plain phrase matches are its own: its owner needs
		// no key made of them (BenchmarkParseGenerated).
		var out []hit
		pi.eachPlain(text, func(from, to int, ph plainPhrase) {
			out = append(out, hit{from, to, ph.owner})
		})
		return out
	}
	var out []hit
	for _, loc := range pi.locate(text) {
		key := strings.Join(tokens(text[loc[0]:loc[1]]), " ")
		owner, ok := pi.index[key]
		if !ok {
			// "Thames & Chiltern" tokenises without the "&": try the
			// phrases' own keys with "and" dropped.
			owner, ok = pi.lookupLoose(key)
		}
		if ok {
			out = append(out, hit{loc[0], loc[1], owner})
		}
	}
	return out
}

// locate finds where re matches text, as re.FindAllStringIndex does. A match
// can only start at a whole word that begins a phrase, so with firsts known
// the anchored pattern is tried at those words alone.
func (pi *phraseIndex) locate(text string) [][]int {
	if pi.firsts == nil || hasFoldToASCII(text) {
		return pi.re.FindAllStringIndex(text, -1)
	}
	if pi.byFirst != nil {
		return pi.locatePlain(text)
	}
	return pi.locateAnchored(text)
}

// locateAnchored is locate with the anchored pattern tried at each word
// that begins a phrase.
func (pi *phraseIndex) locateAnchored(text string) [][]int {
	var out [][]int
	eachFirstWord(text, func(i int, w []byte) int {
		if pi.firsts[string(w)] {
			if loc := pi.at.FindStringIndex(text[i:]); loc != nil {
				out = append(out, []int{i, i + loc[1]})
				return i + loc[1]
			}
		}
		return -1
	})
	return out
}

// eachFirstWord calls f with each word of text where a phrase may begin,
// lower-cased in a buffer f must not keep: a word of ASCII letters and
// digits of at most 32 bytes, not after "_" (which \b counts as part of a
// word), and not inside the match before it. f returns where its match at
// the word ends, or -1 for none.
func eachFirstWord(text string, f func(i int, lower []byte) (end int)) {
	var buf [32]byte
	end := 0 // matches do not overlap
	for i := 0; i < len(text); {
		if !isAlnum(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		if i >= end && j-i <= len(buf) && (i == 0 || text[i-1] != '_') {
			w := buf[:j-i]
			for k := range w {
				w[k] = lowerASCII(text[i+k])
			}
			if e := f(i, w); e >= 0 {
				end = e
			}
		}
		i = j
	}
}

// locatePlain is locate when every phrase is plain ASCII words (byFirst):
// the phrases are matched by hand, where running the anchored pattern at
// each first word was a twentieth of the reader's time (BenchmarkParse,
// BenchmarkPhrases).
func (pi *phraseIndex) locatePlain(text string) [][]int {
	var out [][]int
	pi.eachPlain(text, func(from, to int, _ plainPhrase) { out = append(out, []int{from, to}) })
	return out
}

// eachPlain calls f with each match of a plain phrase in text, in order.
func (pi *phraseIndex) eachPlain(text string, f func(from, to int, ph plainPhrase)) {
	eachFirstWord(text, func(i int, w []byte) int {
		for _, ph := range pi.byFirst[string(w)] {
			if e := matchPhrase(text, i, ph.words); e >= 0 {
				f(i, e, ph)
				return e
			}
		}
		return -1
	})
}

// matchPhrase is where the pattern of a phrase of lower-case ASCII words,
// followed by \b, matches text from i on, or -1. Between two words stands
// a run of [\s\-/] or \s*&\s*: the run holds no "&", and no word starts
// with one of its bytes, so at most one of the two leads to the next word,
// and a run can only be taken whole.
func matchPhrase(text string, i int, words []string) int {
	pos := i
	for k, w := range words {
		if k > 0 {
			j := pos
			for j < len(text) && (isSpaceRE(text[j]) || text[j] == '-' || text[j] == '/') {
				j++
			}
			if j == pos || !hasPrefixFoldASCII(text[j:], w) {
				j = skipSpaceRE(text, pos)
				if j == len(text) || text[j] != '&' {
					return -1
				}
				j = skipSpaceRE(text, j+1)
			}
			pos = j
		}
		if !hasPrefixFoldASCII(text[pos:], w) {
			return -1
		}
		pos += len(w)
	}
	if pos < len(text) && isWordByteASCII(text[pos]) {
		return -1
	}
	return pos
}

func (pi *phraseIndex) lookupLoose(key string) (int, bool) {
	strip := func(s string) string { return strings.ReplaceAll(" "+s+" ", " and ", " ") }
	k := strip(key)
	for _, ph := range pi.phrases {
		name := strings.Join(tokens(ph), " ")
		if strip(name) == k {
			return pi.index[name], true
		}
	}
	return 0, false
}

func (pi *phraseIndex) first(text string) (hit, bool) {
	hs := pi.findAll(text)
	if len(hs) == 0 {
		return hit{}, false
	}
	return hs[0], true
}

// hasFoldToASCII reports whether s holds one of the only letters outside
// ASCII that a case-insensitive pattern matches to ASCII letters: long s
// (ſ) and the Kelvin sign (K). It is two strings.Contains, which find a
// short needle with vector instructions; strings.ContainsAny with these
// runes decodes s rune by rune, which cost the reader a fifth of its
// rating search (BenchmarkParse).
func hasFoldToASCII(s string) bool {
	return strings.Contains(s, "\u017F") || strings.Contains(s, "\u212A")
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isAlnum(w[i]) {
			return false
		}
	}
	return w != ""
}
